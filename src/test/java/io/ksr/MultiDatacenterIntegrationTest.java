package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.store.HeaderNames;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.SchemasMirror;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The set-ups and run books of docs/multi-datacenter.md, on real Kafka clusters: one registry
 * spread over two data centers, and two registries sharing one cluster.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class MultiDatacenterIntegrationTest {
  private static final String TOPIC = "_schemas-mdc";
  private static final int TIMEOUT_MS = 3000;

  @TempDir Path dir;

  @Test
  void shouldServeDcBFromDcAAndTakeOverWithTheMirroredSchemasWhenDcAIsLost() throws Exception {
    final KafkaClusterTestKit dcA = TestClusters.start(1);
    boolean dcALost = false;
    try (KafkaClusterTestKit dcB = TestClusters.start(1)) {
      final String bootstrapA = dcA.bootstrapServers();
      final TestRegistry a1 = TestRegistry.start(settings("a1", bootstrapA, true));
      try (TestRegistry b1 = TestRegistry.start(settings("b1", bootstrapA, false));
          TestRegistry b2 = TestRegistry.start(settings("b2", bootstrapA, false))) {
        // Active-passive: writes through DC B land in DC A's topic and are read in DC B.
        final Map<String, Integer> ids = new LinkedHashMap<>();
        for (int i = 0; i < 6; i++) {
          final RestClient through = (i % 2 == 0 ? b1 : b2).client();
          final String subject = "s" + i;
          final RestClient.Response registered =
              through.post("/subjects/" + subject + "/versions", schemaBody(record(i)));
          assertEquals(200, registered.status(), registered.body());
          ids.put(subject, registered.json().get("id").asInt());
        }
        assertTrue(a1.registry().isWriter());
        assertFalse(b1.registry().isWriter());
        assertFalse(b2.registry().isWriter());
        final List<SchemasLog.Entry> logA = SchemasLog.read(bootstrapA, TOPIC);
        ids.keySet().forEach(subject -> assertTrue(subjectIn(logA, subject), subject + " in DC A"));
        for (final TestRegistry instance : List.of(b1, b2)) {
          assertServesEverySchema(instance.client(), ids);
        }
        abortWrite(bootstrapA);

        // Disaster recovery: MirrorMaker 2 copies the topic to DC B under the same name.
        try (SchemasMirror mirror =
            SchemasMirror.start(bootstrapA, dcB.bootstrapServers(), TOPIC)) {
          Wait.until(
              "MirrorMaker to copy every schema to DC B",
              Duration.ofSeconds(120),
              () -> subjectsIn(dcB.bootstrapServers()) >= ids.size());
        }
        final List<SchemasLog.Entry> logB = SchemasLog.read(dcB.bootstrapServers(), TOPIC);
        assertFalse(subjectIn(logB, "aborted"), "an aborted write was copied");
        assertTrue(
            logB.stream().anyMatch(entry -> entry.headers().containsKey(HeaderNames.COMMAND_TOPIC)),
            "copies keep the writer's headers");
        assertSingleCompactedPartition(dcB.bootstrapServers());

        // Losing DC A: its registry and cluster go; DC B keeps reading and refuses writes in time.
        a1.close();
        dcA.close();
        dcALost = true;
        for (final TestRegistry instance : List.of(b1, b2)) {
          assertWriteRefusedInTime(instance.client());
          assertServesEverySchema(instance.client(), ids);
        }

        // The run book: one instance at a time moves to DC B's cluster and may become the writer.
        final Map<String, Object> takeOver =
            Map.of(
                RegistryConfig.BOOTSTRAP_SERVERS,
                dcB.bootstrapServers(),
                RegistryConfig.LEADER_ELIGIBILITY,
                true);
        restartWhileReading(b1, takeOver, b2.client(), ids);
        restartWhileReading(b2, takeOver, b1.client(), ids);

        final int highest = ids.values().stream().max(Integer::compare).orElseThrow();
        for (final TestRegistry instance : List.of(b1, b2)) {
          assertServesEverySchema(instance.client(), ids);
        }
        Wait.until(
            "an instance in DC B to become the writer",
            Duration.ofSeconds(60),
            () -> b1.registry().isWriter() || b2.registry().isWriter());
        int previous = highest;
        for (final TestRegistry instance : List.of(b1, b2, b1)) {
          final RestClient.Response registered =
              instance
                  .client()
                  .post("/subjects/after-" + previous + "/versions", schemaBody(record(previous)));
          assertEquals(200, registered.status(), registered.body());
          final int id = registered.json().get("id").asInt();
          assertTrue(id > previous, "id " + id + " after " + previous);
          // Read-your-write on the instance that took the request, even if it is not the writer.
          assertEquals(200, instance.client().get("/schemas/ids/" + id).status());
          previous = id;
        }
      }
    } finally {
      if (!dcALost) {
        dcA.close();
      }
    }
  }

  @Test
  void shouldKeepTwoRegistriesOnOneClusterIndependent() {
    try (TestRegistry first = TestRegistry.start(sharedCluster("first"));
        TestRegistry second = TestRegistry.start(sharedCluster("second"))) {
      final RestClient one = first.client();
      final RestClient two = second.client();

      assertEquals(
          "{\"id\":1}", one.post("/subjects/orders/versions", schemaBody(record(1))).body());
      assertEquals(
          "{\"id\":1}", two.post("/subjects/users/versions", schemaBody(record(2))).body());
      assertEquals(
          "{\"id\":2}", one.post("/subjects/users/versions", schemaBody(record(3))).body());
      assertEquals(200, one.put("/config", "{\"compatibility\":\"NONE\"}").status());

      assertEquals("[\"orders\",\"users\"]", one.get("/subjects").body());
      assertEquals("[\"users\"]", two.get("/subjects").body());
      assertEquals(404, two.get("/schemas/ids/2").status());
      assertTrue(two.get("/config").body().contains("BACKWARD"), two.get("/config").body());
      assertTrue(first.registry().isWriter(), "each registry has its own writer");
      assertTrue(second.registry().isWriter(), "each registry has its own writer");
    }
  }

  private Map<String, Object> settings(
      final String instance, final String bootstrap, final boolean eligible) {
    final Map<String, Object> settings =
        TestRegistry.settings("mdc", dir.resolve(instance), bootstrap);
    settings.put(RegistryConfig.TOPIC, TOPIC);
    settings.put(RegistryConfig.GROUP_ID, "registry-mdc");
    settings.put(RegistryConfig.LEADER_ELIGIBILITY, eligible);
    settings.put(RegistryConfig.TIMEOUT_MS, TIMEOUT_MS);
    return settings;
  }

  private Map<String, Object> sharedCluster(final String name) {
    final Map<String, Object> settings =
        TestRegistry.settings(name + "-" + System.nanoTime(), dir.resolve(name));
    assertTrue(
        ((String) settings.get(RegistryConfig.BOOTSTRAP_SERVERS))
            .equals(TestKafka.bootstrapServers()));
    return settings;
  }

  private static String record(final int field) {
    return "{\"type\":\"record\",\"name\":\"R" + field + "\",\"fields\":[]}";
  }

  private static void assertServesEverySchema(
      final RestClient client, final Map<String, Integer> ids) {
    ids.forEach(
        (subject, id) -> {
          final RestClient.Response latest =
              client.get("/subjects/" + subject + "/versions/latest");
          assertEquals(200, latest.status(), latest.body());
          assertEquals(id, latest.json().get("id").asInt(), subject);
          assertEquals(200, client.get("/schemas/ids/" + id).status());
        });
  }

  private static void assertWriteRefusedInTime(final RestClient client) {
    final long start = System.nanoTime();
    final RestClient.Response refused =
        client.post("/subjects/cut-off/versions", schemaBody("\"string\""));
    final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertEquals(500, refused.status(), refused.body());
    assertTrue(refused.errorCode() == 50002 || refused.errorCode() == 50003, refused.body());
    assertTrue(tookMs < TIMEOUT_MS + 2000, "took " + tookMs + " ms");
  }

  /** Restarts one instance with new settings, reading from another the whole time. */
  private static void restartWhileReading(
      final TestRegistry restarted,
      final Map<String, Object> changed,
      final RestClient reader,
      final Map<String, Integer> ids)
      throws InterruptedException {
    final AtomicInteger served = new AtomicInteger();
    final List<String> failed = new ArrayList<>();
    final Thread polls =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                ids.forEach(
                    (subject, id) -> {
                      final RestClient.Response answer = reader.get("/schemas/ids/" + id);
                      if (answer.status() == 200) {
                        served.incrementAndGet();
                      } else {
                        synchronized (failed) {
                          failed.add(answer.status() + " " + answer.body());
                        }
                      }
                    });
              }
            });
    polls.start();
    try {
      restarted.restartWith(changed);
    } finally {
      polls.interrupt();
      polls.join();
    }
    assertEquals(List.of(), failed);
    assertTrue(served.get() > 0, "no read during the restart");
  }

  /** Appends a schema in a transaction that is aborted, as a fenced writer's would be. */
  private static void abortWrite(final String bootstrap) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "fenced-writer"),
            new StringSerializer(),
            new StringSerializer())) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(
          new ProducerRecord<>(
              TOPIC,
              0,
              "{\"keytype\":\"SCHEMA\",\"subject\":\"aborted\",\"version\":1,\"magic\":1}",
              "{\"subject\":\"aborted\",\"version\":1,\"id\":999,\"schema\":\"\\\"string\\\"\"}"));
      producer.flush();
      producer.abortTransaction();
    }
  }

  /** How many schema records the topic holds; 0 before MirrorMaker has created it. */
  private static long subjectsIn(final String bootstrap) {
    // Reading a missing topic would have the broker create it, unlike MirrorMaker, uncompacted.
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      if (!admin.listTopics().names().get().contains(TOPIC)) {
        return 0;
      }
    } catch (final ExecutionException e) {
      return 0;
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return SchemasLog.read(bootstrap, TOPIC).stream()
        .filter(entry -> entry.key().contains("\"SCHEMA\""))
        .count();
  }

  private static boolean subjectIn(final List<SchemasLog.Entry> log, final String subject) {
    final String field = "\"subject\":\"" + subject + "\"";
    return log.stream().anyMatch(entry -> entry.key().contains(field));
  }

  private static void assertSingleCompactedPartition(final String bootstrap) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      final TopicDescription description =
          admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC);
      assertEquals(1, description.partitions().size());
      final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, TOPIC);
      assertEquals(
          "compact",
          admin
              .describeConfigs(List.of(resource))
              .all()
              .get()
              .get(resource)
              .get("cleanup.policy")
              .value());
    }
  }
}
