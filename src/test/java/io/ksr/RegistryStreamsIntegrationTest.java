package io.ksr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.KafkaSettings;
import io.ksr.config.RegistryConfig;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.RegistryTopology;
import io.ksr.store.StoreProgress;
import io.ksr.store.TopicNames;
import io.ksr.store.TopicSetup;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.TopicClients;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The instance's Kafka Streams application on a real broker, with a writer whose stream thread
 * fails on every command: Kafka Streams replaces the thread again and again, and the instance must
 * say it is not ready rather than look healthy.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class RegistryStreamsIntegrationTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @TempDir Path dataDir;

  @Test
  void shouldNotBeReadyWhileAStreamThreadKeepsFailing() throws Exception {
    final RegistryConfig config =
        new RegistryConfig(TestRegistry.settings("failing-thread", dataDir));
    final TopicNames topics = TopicNames.derivedFrom(config.topic());
    final TopicSetup.Topics created;
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      created = new TopicSetup(admin, 10_000).ensure(topics, 1);
    }
    final StoreProgress progress = new StoreProgress(created.commandsId());
    final SchemaProviders providers = SchemaProviders.builtIn();
    final Properties settings = new Properties();
    settings.putAll(new KafkaSettings(config, TestKafka.bootstrapServers()).streams());
    try (RegistryStreams streams =
        new RegistryStreams(
            new RegistryStreams.Parts(
                () ->
                    RegistryTopology.withWriter(
                        topics, progress, providers, RegistryStreamsIntegrationTest::failing),
                settings,
                config.streamsStateDir(),
                config.groupId(),
                config.topic(),
                created.schemasId(),
                providers,
                CompatibilityLevel.BACKWARD),
            progress,
            client -> {})) {
      streams.start();
      assertEquals(Optional.empty(), streams.problem(PATIENCE));

      TopicClients.produce(
          topics.commands(), new StringSerializer(), Map.of("request-1", "a command"));

      Wait.until(
          "the failing thread to show",
          Duration.ofSeconds(60),
          () -> streams.problem(PATIENCE).isPresent());
      assertTrue(
          streams.problem(PATIENCE).orElseThrow().contains("a stream thread failed"),
          streams.problem(PATIENCE).toString());
    }
  }

  /** A writer that fails on every command, as a bug or a broken dependency would make it. */
  private static Processor<byte[], byte[], byte[], byte[]> failing() {
    return new Processor<>() {
      @Override
      public void process(final Record<byte[], byte[]> record) {
        throw new IllegalStateException("this writer fails on every command");
      }
    };
  }
}
