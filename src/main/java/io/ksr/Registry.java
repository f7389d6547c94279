package io.ksr;

import io.ksr.config.AuthenticationSettings;
import io.ksr.config.KafkaSettings;
import io.ksr.config.RegistryConfig;
import io.ksr.domain.SchemaProviders;
import io.ksr.embedded.EmbeddedKafka;
import io.ksr.http.HttpServer;
import io.ksr.http.InstanceStatus;
import io.ksr.monitoring.KafkaProbe;
import io.ksr.monitoring.Readiness;
import io.ksr.monitoring.RegistryMetrics;
import io.ksr.security.SignInMethods;
import io.ksr.store.RegistryTopology;
import io.ksr.store.StoreProgress;
import io.ksr.store.TopicNames;
import io.ksr.store.TopicSetup;
import io.ksr.store.TopicWatch;
import io.ksr.writer.BrokerClock;
import io.ksr.writer.CommandBacklog;
import io.ksr.writer.CommandHandler;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.LogBarrier;
import io.ksr.writer.ReplyListener;
import io.ksr.writer.WriterLocator;
import io.ksr.writer.WriterStatus;
import io.ksr.writer.WriterSupplier;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry instance: starts its parts in order (embedded broker if needed, topics, Kafka
 * Streams, reply listener, HTTP) and stops them in reverse order.
 */
