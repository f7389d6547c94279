package io.ksr.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Kafka broker (KRaft, broker and controller in one) running inside the registry's
 * process, so that the registry starts with one command when no Kafka is configured. Its log
 * survives restarts; users' own Kafka Streams jobs can connect to it on loopback.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
  private static final String LOOPBACK = "127.0.0.1";

  private final KafkaRaftServer server;
  private final int port;

  private EmbeddedKafka(final KafkaRaftServer server, final int port) {
    this.server = server;
    this.port = port;
  }

  /**
   * Starts the broker, formatting its log directory on first use.
   *
   * @param logDir where the broker keeps its data; only one broker may use it at a time
   * @param port the client port on 127.0.0.1, or 0 for a free one
   */
  public static EmbeddedKafka start(final Path logDir, final int port) {
    try {
      Files.createDirectories(logDir);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot create the embedded broker's directory " + logDir, e);
    }
    final int brokerPort = port == 0 ? freePort() : port;
    final int controllerPort = freePort();
    final KafkaConfig config =
        KafkaConfig.fromProps(brokerProperties(logDir, brokerPort, controllerPort), false);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir);
    }
    final long started = System.nanoTime();
    final KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      server.startup();
    } catch (final RuntimeException e) {
      // Broker threads are not daemons: a half-started broker would keep the JVM alive.
      server.shutdown();
      server.awaitShutdown();
      throw e;
    }
    LOG.info(
        "Embedded Kafka broker started on {}:{} in {} ms (data in {})",
        LOOPBACK,
        brokerPort,
        (System.nanoTime() - started) / 1_000_000,
        logDir.toAbsolutePath());
    return new EmbeddedKafka(server, brokerPort);
  }

  /** The address clients connect to. */
  public String bootstrapServers() {
    return LOOPBACK + ":" + port;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
    LOG.info("Embedded Kafka broker stopped");
  }

  private static Properties brokerProperties(
      final Path logDir, final int brokerPort, final int controllerPort) {
    final Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", "1");
    props.put("controller.quorum.voters", "1@" + LOOPBACK + ":" + controllerPort);
    props.put(
        "listeners",
        "PLAINTEXT://"
            + LOOPBACK
            + ":"
            + brokerPort
            + ",CONTROLLER://"
            + LOOPBACK
            + ":"
            + controllerPort);
    props.put("advertised.listeners", "PLAINTEXT://" + LOOPBACK + ":" + brokerPort);
    props.put("controller.listener.names", "CONTROLLER");
    props.put("inter.broker.listener.name", "PLAINTEXT");
    props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
    props.put("log.dirs", logDir.toAbsolutePath().toString());
    props.put("num.partitions", "1");
    // One broker: every internal topic has one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    // Start and fail over fast: no wait for more group members, and quick recovery of an open
    // transaction or a broker session after a crash.
    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("group.streams.initial.rebalance.delay.ms", "0");
    props.put("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
    props.put("broker.session.timeout.ms", "2000");
    props.put("broker.heartbeat.interval.ms", "500");
    return props;
  }

  private static void format(final Path logDir) {
    final String dir = logDir.toAbsolutePath().toString();
    try {
      new Formatter()
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(1)
          .setDirectories(List.of(dir))
          .setMetadataLogDirectory(dir)
          .setControllerListenerName("CONTROLLER")
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setPrintStream(System.out)
          .run();
    } catch (final Exception e) {
      throw new IllegalStateException("Cannot format the embedded broker's directory " + dir, e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException("No free port on " + LOOPBACK, e);
    }
  }
}
