package io.ksr.http;

import static io.ksr.http.HostileRequests.JSON;
import static io.ksr.http.HostileRequests.VALID;
import static io.ksr.http.HostileRequests.abbreviate;
import static io.ksr.http.HostileRequests.bytes;
import static io.ksr.http.HostileRequests.nestedAvro;
import static io.ksr.http.HostileRequests.nestedJsonSchema;
import static io.ksr.http.HostileRequests.nestedProtobuf;
import static io.ksr.http.HostileRequests.problem;
import static io.ksr.http.HostileRequests.withField;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RawHttp;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of hostile request the security issue lists, over real HTTP, each with the Confluent
 * code it gets; afterwards the registry still answers and {@code _schemas} holds nothing new.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class HostileInputIntegrationTest {
  private static final int LIMIT = 1 << 20;

  @TempDir Path dataDir;

  /** A request and the error code it must get; the HTTP status is the code's first digits. */
  record Case(
      String name,
      String method,
      String target,
      byte[] body,
      String[] headers,
      int code,
      boolean chunked) {
    Case(
        final String name,
        final String method,
        final String target,
        final byte[] body,
        final String[] headers,
        final int code) {
      this(name, method, target, body, headers, code, false);
    }

    RawHttp.Response send(final RawHttp http) {
      return chunked
          ? http.sendChunked(method, target, body, headers)
          : http.send(method, target, body, headers);
    }
  }

  @Test
  void hostileRequestsGetConfluentErrorsAndLeaveNoTrace() {
    final Map<String, Object> settings = TestRegistry.settings("hostile", dataDir);
    settings.put(RegistryConfig.MAX_REQUEST_BODY_SIZE, LIMIT);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RawHttp http = new RawHttp(registry.registry().ports().get(0), Duration.ofSeconds(20));
      assertEquals(200, post(http, "/subjects/valid/versions", VALID).status());
      // Nesting just below the parser's limit is a schema like any other, checked all the way down.
      assertEquals(200, post(http, "/subjects/deep/versions", nestedAvro(990, "int")).status());
      final RawHttp.Response deepCheck =
          post(http, "/compatibility/subjects/deep/versions/latest", nestedAvro(990, "long"));
      assertEquals(200, deepCheck.status(), deepCheck.body());
      final String topic = (String) settings.get(RegistryConfig.TOPIC);
      final int records = SchemasLog.read(TestKafka.bootstrapServers(), topic).size();

      final List<String> failures = new ArrayList<>();
      for (final Case c : cases()) {
        final RawHttp.Response response = c.send(http);
        final String problem = problem(response, c.code());
        if (problem != null) {
          failures.add(
              c.name() + " (" + c.method() + " " + abbreviate(c.target()) + "): " + problem);
        }
      }
      assertTrue(failures.isEmpty(), String.join("\n", failures));

      assertEquals(200, http.send("GET", "/subjects/valid/versions/1", null).status());
      assertEquals(200, post(http, "/subjects/valid", VALID).status());
      assertEquals(records, SchemasLog.read(TestKafka.bootstrapServers(), topic).size());
    }
  }

  private static List<Case> cases() {
    final List<Case> cases = new ArrayList<>();
    bodies(cases);
    subjects(cases);
    versionsAndIds(cases);
    wrongMethods(cases);
    headers(cases);
    return cases;
  }

  private static void bodies(final List<Case> cases) {
    final String big = "{\"schema\":\"" + "x".repeat(LIMIT) + "\"}";
    add(cases, "body above the limit", "POST", "/subjects/big/versions", big, 413);
    cases.add(chunked(big));
    add(cases, "JSON nested 50,000 deep", "POST", "/subjects/s/versions", "[".repeat(50_000), 400);
    add(
        cases,
        "Avro nested 5,000 deep",
        "POST",
        "/subjects/s/versions",
        nestedAvro(5000, "int"),
        42201);
    add(
        cases,
        "JSON Schema nested 5,000 deep",
        "POST",
        "/subjects/s",
        nestedJsonSchema(5000),
        42201);
    add(cases, "Protobuf nested 5,000 deep", "POST", "/subjects/s", nestedProtobuf(5000), 42201);
    add(cases, "Protobuf nested 30,000 deep", "POST", "/subjects/s", nestedProtobuf(30_000), 42201);
    cases.add(
        new Case(
            "invalid UTF-8",
            "POST",
            "/subjects/s/versions",
            bytes("{\"schema\":\"\\\"str", new byte[] {(byte) 0xff, (byte) 0xfe}, "\\\"\"}"),
            new String[] {"Content-Type", JSON},
            400));
    cases.add(
        new Case(
            "overlong UTF-8",
            "POST",
            "/subjects/s/versions",
            bytes("{\"schema\":\"", new byte[] {(byte) 0xc0, (byte) 0xaf}, "\"}"),
            new String[] {"Content-Type", JSON},
            400));
    final String dup = "{\"schema\":\"\\\"string\\\"\",\"schema\":\"\\\"int\\\"\"}";
    add(cases, "duplicate keys", "POST", "/subjects/s/versions", dup, 400);
    add(
        cases,
        "duplicate keys in config",
        "PUT",
        "/config",
        "{\"compatibility\":\"NONE\",\"compatibility\":\"FULL\"}",
        400);
    add(
        cases,
        "duplicate keys in mode",
        "PUT",
        "/mode/s",
        "{\"mode\":\"READONLY\",\"mode\":\"IMPORT\"}",
        400);
    add(
        cases,
        "version as a string",
        "POST",
        "/subjects/s/versions",
        withField("\"version\":\"1\""),
        400);
    add(cases, "id as a string", "POST", "/subjects/s/versions", withField("\"id\":\"5\""), 400);
    add(
        cases,
        "version as a fraction",
        "POST",
        "/subjects/s/versions",
        withField("\"version\":1.5"),
        400);
    add(
        cases,
        "id that overflows",
        "POST",
        "/subjects/s/versions",
        withField("\"id\":2147483648"),
        400);
    add(
        cases,
        "version of 30 digits",
        "POST",
        "/subjects/s/versions",
        withField("\"version\":" + "9".repeat(30)),
        400);
    add(cases, "schema as a number", "POST", "/subjects/s/versions", "{\"schema\":123}", 400);
    add(
        cases,
        "schema as an object",
        "POST",
        "/subjects/s/versions",
        "{\"schema\":{\"type\":\"string\"}}",
        400);
    add(
        cases,
        "schemaType as a number",
        "POST",
        "/subjects/s/versions",
        withField("\"schemaType\":1"),
        400);
    add(
        cases,
        "references as a string",
        "POST",
        "/subjects/s/versions",
        withField("\"references\":\"r\""),
        400);
    add(
        cases,
        "reference version as a string",
        "POST",
        "/subjects/s/versions",
        withField("\"references\":[{\"name\":\"r\",\"subject\":\"r\",\"version\":\"1\"}]"),
        400);
    add(cases, "mode as a number", "PUT", "/mode/s", "{\"mode\":1}", 400);
    add(cases, "compatibility as a number", "PUT", "/config/s", "{\"compatibility\":1}", 42203);
    add(cases, "normalize as a string", "PUT", "/config/s", "{\"normalize\":\"true\"}", 400);
    add(cases, "empty body", "POST", "/subjects/s/versions", "", 422);
    add(cases, "null body", "POST", "/subjects/s/versions", "null", 422);
    add(cases, "array body", "POST", "/subjects/s/versions", "[]", 400);
    add(cases, "truncated body", "POST", "/subjects/s/versions", "{\"schema\":\"\\\"str", 400);
    add(cases, "garbage body", "PUT", "/config", "\u0000\u0001}{", 400);
  }

  private static void subjects(final List<Case> cases) {
    add(cases, "subject with an encoded /", "GET", "/subjects/a%2Fb/versions", null, 40401);
    add(cases, "subject ..", "GET", "/subjects/%2E%2E/versions", null, 40401);
    add(cases, "path with ..", "GET", "/subjects/../versions", null, 40401);
    add(
        cases,
        "path with .. to a real endpoint",
        "GET",
        "/subjects/a/../../schemas/ids/9",
        null,
        404);
    add(cases, "subject with an encoded NUL", "POST", "/subjects/a%00b/versions", VALID, 400);
    add(cases, "subject with a DEL", "POST", "/subjects/a%7Fb/versions", VALID, 42208);
    add(
        cases,
        "subject with a newline",
        "PUT",
        "/config/a%0Ab",
        "{\"compatibility\":\"NONE\"}",
        42208);
    add(
        cases,
        "subject with a raw control character",
        "GET",
        "/subjects/a\u0001b/versions",
        null,
        400);
    add(cases, "subject with invalid UTF-8", "POST", "/subjects/%FF%FE/versions", VALID, 400);
    add(
        cases,
        "subject of 10,000 characters",
        "POST",
        "/subjects/" + "a".repeat(10_000) + "/versions",
        VALID,
        414);
    add(cases, "reserved subject", "POST", "/subjects/__GLOBAL/versions", VALID, 42208);
  }

  private static void versionsAndIds(final List<Case> cases) {
    for (final String version : List.of("0", "-2", "2147483648", "abc", "%20", "9".repeat(40))) {
      add(cases, "version " + version, "GET", "/subjects/valid/versions/" + version, null, 42202);
    }
    add(cases, "delete version -2", "DELETE", "/subjects/valid/versions/-2", null, 42202);
    add(
        cases,
        "check version abc",
        "POST",
        "/compatibility/subjects/valid/versions/abc",
        VALID,
        42202);
    add(cases, "id 2147483648", "GET", "/schemas/ids/2147483648", null, 404);
    add(cases, "id of 30 digits", "GET", "/schemas/ids/" + "9".repeat(30), null, 404);
    add(cases, "id abc", "GET", "/schemas/ids/abc", null, 404);
    add(cases, "id -1", "GET", "/schemas/ids/-1", null, 40403);
    add(cases, "id 0", "GET", "/schemas/ids/0/subjects", null, 40403);
    add(cases, "offset that overflows", "GET", "/subjects?offset=2147483648", null, 404);
    add(cases, "limit abc", "GET", "/schemas?limit=abc", null, 404);
  }

  private static void wrongMethods(final List<Case> cases) {
    final Map<String, Set<String>> routes =
        Map.ofEntries(
            Map.entry("/", Set.of("GET", "POST")),
            Map.entry("/v1/metadata/id", Set.of("GET")),
            Map.entry("/contexts", Set.of("GET")),
            Map.entry("/contexts/.c", Set.of("DELETE")),
            Map.entry("/schemas", Set.of("GET")),
            Map.entry("/schemas/types", Set.of("GET")),
            Map.entry("/schemas/ids/1", Set.of("GET")),
            Map.entry("/schemas/ids/1/versions", Set.of("GET")),
            Map.entry("/subjects", Set.of("GET")),
            Map.entry("/subjects/valid", Set.of("POST", "DELETE")),
            Map.entry("/subjects/valid/versions", Set.of("GET", "POST")),
            Map.entry("/subjects/valid/versions/1", Set.of("GET", "DELETE")),
            Map.entry("/subjects/valid/versions/1/referencedby", Set.of("GET")),
            Map.entry("/compatibility/subjects/valid/versions/1", Set.of("POST")),
            Map.entry("/config/valid", Set.of("GET", "PUT", "DELETE")),
            Map.entry("/mode", Set.of("GET", "PUT", "DELETE")),
            Map.entry("/contexts/.c/subjects/valid/versions", Set.of("GET", "POST")));
    routes.forEach(
        (path, allowed) -> {
          for (final String method : List.of("GET", "POST", "PUT", "DELETE", "PATCH")) {
            if (!allowed.contains(method)) {
              add(cases, "wrong method", method, path, null, 405);
            }
          }
        });
    add(cases, "unknown method", "BREW", "/subjects", null, 405);
    add(cases, "TRACE", "TRACE", "/subjects", null, 405);
  }

  private static void headers(final List<Case> cases) {
    for (final String type : List.of("text/plain", ";;;", "application/xml", "json", "*/*")) {
      cases.add(
          new Case(
              "Content-Type " + type,
              "POST",
              "/subjects/s/versions",
              VALID.getBytes(StandardCharsets.UTF_8),
              new String[] {"Content-Type", type},
              415));
    }
    cases.add(
        new Case(
            "unknown charset",
            "POST",
            "/subjects/none",
            VALID.getBytes(StandardCharsets.UTF_8),
            new String[] {"Content-Type", "application/json; charset=klingon"},
            40401));
    cases.add(
        new Case(
            "Accept nothing we serve",
            "GET",
            "/subjects",
            null,
            new String[] {"Accept", "text/html"},
            406));
    cases.add(
        new Case(
            "header of 20,000 characters",
            "GET",
            "/subjects",
            null,
            new String[] {"X-Padding", "p".repeat(20_000)},
            431));
  }

  private static void add(
      final List<Case> cases,
      final String name,
      final String method,
      final String target,
      final String body,
      final int code) {
    cases.add(
        new Case(
            name,
            method,
            target,
            body == null ? null : body.getBytes(StandardCharsets.UTF_8),
            body == null ? new String[0] : new String[] {"Content-Type", JSON},
            code));
  }

  private static RawHttp.Response post(final RawHttp http, final String path, final String body) {
    return http.send("POST", path, body.getBytes(StandardCharsets.UTF_8), "Content-Type", JSON);
  }

  private static Case chunked(final String body) {
    return new Case(
        "body above the limit, chunked",
        "POST",
        "/subjects/big/versions",
        body.getBytes(StandardCharsets.UTF_8),
        new String[] {"Content-Type", JSON},
        413,
        true);
  }
}
