package io.ksr;

import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesPresent;
import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.config.RegistryConfig;
import io.ksr.store.TopicNames;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Topics of the registry deleted and created again under the same name while the registry was
 * stopped, on the same cluster: a warm restart must not read the new topics as if they were the old
 * ones, whose offsets it remembers.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class RecreatedTopicsIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldNotHandOutAnIdTwiceAfterTheCommandTopicIsCreatedAgain(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      // Commands up to an offset far above those the new command topic will reach in the test.
      for (int n = 0; n < 150; n++) {
        final RestClient.Response registered =
            registry.client().post("/subjects/before-" + n + "/versions", schemaBody(record(n)));
        assertEquals(200, registered.status(), registered.body());
      }
      registry.stop();
      deleteTopic(TopicNames.derivedFrom(topic(settings)).commands());

      registry.restart();
      final List<RegistrationLoad.Ack> acks;
      try (RegistrationLoad load =
          new RegistrationLoad(List.of(registry.client()), 6, "after-" + name(test))) {
        Wait.until("writes", Duration.ofSeconds(60), () -> load.acks().size() >= 60);
        load.close();
        acks = load.acks();
      }

      assertOneIdPerSchema(acks);
      assertAcknowledgedWritesPresent(registry.client(), acks);
      assertLogWrittenByOneWriterAtATime(
          SchemasLog.read(TestKafka.bootstrapServers(), topic(settings)));
      assertEquals(
          0,
          registry.client().get("/v1/metadata/id").json().at("/instance/skippedRecords").asLong());
    }
  }

  @Test
  void shouldRebuildTheStoreWhenTheSchemasTopicIsCreatedAgainOnTheSameCluster(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      registry.client().post("/subjects/a/versions", schemaBody(record(1)));
      registry.client().post("/subjects/b/versions", schemaBody(record(2)));
      registry.stop();
      deleteTopic(topic(settings));
      // A copy with more records than the old topic had, so that the old offsets point into it.
      final List<RawTopics.Text> copy = new ArrayList<>();
      final List<String> subjects = new ArrayList<>();
      for (int n = 0; n < 20; n++) {
        final String subject = "copied-" + (char) ('a' + n);
        subjects.add(subject);
        copy.add(
            new RawTopics.Text(
                "{\"keytype\":\"SCHEMA\",\"subject\":\""
                    + subject
                    + "\",\"version\":1,\"magic\":1}",
                "{\"subject\":\""
                    + subject
                    + "\",\"version\":1,\"id\":"
                    + (n + 1)
                    + ",\"schema\":"
                    + schemaBody(record(100 + n)).substring("{\"schema\":".length())));
      }
      RawTopics.create(topic(settings), 1, Map.of("cleanup.policy", "compact"));
      RawTopics.produce(topic(settings), copy);

      registry.restart();

      final RestClient rest = registry.client();
      assertEquals(
          "[" + String.join(",", subjects.stream().map(s -> "\"" + s + "\"").toList()) + "]",
          rest.get("/subjects").body());
      assertEquals(
          record(100),
          rest.get("/schemas/ids/1").json().get("schema").asText(),
          "id 1 is the copy's");
    }
  }

  private static void deleteTopic(final String topic) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      admin.deleteTopics(List.of(topic)).all().get();
      Wait.until(topic + " to be gone", Duration.ofSeconds(30), () -> !exists(admin, topic));
    }
  }

  private static boolean exists(final Admin admin, final String topic) {
    try {
      return admin.listTopics().names().get().contains(topic);
    } catch (final Exception e) {
      throw new AssertionError("listing topics failed", e);
    }
  }

  private static String record(final int n) {
    return "{\"type\":\"record\",\"name\":\"R" + n + "\",\"fields\":[]}";
  }

  private static String topic(final Map<String, Object> settings) {
    return (String) settings.get(RegistryConfig.TOPIC);
  }

  private static String name(final TestInfo test) {
    return "recreated-" + Math.abs(test.getTestMethod().orElseThrow().getName().hashCode());
  }
}
