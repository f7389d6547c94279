package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.Registry;
import io.ksr.config.AuthenticationSettings;
import io.ksr.config.RegistryConfig;
import io.ksr.security.PasswordHash;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind of user against each group of endpoints, over real HTTP: 200, 401 or 403. */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIntegrationTest {
  private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}";
  private static final String BODY = RestClient.schemaBody(SCHEMA);
  private static final String COMPATIBILITY = "{\"compatibility\":\"BACKWARD\"}";
  private static final String MODE = "{\"mode\":\"READWRITE\"}";

  @TempDir static Path dir;
  private TestRegistry registry;
  private int sharedId;

  @BeforeAll
  void startRegistry() throws Exception {
    final StringBuilder users = new StringBuilder();
    for (final String[] user :
        new String[][] {
          {"admin", "ops"}, {"writer", "team-a"}, {"reader", "readers"}, {"nobody", ""}
        }) {
      users
          .append(user[0])
          .append(": ")
          .append(PasswordHash.hash(password(user[0]).toCharArray(), 1_000))
          .append(", ")
          .append(user[1])
          .append('\n');
    }
    Files.writeString(dir.resolve("users"), users);
    Files.writeString(
        dir.resolve("rules"),
        String.join(
            "\n",
            "role:ops      admin  subject:*",
            "role:ops      admin  global",
            "role:team-a   write  subject:team-a-*",
            "role:readers  read   subject:*",
            "*             read   subject:public-*"));
    final Map<String, Object> settings = TestRegistry.settings("access-control", dir);
    settings.put(AuthenticationSettings.METHOD, "BASIC");
    settings.put(AuthenticationSettings.USERS_FILE, dir.resolve("users").toString());
    settings.put(AuthenticationSettings.RULES_FILE, dir.resolve("rules").toString());
    settings.put(AuthenticationSettings.SKIP_PATHS, "/v1/metadata/version");
    registry = TestRegistry.start(settings);

    for (final String subject : List.of("team-a-orders", "team-b-payments", "public-news")) {
      final Response registered = as("admin", "POST", "/subjects/" + subject + "/versions", BODY);
      assertEquals(200, registered.status(), registered.body());
      sharedId = registered.json().get("id").asInt();
    }
  }

  @AfterAll
  void stopRegistry() {
    registry.close();
  }

  Stream<Arguments> matrix() {
    final List<Arguments> rows = new ArrayList<>();
    // user, method, path, body, then the status for admin, writer, reader, nobody
    final Object[][] table = {
      {"GET", "/", null, 200, 200, 200, 200},
      {"GET", "/ui/", null, 200, 200, 200, 200},
      {"GET", "/schemas/types", null, 200, 200, 200, 200},
      {"GET", "/subjects", null, 200, 200, 200, 200},
      {"GET", "/subjects/team-a-orders/versions/1", null, 200, 200, 200, 403},
      {"GET", "/subjects/team-b-payments/versions", null, 200, 403, 200, 403},
      {"GET", "/subjects/public-news/versions/latest", null, 200, 200, 200, 200},
      {"POST", "/subjects/team-a-orders", BODY, 200, 200, 200, 403},
      {"POST", "/subjects/team-a-orders/versions", BODY, 200, 200, 403, 403},
      {"POST", "/subjects/team-b-payments/versions", BODY, 200, 403, 403, 403},
      {"POST", "/compatibility/subjects/team-b-payments/versions", BODY, 200, 403, 200, 403},
      {"DELETE", "/subjects/team-a-never/versions/1", null, 404, 404, 403, 403},
      {"DELETE", "/subjects/team-b-never", null, 404, 403, 403, 403},
      {"GET", "/schemas/ids/1", null, 200, 200, 200, 200},
      {"GET", "/config", null, 200, 200, 200, 200},
      {"GET", "/config/team-a-orders?defaultToGlobal=true", null, 200, 200, 200, 403},
      {"PUT", "/config/team-a-orders", COMPATIBILITY, 200, 403, 403, 403},
      {"PUT", "/config", COMPATIBILITY, 200, 403, 403, 403},
      {"GET", "/mode", null, 200, 200, 200, 200},
      {"PUT", "/mode/team-a-orders", MODE, 200, 403, 403, 403},
      {"PUT", "/mode", MODE, 200, 403, 403, 403},
      {"DELETE", "/contexts/.unused", null, 204, 403, 403, 403},
    };
    final String[] users = {"admin", "writer", "reader", "nobody"};
    for (final Object[] row : table) {
      for (int i = 0; i < users.length; i++) {
        rows.add(Arguments.of(users[i], row[0], row[1], row[2], row[3 + i]));
      }
    }
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}: {1} {2} -> {4}")
  @MethodSource("matrix")
  void shouldAnswerEachUserAsTheRulesSay(
      final String user,
      final String method,
      final String path,
      final String body,
      final int expected) {
    final Response response = as(user, method, path, body);

    assertEquals(expected, response.status(), response.body());
    if (expected == 403) {
      assertEquals(40301, response.errorCode(), response.body());
      assertTrue(
          response.json().get("message").asText().startsWith("User " + user + " is denied"),
          response.body());
    }
  }

  @Test
  void shouldChallengeRequestsWithoutValidCredentials() {
    final Response anonymous = registry.client().get("/subjects");
    assertEquals(401, anonymous.status());
    assertEquals(401, anonymous.errorCode(), anonymous.body());
    assertEquals(
        "Basic realm=\"SchemaRegistry\", charset=\"UTF-8\"",
        anonymous.headers().firstValue("WWW-Authenticate").orElse(null));

    final Response wrongPassword =
        registry
            .client()
            .request("GET", "/subjects", null, "Authorization", basic("admin", "not-it"));
    assertEquals(401, wrongPassword.status(), wrongPassword.body());
    assertEquals(
        "Unauthorized: wrong user name or password", wrongPassword.json().get("message").asText());

    for (final String path : List.of("/", "/schemas/ids/1", "/config", "/v1/metadata/id", "/ui/")) {
      assertEquals(401, registry.client().get(path).status(), path);
    }
    assertEquals(401, registry.client().post("/subjects/public-news/versions", BODY).status());
  }

  @Test
  void shouldAnswerTheConfiguredPathsWithoutCredentials() {
    assertEquals(200, registry.client().get("/v1/metadata/version").status());
  }

  @Test
  void shouldListOnlyWhatTheUserMayRead() {
    assertEquals(
        "[\"public-news\",\"team-a-orders\",\"team-b-payments\"]",
        as("reader", "GET", "/subjects", null).body());
    assertEquals(
        "[\"public-news\",\"team-a-orders\"]", as("writer", "GET", "/subjects", null).body());
    assertEquals("[\"public-news\"]", as("nobody", "GET", "/subjects", null).body());

    assertEquals(
        "[\"public-news\",\"team-a-orders\"]",
        as("writer", "GET", "/schemas/ids/" + sharedId + "/subjects", null).body());
    assertEquals(
        "[{\"subject\":\"public-news\",\"version\":1}]",
        as("nobody", "GET", "/schemas/ids/" + sharedId + "/versions", null).body());
    final Response schemas = as("writer", "GET", "/schemas", null);
    assertEquals(2, schemas.json().size(), schemas.body());
  }

  @Test
  void shouldAnswerASchemaIdWhoseSubjectsTheUserMayNotReadAsMissing() {
    final Response registered =
        as(
            "admin",
            "POST",
            "/subjects/team-b-private/versions",
            RestClient.schemaBody("{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}"));
    final int privateId = registered.json().get("id").asInt();

    final Response denied = as("writer", "GET", "/schemas/ids/" + privateId, null);
    // As for an id that does not exist: which ids exist is not the writer's to learn.
    assertEquals(404, denied.status(), denied.body());
    assertEquals("Schema not found", denied.json().get("message").asText());
    assertEquals(200, as("reader", "GET", "/schemas/ids/" + privateId, null).status());
    assertEquals(404, as("writer", "GET", "/schemas/ids/99999", null).status());
  }

  @Test
  void shouldRefuseToStartWithAMalformedUsersFileAndNotRepeatIt() throws Exception {
    final Path users = dir.resolve("broken-users");
    Files.writeString(users, "carol: carols-plain-password, ops\n");
    final Map<String, Object> settings = TestRegistry.settings("access-control-broken", dir);
    settings.put(AuthenticationSettings.METHOD, "BASIC");
    settings.put(AuthenticationSettings.USERS_FILE, users.toString());

    final ConfigException e =
        assertThrows(ConfigException.class, () -> Registry.start(new RegistryConfig(settings)));
    assertTrue(e.getMessage().contains(users + " line 1: user 'carol'"), e.getMessage());
    assertFalse(e.getMessage().contains("carols-plain-password"), e.getMessage());
  }

  private Response as(
      final String user, final String method, final String path, final String body) {
    return registry
        .client()
        .request(method, path, body, "Authorization", basic(user, password(user)));
  }

  private static String password(final String user) {
    return user + "-secret";
  }

  private static String basic(final String user, final String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
