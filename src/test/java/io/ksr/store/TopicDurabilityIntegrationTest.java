package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * On three brokers, the registry's topics need two in-sync replicas to acknowledge a write, and the
 * registry reports it when an operator changes a setting it relies on while it runs.
 */
@Tag("integration")
class TopicDurabilityIntegrationTest {
  private static final String CHECK_INTERVAL_MS = "topic.settings.check.interval.ms";
  private static final Duration REPORTED = Duration.ofSeconds(30);

  private static KafkaClusterTestKit cluster;
  private static Admin admin;

  @TempDir Path dir;

  @BeforeAll
  static void startBrokers() {
    cluster = TestClusters.start(3);
    admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrapServers()));
  }

  @AfterAll
  static void stopBrokers() throws Exception {
    admin.close();
    cluster.close();
  }

  @Test
  void shouldCreateTopicsThatTwoBrokersAcknowledgeAndReportLaterChanges(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = settings(test);
    final TopicNames topics = TopicNames.derivedFrom((String) settings.get(RegistryConfig.TOPIC));

    try (TestRegistry registry = TestRegistry.start(settings)) {
      for (final String topic : List.of(topics.schemas(), topics.commands(), topics.replies())) {
        assertEquals("2", config(topic, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG), topic);
      }
      final RestClient client = registry.client();
      awaitProblems(client, 0);

      alter(topics.schemas(), TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "1");
      awaitProblems(client, 1);
      alter(topics.schemas(), TopicConfig.CLEANUP_POLICY_CONFIG, "compact,delete");
      awaitProblems(client, 2);

      alter(topics.schemas(), TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, "2");
      alter(topics.schemas(), TopicConfig.CLEANUP_POLICY_CONFIG, "compact");
      awaitProblems(client, 0);
    }
  }

  @Test
  void shouldStartOnATopicThatOneBrokerAcknowledgesAndReportIt(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = settings(test);
    final String schemas = (String) settings.get(RegistryConfig.TOPIC);
    admin
        .createTopics(
            List.of(
                new NewTopic(schemas, 1, (short) 3)
                    .configs(
                        Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            TopicConfig.CLEANUP_POLICY_COMPACT,
                            TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG,
                            "1"))))
        .all()
        .get();

    try (TestRegistry registry = TestRegistry.start(settings)) {
      awaitProblems(registry.client(), 1);
    }
  }

  private Map<String, Object> settings(final TestInfo test) {
    final String name = test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    final Map<String, Object> settings =
        TestRegistry.settings(name, dir, cluster.bootstrapServers());
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
    settings.put(CHECK_INTERVAL_MS, 1_000);
    return settings;
  }

  private static void awaitProblems(final RestClient client, final int count) {
    final String line = "ksr_topic_settings_problems " + count + ".0";
    Wait.until(
        line + " in GET /metrics",
        REPORTED,
        () -> client.get("/metrics").body().lines().anyMatch(line::equals));
  }

  private static String config(final String topic, final String key) throws Exception {
    final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(key).value();
  }

  private static void alter(final String topic, final String key, final String value)
      throws Exception {
    final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    admin
        .incrementalAlterConfigs(
            Map.of(
                resource,
                List.of(new AlterConfigOp(new ConfigEntry(key, value), AlterConfigOp.OpType.SET))))
        .all()
        .get();
  }
}