public final class Registry implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final WriterStatus writerStatus = new WriterStatus();
  private String bootstrapServers;
  private HttpServer http;

  private Registry() {}

  /**
   * Starts an instance and returns once it answers reads.
   *
   * @throws RuntimeException when a part cannot start; whatever had started is stopped again
   */
  public static Registry start(final RegistryConfig config) {
    final Registry registry = new Registry();
    try {
      registry.startParts(config);
    } catch (final RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  private void startParts(final RegistryConfig config) {
    final long begin = System.nanoTime();
    final AuthenticationSettings.Authentication authentication = config.authentication();
    // Read the users and rules files first: a mistake in them should not wait for Kafka.
    final SignInMethods authenticator =
        authentication
            .authenticator()
            .map(settings -> signInMethods(settings, authentication.realm()))
            .orElse(null);
    LOG.info("Starting with this configuration:\n{}", config.describe());
    final RegistryMetrics metrics = new RegistryMetrics();
    started.push(metrics);
    bootstrapServers = String.join(",", config.bootstrapServers());
    if (bootstrapServers.isEmpty()) {
      final EmbeddedKafka broker =
          EmbeddedKafka.start(config.dataDir().resolve("kafka"), config.embeddedKafkaPort());
      started.push(broker);
      bootstrapServers = broker.bootstrapServers();
    }
    final KafkaSettings kafka = new KafkaSettings(config, bootstrapServers);
    final TopicNames topics = TopicNames.derivedFrom(config.topic());

    final Admin admin = Admin.create(kafka.admin());
    // What it still has pending at shutdown are probes and look-ups that no one waits for any more;
    // unbounded, closing would wait out their timeouts when Kafka is unreachable.
    started.push(() -> admin.close(Duration.ZERO));
    final TopicSetup.Topics topicFacts =
        new TopicSetup(admin, config.timeout().toMillis())
            .ensure(topics, config.topicReplicationFactor());
    final TopicWatch topicWatch =
        new TopicWatch(
            new TopicSetup(admin, config.timeout().toMillis()),
            topics,
            config.topicReplicationFactor());
    topicWatch.start(config.topicSettingsCheckInterval());
    started.push(topicWatch);
    metrics.bindTopicSettingsProblems(topicWatch::problems);
    final StoreProgress progress = new StoreProgress(topicFacts.commandsId());
    final String kafkaClusterId = kafkaClusterId(admin, config);
    final String instanceId = config.instanceId();

    final Producer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer());
    // A command still unsent at shutdown is sent if Kafka takes it within a request's timeout;
    // unbounded, closing would wait for the delivery timeout when Kafka is unreachable.
    started.push(() -> producer.close(config.timeout()));

    final SchemaProviders providers = SchemaProviders.builtIn();
    // A Kafka Streams client started again after a failure builds the same topology anew.
    final Supplier<Topology> topology =
        () ->
            config.leaderEligibility()
                ? RegistryTopology.withWriter(
                    topics,
                    progress,
                    providers,
                    new WriterSupplier(
                        new CommandHandler(providers, config.compatibilityLevel()),
                        providers,
                        progress,
                        new LogBarrier(producer, topics.schemas(), progress, instanceId),
                        new BrokerClock(producer, topics.commands()),
                        topicFacts.schemasMaxMessageBytes(),
                        writerStatus,
                        instanceId))
                : RegistryTopology.readerOnly(topics, progress, providers);
    final RegistryStreams streams =
        new RegistryStreams(
            new RegistryStreams.Parts(
                topology,
                asProperties(streamsSettings(kafka)),
                config.streamsStateDir(),
                config.groupId(),
                config.topic(),
                topicFacts.schemasId(),
                providers,
                config.compatibilityLevel()),
            progress,
            metrics::streamsStarted);
    started.push(streams);
    streams.start();

    final ReplyListener replies =
        new ReplyListener(new KafkaConsumer<>(kafka.replyConsumer()), topics.replies());
    replies.start();
    started.push(replies);
    final WriterLocator locator = new WriterLocator(admin, config.groupId(), topics.commands());
    locator.start();
    started.push(locator);
    final CommandSubmitter submitter =
        new CommandSubmitter(
            producer, topics.commands(), replies, progress, locator, config.timeout());
    started.push(submitter);

    final Supplier<InstanceStatus> status =
        () ->
            new InstanceStatus(
                kafkaClusterId,
                config.groupId(),
                instanceId,
                writerStatus.isWriter(),
                config.leaderEligibility(),
                locator.writer(),
                streams.lagRecords(),
                progress.skippedRecords(),
                progress.foreignRecords());
    final KafkaProbe probe = new KafkaProbe(admin, streams::lagRecords);
    started.push(probe);
    final Supplier<Readiness> readiness =
        () ->
            Readiness.of(
                probe,
                config.readyTimeout(),
                () ->
                    streams
                        .problem(config.readyTimeout())
                        .or(() -> writerStatus.lagging(config.readyTimeout())));
    metrics.bind(
        new RegistryMetrics.Sources(
            streams::lagRecords,
            writerStatus::isWriter,
            replies::pendingCount,
            progress::skippedRecords,
            progress::foreignRecords,
            readiness));
    http =
        HttpServer.start(
            new HttpServer.Settings(
                config.listeners(),
                config.tls(),
                config.maxRequestBodySize(),
                config.requestLogLevel(),
                config.auditLogFile()),
            new HttpServer.Services(
                streams::queries,
                submitter,
                providers,
                status,
                config.modeMutability(),
                new HttpServer.SignIn(authenticator, authentication.skipPaths()),
                readiness,
                metrics));
    started.push(http);
    LOG.info(
        "Schema registry '{}', instance {}, ready in {} ms: listening on {} (ports {}), Kafka at"
            + " {}, may become the writer: {}",
        config.groupId(),
        instanceId,
        (System.nanoTime() - begin) / 1_000_000,
        config.listeners(),
        http.ports(),
        bootstrapServers,
        config.leaderEligibility());
  }

  private static SignInMethods signInMethods(
      final SignInMethods.Settings settings, final String realm) {
    try {
      return new SignInMethods(settings, realm);
    } catch (final IllegalArgumentException | UncheckedIOException e) {
      throw new ConfigException("Cannot use the users or access rules file: " + e.getMessage());
    }
  }

  private static String kafkaClusterId(final Admin admin, final RegistryConfig config) {
    try {
      return admin
          .describeCluster()
          .clusterId()
          .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (final ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not tell its cluster id: " + e, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while asking Kafka for its cluster id", e);
    }
  }

  /** The ports the REST API listens on. */
  public List<Integer> ports() {
    return http.ports();
  }

  /** Whether this instance is currently the registry's single writer. */
  public boolean isWriter() {
    return writerStatus.isWriter();
  }

  /** The Kafka brokers this instance uses: the configured ones or its embedded broker. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops every part that started, newest first; safe to call more than once. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      final AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (final Exception e) {
        LOG.warn("Stopping {} failed", part, e);
      }
    }
  }

  /**
   * Kafka Streams' settings, with {@link CommandBacklog} on the consumer of commands (ahead of any
   * interceptor the user configured for every client), so the writer commits as soon as it has
   * processed the commands it fetched.
   */
  private static Map<String, Object> streamsSettings(final KafkaSettings kafka) {
    final Map<String, Object> settings = kafka.streams();
    final Object configured = settings.get(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG);
    settings.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG),
        configured == null || configured.toString().isBlank()
            ? CommandBacklog.class.getName()
            : CommandBacklog.class.getName() + "," + configured);
    return settings;
  }

  private static Properties asProperties(final Map<String, Object> settings) {
    final Properties properties = new Properties();
    properties.putAll(settings);
    return properties;
  }
}
