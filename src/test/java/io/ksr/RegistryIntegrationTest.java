package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestFiles;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Registries on a real Kafka broker, used over real HTTP. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class RegistryIntegrationTest {
  private static final String STRING = "{\"type\":\"string\"}";
  private static final String USER_V1 =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
          + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";
  private static final String USER_V2 =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
          + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}";
  private static final String USER_V3_INCOMPATIBLE =
      "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
          + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"email\",\"type\":\"string\"}]}";

  @TempDir Path dataDir;

  @Test
  void shouldRegisterAndReadBackThroughEveryEndpoint(final TestInfo test) {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final RestClient rest = registry.client();

      assertEquals("{}", rest.get("/").body());
      assertEquals("[\"JSON\",\"PROTOBUF\",\"AVRO\"]", rest.get("/schemas/types").body());

      final Response registered = rest.post("/subjects/t-value/versions", schemaBody(STRING));
      assertEquals(200, registered.status());
      assertEquals("{\"id\":1}", registered.body());
      assertEquals(RestClient.V1, registered.contentType());

      assertEquals("{\"schema\":\"\\\"string\\\"\"}", rest.get("/schemas/ids/1").body());
      assertEquals("\"string\"", rest.get("/schemas/ids/1/schema").body());
      final String version1 =
          "{\"subject\":\"t-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}";
      assertEquals(version1, rest.get("/subjects/t-value/versions/1").body());
      assertEquals(version1, rest.get("/subjects/t-value/versions/latest").body());
      assertEquals(version1, rest.get("/subjects/t-value/versions/-1").body());
      assertEquals("\"string\"", rest.get("/subjects/t-value/versions/latest/schema").body());
      assertEquals("[\"t-value\"]", rest.get("/subjects").body());
      assertEquals("[1]", rest.get("/subjects/t-value/versions").body());
      assertEquals(version1, rest.post("/subjects/t-value", schemaBody("\"string\"")).body());

      assertEquals(
          2,
          rest.post("/subjects/users-value/versions", schemaBody(USER_V1))
              .json()
              .get("id")
              .asInt());
      assertEquals(
          3,
          rest.post("/subjects/users-value/versions", schemaBody(USER_V2))
              .json()
              .get("id")
              .asInt());
      assertEquals("[1,2]", rest.get("/subjects/users-value/versions").body());
      assertEquals(
          2, rest.get("/subjects/users-value/versions/latest").json().get("version").asInt());
      assertEquals(
          "{\"id\":2}", rest.post("/subjects/users-value/versions", schemaBody(USER_V1)).body());

      final Response incompatible =
          rest.post("/subjects/users-value/versions", schemaBody(USER_V3_INCOMPATIBLE));
      assertEquals(409, incompatible.status());
      assertEquals(40901, incompatible.errorCode());
      assertTrue(
          incompatible.json().get("message").asText().contains("email"), incompatible.body());

      assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", rest.get("/config").body());
      assertEquals(
          "{\"compatibility\":\"NONE\"}",
          rest.put("/config/users-value", "{\"compatibility\":\"none\"}").body());
      assertEquals("{\"compatibilityLevel\":\"NONE\"}", rest.get("/config/users-value").body());
      assertEquals(
          4,
          rest.post("/subjects/users-value/versions", schemaBody(USER_V3_INCOMPATIBLE))
              .json()
              .get("id")
              .asInt());
      assertEquals(
          "{\"compatibility\":\"FULL\"}",
          rest.put("/config", "{\"compatibility\":\"FULL\"}").body());
      assertEquals("{\"compatibilityLevel\":\"FULL\"}", rest.get("/config").body());
      assertEquals(
          "{\"compatibilityLevel\":\"FULL\"}",
          rest.get("/config/t-value?defaultToGlobal=true").body());
      assertEquals(40408, rest.get("/config/t-value").errorCode());
    }
  }

  @Test
  void shouldAnswerMistakesWithConfluentErrorCodes(final TestInfo test) {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final RestClient rest = registry.client();
      rest.post("/subjects/s/versions", schemaBody(STRING));

      assertError(rest.get("/schemas/ids/99"), 404, 40403);
      assertError(rest.get("/schemas/ids/not-a-number"), 404, 404);
      assertError(rest.get("/subjects/missing/versions"), 404, 40401);
      assertError(rest.get("/subjects/missing/versions/1"), 404, 40401);
      assertError(rest.get("/subjects/s/versions/7"), 404, 40402);
      assertError(rest.get("/subjects/s/versions/0"), 422, 42202);
      assertError(rest.get("/subjects/s/versions/one"), 422, 42202);
      assertError(rest.post("/subjects/s", schemaBody("\"int\"")), 404, 40403);
      assertError(rest.post("/subjects/missing", schemaBody("\"int\"")), 404, 40401);
      assertError(rest.post("/subjects/s/versions", schemaBody("{\"type\":\"rec\"}")), 422, 42201);
      assertError(rest.post("/subjects/new/versions", "{\"schema\":\"\"}"), 422, 42201);
      assertError(rest.post("/subjects/s/versions", "{not json"), 400, 400);
      assertError(rest.put("/config", "{\"compatibility\":\"SIDEWAYS\"}"), 422, 42203);
      assertError(rest.get("/no/such/path"), 404, 404);
    }
  }

  @Test
  void shouldServeSubjectsWithSlashes(final TestInfo test) {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final RestClient rest = registry.client();

      assertEquals(
          200, rest.post("/subjects/team%2Forders-value/versions", schemaBody(STRING)).status());

      assertEquals("[\"team/orders-value\"]", rest.get("/subjects").body());
      assertEquals(
          "team/orders-value",
          rest.get("/subjects/team%2Forders-value/versions/1").json().get("subject").asText());
    }
  }

  @Test
  void shouldKeepSchemasAcrossRestartAndRebuildThemFromTheTopicAlone(final TestInfo test)
      throws IOException {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final RestClient rest = registry.client();
      rest.post("/subjects/t-value/versions", schemaBody(STRING));
      rest.post("/subjects/users-value/versions", schemaBody(USER_V1));
      rest.post("/subjects/users-value/versions", schemaBody(USER_V2));
      rest.post("/subjects/other-value/versions", schemaBody(USER_V2));
      rest.put("/config/t-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}");
      rest.put("/config", "{\"compatibility\":\"FORWARD\"}");
      final Map<String, String> before = snapshot(rest);

      registry.restart();
      assertEquals(before, snapshot(registry.client()));

      registry.stop();
      TestFiles.deleteRecursively(dataDir.resolve("streams"));
      registry.restart();
      assertEquals(before, snapshot(registry.client()));

      // Ids keep growing after a rebuild: the next new schema gets the next id.
      assertEquals(
          "{\"id\":4}",
          registry.client().post("/subjects/new-value/versions", schemaBody("\"long\"")).body());
    }
  }

  @Test
  void shouldShareSchemasBetweenTwoInstancesWithExactlyOneWriter(final TestInfo test) {
    final Map<String, Object> settings = TestRegistry.settings(name(test), dataDir.resolve("a"));
    final Map<String, Object> otherSettings = new java.util.HashMap<>(settings);
    otherSettings.put("data.dir", dataDir.resolve("b").toString());
    try (TestRegistry first = TestRegistry.start(settings);
        TestRegistry second = TestRegistry.start(otherSettings)) {
      Wait.until(
          "exactly one writer",
          Duration.ofSeconds(30),
          () -> first.registry().isWriter() ^ second.registry().isWriter());

      final int id1 =
          first
              .client()
              .post("/subjects/a-value/versions", schemaBody(STRING))
              .json()
              .get("id")
              .asInt();
      final int id2 =
          second
              .client()
              .post("/subjects/b-value/versions", schemaBody(USER_V1))
              .json()
              .get("id")
              .asInt();

      assertNotEquals(id1, id2);
      for (final TestRegistry instance : List.of(first, second)) {
        final RestClient rest = instance.client();
        // Each write shows at once on the instance that took it, and a moment later on the other.
        Wait.until(
            "both writes to show",
            Duration.ofSeconds(10),
            () -> rest.get("/subjects").body().equals("[\"a-value\",\"b-value\"]"));
        assertEquals("\"string\"", rest.get("/schemas/ids/" + id1 + "/schema").body());
        assertEquals(id2, rest.get("/subjects/b-value/versions/1").json().get("id").asInt());
      }
      // The second instance's arrival moves the writer, maybe more than once, and reads can be
      // answered before it settles: wait for one writer that both instances name.
      Wait.until(
          "one writer, named by every instance, and all of _schemas read",
          Duration.ofSeconds(30),
          () -> {
            if (first.registry().isWriter() == second.registry().isWriter()) {
              return false;
            }
            final TestRegistry current = first.registry().isWriter() ? first : second;
            final String currentId =
                current.client().get("/v1/metadata/id").json().at("/instance/id").asText();
            for (final TestRegistry instance : List.of(first, second)) {
              final JsonNode metadata = instance.client().get("/v1/metadata/id").json();
              if (!currentId.equals(metadata.path("writer").asText())
                  || metadata.at("/instance/storeLagRecords").asLong(-1) != 0) {
                return false;
              }
            }
            return true;
          });
      final TestRegistry writer = first.registry().isWriter() ? first : second;
      for (final TestRegistry instance : List.of(first, second)) {
        final JsonNode metadata = instance.client().get("/v1/metadata/id").json();
        assertEquals(instance == writer, metadata.at("/instance/writer").asBoolean());
        assertEquals(
            settings.get("schema.registry.group.id"),
            metadata.at("/scope/clusters/schema-registry-cluster").asText());
        assertTrue(metadata.at("/scope/clusters/kafka-cluster").asText().length() > 0);
        assertEquals(0, metadata.at("/instance/skippedRecords").asInt());
      }
    }
  }

  /** What a user sees through the read endpoints, by path. */
  private static Map<String, String> snapshot(final RestClient rest) {
    final Map<String, String> answers = new LinkedHashMap<>();
    final List<String> paths =
        Stream.concat(
                Stream.of("/subjects", "/config", "/config/t-value", "/config/users-value"),
                Stream.of("t-value", "users-value", "other-value")
                    .flatMap(
                        subject ->
                            Stream.of(
                                "/subjects/" + subject + "/versions",
                                "/subjects/" + subject + "/versions/1",
                                "/subjects/" + subject + "/versions/latest")))
            .toList();
    for (final String path : paths) {
      answers.put(path, rest.get(path).body());
    }
    for (int id = 1; id <= 4; id++) {
      answers.put("/schemas/ids/" + id, rest.get("/schemas/ids/" + id).body());
    }
    return answers;
  }

  private static void assertError(final Response response, final int status, final int code) {
    assertEquals(status, response.status(), response.body());
    assertEquals(code, response.errorCode(), response.body());
    assertTrue(response.json().get("message").asText().length() > 0, response.body());
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }
}
