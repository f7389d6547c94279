package io.ksr;

import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesPresent;
import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RegistryInvariants.assertSameAnswers;
import static io.ksr.testkit.RegistryInvariants.awaitCaughtUp;
import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.embedded.EmbeddedKafka;
import io.ksr.testkit.Partitions;
import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/** Registries whose Kafka brokers go away and come back; the registries are never restarted. */
@Tag("integration")
class BrokerLossIntegrationTest {
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void shouldKeepEveryAcknowledgedWriteWhenOneOfThreeBrokersStops(final TestInfo test)
      throws Exception {
    try (KafkaClusterTestKit cluster = TestClusters.start(3)) {
      final Map<String, Object> settings =
          TestRegistry.settings(name(test), dir.resolve("a"), cluster.bootstrapServers());
      settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
      final Map<String, Object> otherSettings = new HashMap<>(settings);
      otherSettings.put(RegistryConfig.DATA_DIR, dir.resolve("b").toString());
      try (TestRegistry first = TestRegistry.start(settings);
          TestRegistry second = TestRegistry.start(otherSettings)) {
        final List<RestClient> clients = List.of(first.client(), second.client());
        final List<RegistrationLoad.Ack> acks;
        try (RegistrationLoad load = new RegistrationLoad(clients, 2, "brokers")) {
          Wait.until("writes before", Duration.ofSeconds(60), () -> load.acks().size() >= 20);
          // The leader of _schemas is the broker whose loss hurts most.
          final int leader;
          try (Partitions partitions = new Partitions(cluster.bootstrapServers())) {
            leader = partitions.leader((String) settings.get(RegistryConfig.TOPIC)).orElseThrow();
          }
          final long stoppedAt = System.nanoTime();
          cluster.brokers().get(leader).shutdown();
          Wait.until(
              "writes after the broker stopped",
              RECOVERY,
              () -> load.acks().stream().filter(ack -> ack.at() > stoppedAt).count() >= 20);
          load.close();
          acks = load.acks();
        }

        assertOneIdPerSchema(acks);
        for (final RestClient client : clients) {
          awaitCaughtUp(client);
          assertAcknowledgedWritesPresent(client, acks);
        }
        assertSameAnswers(clients, acks);
        assertLogWrittenByOneWriterAtATime(
            SchemasLog.read(
                cluster.bootstrapServers(), (String) settings.get(RegistryConfig.TOPIC)));
      }
    }
  }

  @Test
  void shouldFailWritesWithinTheTimeoutAndRecoverWhenTheOnlyBrokerRestarts(final TestInfo test) {
    final int port = freePort();
    final Path brokerDir = dir.resolve("broker");
    EmbeddedKafka broker = EmbeddedKafka.start(brokerDir, port);
    try {
      final Map<String, Object> settings =
          TestRegistry.settings(name(test), dir.resolve("registry"), "127.0.0.1:" + port);
      settings.put(RegistryConfig.TIMEOUT_MS, 3000);
      try (TestRegistry registry = TestRegistry.start(settings)) {
        final RestClient rest = registry.client();
        // Within 3 s of starting, a loaded machine may not have elected the writer yet.
        Wait.until(
            "the registry to be its writer",
            Duration.ofSeconds(30),
            () -> registry.registry().isWriter());
        assertEquals(
            "{\"id\":1}", rest.post("/subjects/before/versions", schemaBody("\"int\"")).body());

        broker.close();
        broker = null;
        final long start = System.nanoTime();
        final RestClient.Response refused =
            rest.post("/subjects/during/versions", schemaBody("\"long\""));
        final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(500, refused.status(), refused.body());
        assertEquals(50002, refused.errorCode(), refused.body());
        assertTrue(tookMs < 3000 + 2000, "took " + tookMs + " ms");
        assertEquals("[\"before\"]", rest.get("/subjects").body());
        assertEquals("{\"schema\":\"\\\"int\\\"\"}", rest.get("/schemas/ids/1").body());

        broker = EmbeddedKafka.start(brokerDir, port);
        Wait.until(
            "writes to work again without a registry restart",
            RECOVERY,
            () -> rest.post("/subjects/after/versions", schemaBody("\"string\"")).status() == 200);
        assertTrue(rest.get("/subjects").body().contains("\"after\""));
        assertTrue(rest.get("/subjects").body().contains("\"before\""));
        assertEquals("{\"schema\":\"\\\"int\\\"\"}", rest.get("/schemas/ids/1").body());
      }
    } finally {
      if (broker != null) {
        broker.close();
      }
    }
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
