package io.ksr.writer;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code _schemas} topic that takes smaller records than Kafka's default: a schema too large for
 * it is refused with 42209, and the writer goes on, rather than fail to append it again and again.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SchemasTopicLimitIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldRefuseASchemaTooLargeForTheTopicAndGoOn() throws Exception {
    final Map<String, Object> settings = TestRegistry.settings("schemas-topic-limit", dataDir);
    settings.put(RegistryConfig.TIMEOUT_MS, 5_000);
    final String topic = (String) settings.get(RegistryConfig.TOPIC);
    RawTopics.create(
        topic,
        1,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
            "20000"));
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      final String large =
          "{\"type\":\"record\",\"name\":\"Large\",\"doc\":\""
              + "x".repeat(30_000)
              + "\",\"fields\":[]}";

      final RestClient.Response refused = rest.post("/subjects/large/versions", schemaBody(large));

      assertEquals(422, refused.status(), refused.body());
      assertEquals(42209, refused.errorCode());
      assertTrue(refused.body().contains("that the schemas topic takes"), refused.body());
      assertEquals(
          "{\"id\":1}", rest.post("/subjects/small/versions", schemaBody("\"string\"")).body());
      assertTrue(
          SchemasLog.read(TestKafka.bootstrapServers(), topic).stream()
              .noneMatch(entry -> entry.key().contains("\"large\"")));
    }
  }
}
