package io.ksr.http;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.config.AuthenticationSettings;
import io.ksr.config.OperationsSettings;
import io.ksr.security.PasswordHash;
import io.ksr.testkit.RawHttp;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a motivated user tries, over real HTTP, against users whose rights differ: {@code admin}
 * (everything), {@code alice} (write on {@code alice-*}), {@code aliceadm} (admin on {@code
 * alice-*}) and {@code reader} (read on {@code shared-*}). None of it may reach a schema the user
 * may not read, change what the user may not change, or tell what exists beyond the user's rights.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityMatrixIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SECRET =
      "{\"type\":\"record\",\"name\":\"Secret\",\"namespace\":\"corp\","
          + "\"fields\":[{\"name\":\"password\",\"type\":\"string\"}]}";
  private static final String SECRET_JSON =
      "{\"type\":\"object\",\"properties\":{\"ssn\":{\"type\":\"string\"}}}";
  private static final String SHARED_JSON =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";
  private static final String USES_SECRET =
      "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"corp\","
          + "\"fields\":[{\"name\":\"s\",\"type\":\"corp.Secret\"}]}";

  @TempDir static Path dir;
  private TestRegistry registry;
  private int secretId;
  private int sharedId;
  private int maxId;

  @BeforeAll
  void startRegistryWithSubjectsOfEveryKind() throws Exception {
    final StringBuilder users = new StringBuilder();
    for (final String user : List.of("admin", "alice", "aliceadm", "reader")) {
      users
          .append(user)
          .append(": ")
          .append(PasswordHash.hash(password(user).toCharArray(), 1_000))
          .append(", ")
          .append(user)
          .append('\n');
    }
    Files.writeString(dir.resolve("users"), users);
    Files.writeString(
        dir.resolve("rules"),
        String.join(
            "\n",
            "user:admin     admin  subject:*",
            "user:admin     admin  global",
            "user:alice     write  subject:alice-*",
            "user:aliceadm  admin  subject:alice-*",
            "user:reader    read   subject:shared-*"));
    final Map<String, Object> settings = TestRegistry.settings("security-matrix", dir);
    settings.put(AuthenticationSettings.METHOD, "BASIC");
    settings.put(AuthenticationSettings.USERS_FILE, dir.resolve("users").toString());
    settings.put(AuthenticationSettings.RULES_FILE, dir.resolve("rules").toString());
    settings.put(AuthenticationSettings.SKIP_PATHS, "/config");
    settings.put(OperationsSettings.AUDIT_LOG_FILE, dir.resolve("audit.log").toString());
    registry = TestRegistry.start(settings);

    secretId = id(as("admin", "POST", "/subjects/secret-value/versions", schemaBody(SECRET)));
    id(as("admin", "POST", "/subjects/:.team:secret2-value/versions", schemaBody(SECRET)));
    id(
        as(
            "admin",
            "POST",
            "/subjects/secretjson-value/versions",
            "{\"schemaType\":\"JSON\",\"schema\":" + quoted(SECRET_JSON) + "}"));
    sharedId =
        id(
            as(
                "admin",
                "POST",
                "/subjects/shared-json/versions",
                "{\"schemaType\":\"JSON\",\"schema\":" + quoted(SHARED_JSON) + "}"));
    // A schema of the admin's that references the secret, and one that references a shared one.
    id(
        as(
            "admin",
            "POST",
            "/subjects/alice-by-admin/versions",
            referencing(USES_SECRET, "secret-value", -1)));
    maxId =
        id(
            as(
                "admin",
                "POST",
                "/subjects/secret-referrer/versions",
                "{\"schemaType\":\"JSON\",\"schema\":"
                    + quoted("{\"$ref\":\"shared.json\"}")
                    + ",\"references\":[{\"name\":\"shared.json\",\"subject\":\"shared-json\","
                    + "\"version\":1}]}"));
  }

  @AfterAll
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldNotLetAWriterReferenceASubjectItMayNotRead() {
    for (final String referenced :
        List.of("secret-value", ":.team:secret2-value", "nothing-value")) {
      final Response probe =
          as(
              "alice",
              "POST",
              "/subjects/alice-probe/versions",
              referencing(USES_SECRET, referenced, -1));
      assertEquals(403, probe.status(), referenced + ": " + probe.body());
    }
    final Response json =
        as(
            "alice",
            "POST",
            "/subjects/alice-json/versions",
            "{\"schemaType\":\"JSON\",\"schema\":"
                + quoted("{\"$ref\":\"secret.json\"}")
                + ",\"references\":[{\"name\":\"secret.json\",\"subject\":\"secretjson-value\","
                + "\"version\":-1}]}");
    assertEquals(403, json.status(), json.body());
  }

  @ParameterizedTest(name = "{0} referencing the secret: {1}, reading it resolved: {2}")
  @CsvSource({"admin,200,true", "alice,403,false", "aliceadm,403,false", "reader,403,false"})
  void shouldLetOnlyThoseWhoMayReadASubjectReachItThroughAReference(
      final String user, final int registering, final boolean readsResolved) {
    // Each writes where it may; the admin's subject stays out of the reader's sight.
    final String subject =
        user.startsWith("alice") ? "alice-" + user : user.equals("admin") ? "secret-2" : "shared-2";
    final Response registered =
        as(
            user,
            "POST",
            "/subjects/" + subject + "/versions",
            referencing(USES_SECRET, "secret-value", 1));
    assertEquals(registering, registered.status(), registered.body());
    final Response resolved =
        as(user, "GET", "/subjects/alice-by-admin/versions/latest?format=resolved", null);
    assertEquals(readsResolved, resolved.body().contains("password"), resolved.body());
  }

  @Test
  void shouldNotInlineAReferencedSchemaTheReaderMayNotRead() {
    for (final String path :
        List.of(
            "/subjects/alice-by-admin/versions/latest?format=resolved",
            "/subjects/alice-by-admin/versions/latest/schema?format=resolved")) {
      final Response resolved = as("alice", "GET", path, null);
      assertEquals(200, resolved.status(), resolved.body());
      assertFalse(resolved.body().contains("password"), path + ": " + resolved.body());
    }
    assertTrue(
        as("admin", "GET", "/subjects/alice-by-admin/versions/latest?format=resolved", null)
            .body()
            .contains("password"),
        "a user who may read every reference gets them inlined");
  }

  @Test
  void shouldNotLetAReaderCheckCompatibilityWithWhatItMayNotRead() {
    for (final String referenced : List.of("secretjson-value", "nothing-value")) {
      final Response check =
          as(
              "reader",
              "POST",
              "/compatibility/subjects/shared-json/versions/latest?verbose=true",
              "{\"schemaType\":\"JSON\",\"schema\":"
                  + quoted("{\"$ref\":\"secret.json\"}")
                  + ",\"references\":[{\"name\":\"secret.json\",\"subject\":\""
                  + referenced
                  + "\",\"version\":1}]}");
      assertEquals(403, check.status(), referenced + ": " + check.body());
      assertFalse(check.body().contains("ssn"), check.body());
    }
  }

  @Test
  void shouldLeaveImportingIdsToAdminsOfTheWholeContext() {
    assertEquals(
        200,
        as("aliceadm", "PUT", "/mode/alice-import?force=true", "{\"mode\":\"IMPORT\"}").status());
    final String body = "{\"schema\":" + quoted("\"string\"") + ",\"id\":2147483647,\"version\":1}";

    final Response subjectAdmin = as("aliceadm", "POST", "/subjects/alice-import/versions", body);

    assertEquals(403, subjectAdmin.status(), subjectAdmin.body());
    assertEquals(
        200,
        as(
                "admin",
                "POST",
                "/subjects/alice-import/versions",
                "{\"schema\":"
                    + quoted("\"string\"")
                    + ",\"id\":"
                    + (maxId + 100)
                    + ",\"version\":1}")
            .status());
  }

  @Test
  void shouldLetSkipPathsOnlyBeRead() {
    final RestClient anonymous = registry.client();
    assertEquals(200, anonymous.get("/config").status());
    final Response write = anonymous.put("/config", "{\"compatibility\":\"NONE\"}");
    assertEquals(401, write.status(), write.body());
    assertEquals("{\"compatibilityLevel\":\"BACKWARD\"}", anonymous.get("/config").body());
  }

  @Test
  void shouldListOnlyContextsWithSubjectsTheUserMayRead() {
    assertEquals("[\".\"]", as("reader", "GET", "/contexts", null).body());
    assertTrue(as("admin", "GET", "/contexts", null).body().contains(".team"));
  }

  @Test
  void shouldLeaveInstanceDetailsAndMetricsToGlobalReaders() {
    for (final String path : List.of("/v1/metadata/id", "/metrics")) {
      assertEquals(403, as("reader", "GET", path, null).status(), path);
      assertEquals(200, as("admin", "GET", path, null).status(), path);
    }
  }

  @Test
  void shouldAnswerAForbiddenSchemaIdAsAMissingOne() {
    final Response forbidden = as("reader", "GET", "/schemas/ids/" + secretId, null);
    final Response missing = as("reader", "GET", "/schemas/ids/99999", null);

    assertEquals(missing.status(), forbidden.status(), forbidden.body());
    assertEquals(missing.body(), forbidden.body().replace(Integer.toString(secretId), "99999"));
  }

  @Test
  void shouldNotRevealForbiddenIdsThroughTheMaxIdOrReferrers() {
    final Response withMax =
        as("reader", "GET", "/schemas/ids/" + sharedId + "?fetchMaxId=true", null);
    assertEquals(sharedId, withMax.json().get("maxId").asInt(), withMax.body());

    final Response referrers =
        as("reader", "GET", "/subjects/shared-json/versions/1/referencedby", null);
    assertEquals("[]", referrers.body());
    assertEquals(
        "[" + maxId + "]",
        as("admin", "GET", "/subjects/shared-json/versions/1/referencedby", null).body());
  }

  @Test
  void shouldRefuseWritesWithoutAJsonBodyOrFromAnotherSite() {
    final RawHttp raw = new RawHttp(registry.registry().ports().get(0), Duration.ofSeconds(10));
    final byte[] body = schemaBody("\"int\"").getBytes(StandardCharsets.UTF_8);

    final RawHttp.Response untyped =
        raw.send("POST", "/subjects/alice-form/versions", body, "Authorization", basic("alice"));
    final RawHttp.Response crossSite =
        raw.send(
            "POST",
            "/subjects/alice-form/versions",
            body,
            "Authorization",
            basic("alice"),
            "Content-Type",
            "application/json",
            "Origin",
            "https://evil.example");

    assertEquals(415, untyped.status(), untyped.body());
    assertEquals(403, crossSite.status(), crossSite.body());
    assertEquals(404, as("alice", "GET", "/subjects/alice-form/versions", null).status());
  }

  @Test
  void shouldCheckAccessOnHeadRequestsAsOnGets() {
    final Response head = as("reader", "HEAD", "/subjects/secret-value/versions", null);

    assertEquals(403, head.status());
    assertEquals(200, as("reader", "HEAD", "/subjects/shared-json/versions", null).status());
  }

  @Test
  void shouldNotNameInternalClassesInErrors() {
    final Response undefined =
        as("alice", "POST", "/subjects/alice-undefined/versions", schemaBody("\"Nope\""));

    assertEquals(422, undefined.status(), undefined.body());
    assertFalse(undefined.body().contains("org.apache"), undefined.body());
  }

  @Test
  void shouldAuditEveryChangeAndEveryRefusalOnALineOfItsOwn() throws Exception {
    final int id =
        id(as("alice", "POST", "/subjects/alice-audited/versions", schemaBody("\"boolean\"")));
    as("alice", "DELETE", "/subjects/alice-audited", null);
    as("reader", "GET", "/subjects/secret-value/versions", null);
    registry
        .client()
        .request("GET", "/subjects", null, "Authorization", "Basic " + encode("mallory:guess"));

    final List<JsonNode> lines = new ArrayList<>();
    for (final String line : Files.readAllLines(dir.resolve("audit.log"))) {
      lines.add(JSON.readTree(line));
    }
    assertTrue(
        lines.stream()
            .anyMatch(
                line ->
                    line.path("user").asText().equals("alice")
                        && line.path("path").asText().equals("/subjects/alice-audited/versions")
                        && line.path("status").asInt() == 200
                        && line.at("/outcome/id").asInt() == id
                        && line.at("/outcome/version").asInt() == 1),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                line ->
                    line.path("method").asText().equals("DELETE")
                        && line.at("/outcome/versions").toString().equals("[1]")),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                line ->
                    line.path("user").asText().equals("reader")
                        && line.path("status").asInt() == 403
                        && line.path("errorCode").asInt() == 40301),
        lines.toString());
    assertTrue(
        lines.stream()
            .anyMatch(
                line ->
                    line.path("attemptedUser").asText().equals("mallory")
                        && line.path("status").asInt() == 401
                        && line.path("address").asText().equals("127.0.0.1")),
        lines.toString());
    assertFalse(Files.readString(dir.resolve("audit.log")).contains("guess"), "no password");
  }

  private Response as(
      final String user, final String method, final String path, final String body) {
    return registry.client().request(method, path, body, "Authorization", basic(user));
  }

  private static int id(final Response response) {
    assertEquals(200, response.status(), response.body());
    return response.json().get("id").asInt();
  }

  private static String referencing(final String schema, final String subject, final int version) {
    return "{\"schema\":"
        + quoted(schema)
        + ",\"references\":[{\"name\":\"corp.Secret\",\"subject\":\""
        + subject
        + "\",\"version\":"
        + version
        + "}]}";
  }

  private static String quoted(final String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String password(final String user) {
    return user + "-secret";
  }

  private static String basic(final String user) {
    return "Basic " + encode(user + ":" + password(user));
  }

  private static String encode(final String credentials) {
    return Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
