package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.store.TopicSetupException;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The registry's relation to the {@code _schemas} topic as it is found in Kafka. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SchemasTopicIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldRefuseToStartOnATopicWithSeveralPartitions(final TestInfo test) throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    RawTopics.create(
        (String) settings.get(RegistryConfig.TOPIC), 3, Map.of("cleanup.policy", "compact"));

    final TopicSetupException error =
        assertThrows(TopicSetupException.class, () -> TestRegistry.start(settings));

    assertTrue(error.getMessage().contains("has 3 partitions"), error.getMessage());
  }

  @Test
  void shouldRefuseToStartOnATopicThatDeletesRecords(final TestInfo test) throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    RawTopics.create(
        (String) settings.get(RegistryConfig.TOPIC), 1, Map.of("cleanup.policy", "delete"));

    final TopicSetupException error =
        assertThrows(TopicSetupException.class, () -> TestRegistry.start(settings));

    assertTrue(error.getMessage().contains("cleanup.policy=compact"), error.getMessage());
  }

  @Test
  void shouldSkipRecordsItCannotReadAndKeepServing(final TestInfo test) throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    final String topic = (String) settings.get(RegistryConfig.TOPIC);
    RawTopics.create(topic, 1, Map.of("cleanup.policy", "compact"));
    produce(
        topic,
        "{\"keytype\":\"SCHEMA\",\"subject\":\"old\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"old\",\"version\":1,\"id\":5,\"schema\":\"\\\"int\\\"\",\"deleted\":false}");
    produce(topic, "garbage", "more garbage");
    produce(topic, "{\"keytype\":\"FROM_THE_FUTURE\",\"magic\":9}", "{}");
    produce(
        topic,
        "{\"keytype\":\"SCHEMA\",\"subject\":\"broken\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"broken\",\"version\":1,\"id\":3,\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");

    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      assertEquals("[\"old\"]", rest.get("/subjects").body());

      produce(
          topic,
          "{\"keytype\":\"SCHEMA\",\"subject\":\"x\",\"version\":1,\"magic\":1}",
          "{\"id\":");

      assertEquals(
          "{\"id\":6}", rest.post("/subjects/new/versions", schemaBody("\"string\"")).body());
      assertEquals("[\"new\",\"old\"]", rest.get("/subjects").body());
      assertEquals(4, rest.get("/v1/metadata/id").json().at("/instance/skippedRecords").asInt());
    }
  }

  private static void produce(final String topic, final String key, final String value)
      throws Exception {
    RawTopics.produce(topic, List.of(new RawTopics.Text(key, value)));
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }
}
