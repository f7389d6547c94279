package io.ksr.http;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrations of schemas a subject already has, over real HTTP on a real broker: answered by the
 * instance that takes them, in any mode and while no writer runs, with the id the writer gave, and
 * never written again; new schemas and other requests still go to the writer.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class KnownSchemaIntegrationTest {
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\","
          + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
          + "\"fields\":[{\"name\":\"to\",\"type\":\"Address\"}]}";
  private static final String ORDER_WITH_ADDRESS_INLINE = ORDER.replace("\"Address\"", ADDRESS);
  private static final String ORDER_BODY =
      "{\"schema\":"
          + quoted(ORDER)
          + ",\"references\":[{\"name\":\"acme.Address\",\"subject\":\"address\",\"version\":1}]}";

  @TempDir Path writerDir;
  @TempDir Path readerDir;

  @Test
  void shouldAnswerKnownSchemasOnAReaderWhileNoWriterRunsAndRefuseOnlyNewOnes(final TestInfo test) {
    final Map<String, Object> settings = TestRegistry.settings(name(test), writerDir);
    final Map<String, Object> readerSettings = TestRegistry.settings(name(test), readerDir);
    readerSettings.put(RegistryConfig.LEADER_ELIGIBILITY, false);
    readerSettings.put(RegistryConfig.TIMEOUT_MS, 2_000);
    try (TestRegistry writer = TestRegistry.start(settings);
        TestRegistry reader = TestRegistry.start(readerSettings)) {
      final RestClient rest = writer.client();
      assertEquals(1, id(rest.post("/subjects/plain/versions", schemaBody("\"string\""))));
      assertEquals(2, id(rest.post("/subjects/address/versions", schemaBody(ADDRESS))));
      assertEquals(3, id(rest.post("/subjects/order/versions", ORDER_BODY)));
      assertEquals(4, id(rest.post("/subjects/frozen/versions", schemaBody("\"long\""))));
      assertEquals(200, rest.put("/mode/frozen", "{\"mode\":\"READONLY\"}").status());
      final RestClient other = reader.client();
      Wait.until(
          "the reader to read the mode",
          Duration.ofSeconds(30),
          () -> other.get("/mode/frozen").body().contains("READONLY"));
      final int records = schemaRecords(settings);

      writer.stop();

      assertEquals(
          "{\"id\":1}", other.post("/subjects/plain/versions", schemaBody(" \"string\" ")).body());
      assertEquals(
          "{\"id\":4}", other.post("/subjects/frozen/versions", schemaBody("\"long\"")).body());
      assertEquals("{\"id\":3}", other.post("/subjects/order/versions", ORDER_BODY).body());
      assertEquals(
          "{\"id\":3}",
          other.post("/subjects/order/versions", schemaBody(ORDER_WITH_ADDRESS_INLINE)).body(),
          "a schema sent with its references inline finds the version that references them");
      final Response fresh = other.post("/subjects/plain/versions", schemaBody("\"bytes\""));
      assertEquals(500, fresh.status(), fresh.body());
      assertEquals(50002, fresh.errorCode(), fresh.body());
      final Response frozen = other.post("/subjects/frozen/versions", schemaBody("\"bytes\""));
      assertEquals(50002, frozen.errorCode(), "the writer decides the mode of a new schema");
      assertEquals(records, schemaRecords(settings), "nothing was written");
    }
  }

  @Test
  void shouldGiveTheSameIdOnAnotherInstanceRightAfterARegistrationAndWriteItOnce(
      final TestInfo test) {
    final Map<String, Object> settings = TestRegistry.settings(name(test), writerDir);
    final Map<String, Object> readerSettings = TestRegistry.settings(name(test), readerDir);
    readerSettings.put(RegistryConfig.LEADER_ELIGIBILITY, false);
    try (TestRegistry writer = TestRegistry.start(settings);
        TestRegistry reader = TestRegistry.start(readerSettings)) {
      for (int n = 0; n < 20; n++) {
        final String schema = "{\"type\":\"record\",\"name\":\"R" + n + "\",\"fields\":[]}";
        final int onWriter =
            id(writer.client().post("/subjects/s" + n + "/versions", schemaBody(schema)));
        assertEquals(
            onWriter,
            id(reader.client().post("/subjects/s" + n + "/versions", schemaBody(schema))),
            "schema " + n);
        assertEquals(
            onWriter,
            id(writer.client().post("/subjects/s" + n + "/versions", schemaBody(schema))),
            "schema " + n);
      }
      final List<String> versions =
          SchemasLog.read(TestKafka.bootstrapServers(), topic(settings)).stream()
              .filter(entry -> entry.key().contains("\"keytype\":\"SCHEMA\""))
              .map(SchemasLog.Entry::key)
              .toList();
      assertEquals(20, versions.size(), versions.toString());
    }
  }

  @Test
  void shouldStillRefuseAKnownSchemaWithAnotherIdOrUnderAnotherSchemasIdOnImport(
      final TestInfo test) {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), writerDir))) {
      final RestClient rest = registry.client();
      assertEquals(1, id(rest.post("/subjects/s/versions", schemaBody("\"string\""))));
      assertEquals(2, id(rest.post("/subjects/t/versions", schemaBody("\"int\""))));

      final Response withId =
          rest.post("/subjects/s/versions", "{\"schema\":\"\\\"string\\\"\",\"id\":7}");
      assertEquals(42205, withId.errorCode(), withId.body());

      assertEquals(200, rest.put("/mode/s?force=true", "{\"mode\":\"IMPORT\"}").status());
      assertEquals(
          "{\"id\":1}",
          rest.post(
                  "/subjects/s/versions", "{\"schema\":\"\\\"string\\\"\",\"id\":1,\"version\":1}")
              .body());
      final Response overwrite =
          rest.post(
              "/subjects/s/versions", "{\"schema\":\"\\\"string\\\"\",\"id\":2,\"version\":2}");
      assertEquals(42205, overwrite.errorCode(), overwrite.body());
      assertTrue(overwrite.body().contains("Overwrite new schema with id 2"), overwrite.body());
      assertEquals("[1]", rest.get("/subjects/s/versions").body());
    }
  }

  @Test
  void shouldLookUpASchemaSentWithItsReferencesInline(final TestInfo test) {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), writerDir))) {
      final RestClient rest = registry.client();
      rest.post("/subjects/address/versions", schemaBody(ADDRESS));
      assertEquals(2, id(rest.post("/subjects/order/versions", ORDER_BODY)));

      final Response found = rest.post("/subjects/order", schemaBody(ORDER_WITH_ADDRESS_INLINE));

      assertEquals(200, found.status(), found.body());
      assertEquals(2, found.json().get("id").asInt());
      assertEquals(1, found.json().get("version").asInt());
      assertEquals(
          40403,
          rest.post(
                  "/subjects/order", schemaBody(ORDER_WITH_ADDRESS_INLINE.replace("city", "town")))
              .errorCode());
    }
  }

  @Test
  void shouldRefuseToHardDeleteWhatASoftDeletedSchemaReferences(final TestInfo test) {
    final Map<String, Object> settings = TestRegistry.settings(name(test), writerDir);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      rest.post("/subjects/address/versions", schemaBody(ADDRESS));
      rest.post("/subjects/order/versions", ORDER_BODY);
      assertEquals(200, rest.delete("/subjects/order").status());
      assertEquals(200, rest.delete("/subjects/address/versions/1").status());

      final Response version = rest.delete("/subjects/address/versions/1?permanent=true");
      final Response subject = rest.delete("/subjects/address?permanent=true");

      assertEquals(422, version.status(), version.body());
      assertEquals(42206, version.errorCode());
      assertEquals(42206, subject.errorCode(), subject.body());
      assertFalse(
          SchemasLog.read(TestKafka.bootstrapServers(), topic(settings)).stream()
              .anyMatch(entry -> entry.value() == null && entry.key().contains("\"address\"")),
          "no tombstone for address");
      assertEquals(
          200,
          rest.get("/schemas/ids/2?format=resolved").status(),
          "the soft-deleted order still resolves its reference");
      assertEquals(200, rest.delete("/subjects/order?permanent=true").status());
      assertEquals("[1]", rest.delete("/subjects/address?permanent=true").body());
    }
  }

  private static int schemaRecords(final Map<String, Object> settings) {
    return (int)
        SchemasLog.read(TestKafka.bootstrapServers(), topic(settings)).stream()
            .filter(entry -> entry.key().contains("\"keytype\":\"SCHEMA\""))
            .count();
  }

  private static String topic(final Map<String, Object> settings) {
    return (String) settings.get(RegistryConfig.TOPIC);
  }

  private static int id(final Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json().get("id").asInt();
  }

  private static String quoted(final String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String name(final TestInfo test) {
    return "known-" + test.getTestMethod().orElseThrow().getName().hashCode();
  }
}
