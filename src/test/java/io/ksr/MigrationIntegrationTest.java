package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestFiles;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A registry pointed at a {@code _schemas} topic that Confluent Schema Registry wrote. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class MigrationIntegrationTest {
  private static final String FIXTURE = "/migration/confluent-schemas.jsonl";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String CONTEXT_SUBJECT = ":.ctx:orders-value";
  private static final String FRESH =
      "{\"type\":\"record\",\"name\":\"Fresh\",\"namespace\":\"com.acme\","
          + "\"fields\":[{\"name\":\"f\",\"type\":\"boolean\"}]}";
  private static final String FRESHER =
      "{\"type\":\"record\",\"name\":\"Fresher\",\"namespace\":\"com.acme\","
          + "\"fields\":[{\"name\":\"g\",\"type\":\"long\"}]}";
  private static final String FROZEN_V2 =
      "{\"type\":\"record\",\"name\":\"Frozen\",\"namespace\":\"com.acme\","
          + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
          + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}";

  /** The highest id in the fixture's default context. */
  private static final int MAX_ID = 42;

  private static final List<Version> LIVE =
      List.of(
          new Version("old", 1, 1),
          new Version("orders-value", 2, 5),
          new Version("address-value", 1, 7),
          new Version("customers-value", 1, 11),
          new Version("legacy-value", 2, 13),
          new Version("payments-value", 1, 15),
          new Version("common.proto", 1, 23),
          new Version("events-value", 1, 25),
          new Version("frozen-value", 1, 27),
          new Version(CONTEXT_SUBJECT, 1, 1),
          new Version("clicks-value", 1, MAX_ID));
  private static final List<Version> SOFT_DELETED =
      List.of(
          new Version("orders-value", 1, 3),
          new Version("retired-value", 1, 17),
          new Version("retired-value", 2, 19));

  /** Versions whose ids no other version carries, so the ids go with them. */
  private static final List<Version> HARD_DELETED =
      List.of(new Version("legacy-value", 1, 9), new Version("scratch-value", 1, 21));

  @TempDir Path dataDir;

  /** A subject's version and the id it carries. */
  private record Version(String subject, int version, int id) {
    String path() {
      return "/subjects/" + subject + "/versions/" + version;
    }

    /** Where its id resolves: contexts other than the default one are named by a subject. */
    String idPath() {
      return "/schemas/ids/" + id + (subject.startsWith(":.") ? "?subject=" + subject : "");
    }
  }

  /** A record as written in the fixture: exact key and value text; a null value is a tombstone. */
  @Test
  void shouldServeWhatConfluentWroteAndContinueAboveItsHighestId(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    final String topic = (String) settings.get(RegistryConfig.TOPIC);
    final List<RawTopics.Text> fixture = readFixture();
    RawTopics.create(topic, 1, Map.of("cleanup.policy", "compact"));
    RawTopics.produce(topic, fixture);

    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      assertServesFixture(rest, fixture);

      assertError(rest.post("/subjects/frozen-value/versions", schemaBody(FROZEN_V2)), 422, 42205);
      assertEquals(
          "{\"id\":" + (MAX_ID + 1) + "}",
          rest.post("/subjects/fresh-value/versions", schemaBody(FRESH)).body());
      final Map<String, String> before = snapshot(rest);

      // Without its local state the registry reads Confluent's records and its own again.
      registry.stop();
      TestFiles.deleteRecursively(dataDir.resolve("streams"));
      registry.restart();
      assertEquals(before, snapshot(registry.client()));
      assertEquals(
          0,
          registry.client().get("/v1/metadata/id").json().at("/instance/skippedRecords").asInt(-1));

      assertEquals(
          "{\"id\":" + (MAX_ID + 2) + "}",
          registry.client().post("/subjects/fresher-value/versions", schemaBody(FRESHER)).body());
    }
  }

  @Test
  void shouldCountRecordsThatAnotherRegistryAppendsWhileThisOneRuns(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir);
    final String topic = (String) settings.get(RegistryConfig.TOPIC);
    RawTopics.create(topic, 1, Map.of("cleanup.policy", "compact"));
    RawTopics.produce(topic, readFixture());

    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      rest.post("/subjects/fresh-value/versions", schemaBody(FRESH));
      assertEquals(
          0,
          rest.get("/v1/metadata/id").json().at("/instance/foreignRecords").asInt(-1),
          "what Confluent wrote before the registry started is history, its own records are ours");

      // Confluent's registry left running writes its NOOP and a schema of its own.
      RawTopics.produce(
          topic,
          List.of(
              new RawTopics.Text("{\"keytype\":\"NOOP\",\"magic\":0}", null),
              new RawTopics.Text(
                  "{\"keytype\":\"SCHEMA\",\"subject\":\"elsewhere\",\"version\":1,\"magic\":1}",
                  "{\"subject\":\"elsewhere\",\"version\":1,\"id\":"
                      + (MAX_ID + 1)
                      + ",\"schema\":\"\\\"int\\\"\"}")));

      Wait.until(
          "the records to be counted",
          Duration.ofSeconds(30),
          () -> rest.get("/v1/metadata/id").json().at("/instance/foreignRecords").asInt() == 2);
      assertTrue(rest.get("/metrics").body().contains("ksr_foreign_records_total 2.0"));
    }
  }

  private static void assertServesFixture(
      final RestClient rest, final List<RawTopics.Text> fixture) {
    assertEquals(
        0,
        rest.get("/v1/metadata/id").json().at("/instance/skippedRecords").asInt(-1),
        "every record of the fixture is understood");
    assertJson(
        "[\":.ctx:orders-value\",\"address-value\",\"clicks-value\",\"common.proto\","
            + "\"customers-value\",\"events-value\",\"frozen-value\",\"legacy-value\",\"old\","
            + "\"orders-value\",\"payments-value\"]",
        rest.get("/subjects"));
    assertJson(
        "[\":.ctx:orders-value\",\"address-value\",\"clicks-value\",\"common.proto\","
            + "\"customers-value\",\"events-value\",\"frozen-value\",\"legacy-value\",\"old\","
            + "\"orders-value\",\"payments-value\",\"retired-value\"]",
        rest.get("/subjects?deleted=true"));

    for (final Version live : LIVE) {
      final JsonNode written = lastWritten(fixture, live);
      assertJson(versionAnswer(written, false), rest.get(live.path()));
      assertJson(idAnswer(written), rest.get(live.idPath()));
    }
    for (final Version deleted : SOFT_DELETED) {
      final JsonNode written = lastWritten(fixture, deleted);
      assertError(rest.get(deleted.path()), 404, missingCode(deleted.subject(), LIVE));
      assertJson(versionAnswer(written, true), rest.get(deleted.path() + "?deleted=true"));
      assertJson(idAnswer(written), rest.get(deleted.idPath()));
    }
    for (final Version gone : HARD_DELETED) {
      final List<Version> kept = Stream.concat(LIVE.stream(), SOFT_DELETED.stream()).toList();
      assertError(rest.get(gone.path()), 404, missingCode(gone.subject(), LIVE));
      assertError(rest.get(gone.path() + "?deleted=true"), 404, missingCode(gone.subject(), kept));
      assertError(rest.get(gone.idPath()), 404, 40403);
    }
    for (final String subject : subjects()) {
      assertVersions(versionsOf(subject, LIVE), rest.get("/subjects/" + subject + "/versions"));
      assertVersions(
          versionsOf(subject, Stream.concat(LIVE.stream(), SOFT_DELETED.stream()).toList()),
          rest.get("/subjects/" + subject + "/versions?deleted=true"));
    }

    // Id 1 is in both contexts: without a subject the default context answers.
    assertJson("{\"schema\":\"\\\"string\\\"\"}", rest.get("/schemas/ids/1"));
    assertJson("[\".\",\".ctx\"]", rest.get("/contexts"));

    assertJson("{\"compatibilityLevel\":\"FULL\"}", rest.get("/config"));
    assertJson("{\"compatibilityLevel\":\"NONE\"}", rest.get("/config/orders-value"));
    assertJson(
        "{\"compatibilityLevel\":\"BACKWARD_TRANSITIVE\"}", rest.get("/config/payments-value"));
    assertError(rest.get("/config/retired-value"), 404, 40408);
    assertJson("{\"mode\":\"READONLY\"}", rest.get("/mode/frozen-value"));
    assertJson("{\"mode\":\"READWRITE\"}", rest.get("/mode"));

    assertJson("[11]", rest.get("/subjects/address-value/versions/1/referencedby"));
    assertJson("[25]", rest.get("/subjects/common.proto/versions/1/referencedby"));
  }

  /** What a user sees through the read endpoints, by path, with each answer's status. */
  private static Map<String, String> snapshot(final RestClient rest) {
    final List<String> paths = new ArrayList<>();
    paths.addAll(
        List.of(
            "/subjects",
            "/subjects?deleted=true",
            "/schemas?deleted=true",
            "/contexts",
            "/config",
            "/config/orders-value",
            "/config/payments-value",
            "/config/retired-value",
            "/mode",
            "/mode/frozen-value",
            "/subjects/fresh-value/versions",
            "/schemas/ids/" + (MAX_ID + 1),
            "/schemas/ids/1?subject=" + CONTEXT_SUBJECT));
    for (final Version version :
        Stream.of(LIVE, SOFT_DELETED, HARD_DELETED).flatMap(List::stream).toList()) {
      paths.add(version.path());
      paths.add(version.path() + "?deleted=true");
      paths.add(version.path() + "/referencedby");
      paths.add(version.idPath());
      paths.add("/subjects/" + version.subject() + "/versions?deleted=true");
    }
    final Map<String, String> answers = new LinkedHashMap<>();
    for (final String path : paths) {
      final Response response = rest.get(path);
      answers.put(path, response.status() + " " + response.body());
    }
    return answers;
  }

  /**
   * What {@code GET /subjects/{s}/versions/{v}} answers for a version as Confluent wrote it:
   * Confluent's API leaves out {@code schemaType} for Avro, and shows {@code deleted} only when it
   * is true.
   */
  private static JsonNode versionAnswer(final JsonNode written, final boolean deleted) {
    final ObjectNode answer = withoutAvroType(written);
    answer.remove("deleted");
    if (deleted) {
      answer.put("deleted", true);
    }
    return answer;
  }

  /** What {@code GET /schemas/ids/{id}} answers: the schema without its subject and version. */
  private static JsonNode idAnswer(final JsonNode written) {
    final ObjectNode answer = withoutAvroType(written);
    answer.remove(List.of("subject", "version", "id", "deleted"));
    return answer;
  }

  private static ObjectNode withoutAvroType(final JsonNode written) {
    final ObjectNode copy = (ObjectNode) written.deepCopy();
    if ("AVRO".equals(copy.path("schemaType").asText())) {
      copy.remove("schemaType");
    }
    return copy;
  }

  /** The value last written for a version, soft-deleted or not. */
  private static JsonNode lastWritten(final List<RawTopics.Text> fixture, final Version version) {
    JsonNode last = null;
    for (final RawTopics.Text record : fixture) {
      if (record.value() == null) {
        continue;
      }
      final JsonNode value = readTree(record.value());
      if (version.subject().equals(value.path("subject").asText())
          && value.path("version").asInt() == version.version()
          && value.has("schema")) {
        last = value;
      }
    }
    assertNotNull(last, "the fixture has no " + version);
    assertEquals(version.id(), last.path("id").asInt(), "the fixture's id of " + version);
    return last;
  }

  /** 40402 when the subject still shows other versions, else 40401. */
  private static int missingCode(final String subject, final List<Version> shown) {
    return shown.stream().anyMatch(v -> v.subject().equals(subject)) ? 40402 : 40401;
  }

  private static List<Integer> versionsOf(final String subject, final List<Version> versions) {
    return versions.stream()
        .filter(v -> v.subject().equals(subject))
        .map(Version::version)
        .sorted()
        .toList();
  }

  private static TreeSet<String> subjects() {
    final TreeSet<String> subjects = new TreeSet<>();
    Stream.of(LIVE, SOFT_DELETED, HARD_DELETED)
        .flatMap(List::stream)
        .forEach(v -> subjects.add(v.subject()));
    return subjects;
  }

  private static void assertVersions(final List<Integer> expected, final Response response) {
    if (expected.isEmpty()) {
      assertError(response, 404, 40401);
    } else {
      assertJson(MAPPER.valueToTree(expected), response);
    }
  }

  private static void assertJson(final String expected, final Response response) {
    assertJson(readTree(expected), response);
  }

  private static void assertJson(final JsonNode expected, final Response response) {
    assertEquals(200, response.status(), response.body());
    assertEquals(expected, response.json());
  }

  private static void assertError(final Response response, final int status, final int code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.errorCode(), response.body());
  }

  private static List<RawTopics.Text> readFixture() throws IOException {
    final List<RawTopics.Text> records = new ArrayList<>();
    try (InputStream in =
            Objects.requireNonNull(
                MigrationIntegrationTest.class.getResourceAsStream(FIXTURE), FIXTURE);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (!line.isBlank()) {
          records.add(new RawTopics.Text(member(line, "key"), member(line, "value")));
        }
      }
    }
    return records;
  }

  /**
   * The exact text of a member of a line's JSON object, or null when it is null. Key bytes matter
   * (compaction compares them), so they are sliced from the line rather than written again.
   */
  private static String member(final String line, final String field) throws IOException {
    try (JsonParser json = MAPPER.getFactory().createParser(line)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object: " + line);
      }
      while (json.nextToken() == JsonToken.FIELD_NAME) {
        final String name = json.currentName();
        final JsonToken token = json.nextToken();
        if (name.equals(field)) {
          if (token == JsonToken.VALUE_NULL) {
            return null;
          }
          if (token != JsonToken.START_OBJECT) {
            throw new IllegalArgumentException(field + " is not an object or null: " + line);
          }
          final int start = (int) json.currentTokenLocation().getCharOffset();
          json.skipChildren();
          return line.substring(start, (int) json.currentLocation().getCharOffset());
        }
        json.skipChildren();
      }
    }
    throw new IllegalArgumentException("no " + field + " in " + line);
  }

  private static JsonNode readTree(final String json) {
    try {
      return MAPPER.readTree(json);
    } catch (final IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }
}
