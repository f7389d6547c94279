package io.ksr.http;

import static io.ksr.http.HostileRequests.JSON;
import static io.ksr.http.HostileRequests.VALID;
import static io.ksr.http.HostileRequests.abbreviate;
import static io.ksr.http.HostileRequests.bytes;
import static io.ksr.http.HostileRequests.nestedAvro;
import static io.ksr.http.HostileRequests.nestedJsonSchema;
import static io.ksr.http.HostileRequests.nestedProtobuf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of generated malformed requests at a running registry, from a fixed seed (set {@code
 * -Dksr.fuzz.seed} to try others): every answer is a 4xx with a Confluent error body, none hangs,
 * the registry still answers afterwards, and {@code _schemas} holds nothing from the garbage.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class RegistryFuzzIntegrationTest {
  private static final long SEED = Long.getLong("ksr.fuzz.seed", 8L);
  private static final int REQUESTS = 3000;
  private static final int LIMIT = 256 * 1024;

  /** Write paths, each with a body that it accepts, for the generators to spoil. */
  private static final List<String[]> WRITES =
      List.of(
          new String[] {"POST", "/subjects/fuzz/versions", VALID},
          new String[] {"POST", "/subjects/valid", VALID},
          new String[] {"POST", "/compatibility/subjects/valid/versions/latest", VALID},
          new String[] {"PUT", "/config/fuzz", "{\"compatibility\":\"NONE\"}"},
          new String[] {"PUT", "/mode/fuzz", "{\"mode\":\"READONLY\"}"});

  /** Routes and the methods they answer, for the wrong-method generator. */
  private static final Map<String, String> ROUTES =
      Map.of(
          "/schemas/ids/1", "GET",
          "/schemas/types", "GET",
          "/subjects", "GET",
          "/subjects/valid", "POST DELETE",
          "/subjects/valid/versions", "GET POST",
          "/subjects/valid/versions/1", "GET DELETE",
          "/compatibility/subjects/valid/versions/1", "POST",
          "/config", "GET PUT DELETE",
          "/mode/valid", "GET PUT DELETE",
          "/contexts", "GET");

  @TempDir Path dataDir;

  /** One generated request. */
  record Request(String method, String target, byte[] body, boolean chunked, String... headers) {
    RawHttp.Response send(final RawHttp http) {
      return chunked
          ? http.sendChunked(method, target, body, headers)
          : http.send(method, target, body, headers);
    }
  }

  @Test
  void garbageGetsConfluentErrorsAndLeavesNoTrace() {
    System.out.println("RegistryFuzzIntegrationTest seed: " + SEED);
    final Map<String, Object> settings = TestRegistry.settings("fuzz", dataDir);
    settings.put(RegistryConfig.MAX_REQUEST_BODY_SIZE, LIMIT);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RawHttp http = new RawHttp(registry.registry().ports().get(0), Duration.ofSeconds(10));
      assertEquals(200, json(http, "POST", "/subjects/valid/versions", VALID).status());
      final String topic = (String) settings.get(RegistryConfig.TOPIC);
      final int records = SchemasLog.read(TestKafka.bootstrapServers(), topic).size();

      final Random random = new Random(SEED);
      final List<Function<Random, Request>> generators = generators();
      final List<String> failures = new ArrayList<>();
      for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
        final Request request = generators.get(random.nextInt(generators.size())).apply(random);
        final RawHttp.Response response = request.send(http);
        final String problem = problem(response);
        if (problem != null) {
          failures.add(
              "#"
                  + i
                  + " "
                  + request.method()
                  + " "
                  + abbreviate(request.target())
                  + " "
                  + problem);
        }
      }
      assertTrue(failures.isEmpty(), "seed " + SEED + ":\n" + String.join("\n", failures));

      assertEquals(200, http.send("GET", "/subjects/valid/versions/1", null).status());
      assertEquals(200, json(http, "POST", "/subjects/valid", VALID).status());
      assertEquals(records, SchemasLog.read(TestKafka.bootstrapServers(), topic).size());
    }
  }

  /** What is wrong with an answer to garbage, or null when it is a proper Confluent 4xx. */
  private static String problem(final RawHttp.Response response) {
    final JsonNode json = response.jsonOrNull();
    if (response.status() < 400 || response.status() >= 500 || json == null) {
      return "-> " + response.status() + " " + abbreviate(response.body());
    }
    final int code = json.path("error_code").asInt(-1);
    return HostileRequests.problem(response, code);
  }

  private static List<Function<Random, Request>> generators() {
    return List.of(
        RegistryFuzzIntegrationTest::truncated,
        RegistryFuzzIntegrationTest::invalidUtf8,
        RegistryFuzzIntegrationTest::randomBytes,
        RegistryFuzzIntegrationTest::duplicateKey,
        RegistryFuzzIntegrationTest::wrongType,
        RegistryFuzzIntegrationTest::deepJson,
        RegistryFuzzIntegrationTest::deepSchema,
        RegistryFuzzIntegrationTest::invalidSchema,
        RegistryFuzzIntegrationTest::badSubject,
        RegistryFuzzIntegrationTest::badVersion,
        RegistryFuzzIntegrationTest::badId,
        RegistryFuzzIntegrationTest::wrongMethod,
        RegistryFuzzIntegrationTest::badHeader,
        RegistryFuzzIntegrationTest::oversized,
        RegistryFuzzIntegrationTest::unknownPath,
        RegistryFuzzIntegrationTest::badSetting);
  }

  private static Request truncated(final Random random) {
    final String[] write = pick(random, WRITES);
    final String body = write[2];
    return write(write, body.substring(0, 1 + random.nextInt(body.length() - 1)));
  }

  private static Request invalidUtf8(final Random random) {
    final byte[][] invalid = {
      {(byte) 0xff}, {(byte) 0x80}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xed, (byte) 0xa0, 0x41}
    };
    final String body = "{\"schema\":\"\\\"" + letters(random, 3) + "\\\"\"}";
    final int at = 12 + random.nextInt(3);
    final byte[] spoiled =
        bytes(body.substring(0, at), pick(random, List.of(invalid)), body.substring(at));
    return new Request("POST", "/subjects/fuzz/versions", spoiled, false, "Content-Type", JSON);
  }

  private static Request randomBytes(final Random random) {
    final byte[] body = new byte[1 + random.nextInt(300)];
    random.nextBytes(body);
    // A control character first: never well-formed JSON, so never a valid request by chance.
    body[0] = (byte) (1 + random.nextInt(8));
    final String[] write = pick(random, WRITES);
    return new Request(write[0], write[1], body, false, "Content-Type", JSON);
  }

  private static Request duplicateKey(final Random random) {
    final String[] write = pick(random, WRITES);
    final String body = write[2];
    final String firstField = body.substring(1, body.length() - 1);
    return write(write, "{" + firstField + "," + firstField + "}");
  }

  private static Request wrongType(final Random random) {
    final String field =
        pick(
            random,
            List.of(
                "\"version\":\"" + random.nextInt(9) + "\"",
                "\"id\":\"" + random.nextInt(9) + "\"",
                "\"version\":" + random.nextInt(9) + ".5",
                "\"id\":" + (2147483648L + random.nextInt(1000)),
                "\"id\":true",
                "\"schemaType\":" + random.nextInt(),
                "\"references\":\"" + letters(random, 4) + "\"",
                "\"references\":[{\"name\":\"a\",\"subject\":\"b\",\"version\":\"1\"}]"));
    if (random.nextBoolean()) {
      return json("PUT", "/config/fuzz", "{\"normalize\":\"" + random.nextBoolean() + "\"}");
    }
    final String schema = random.nextBoolean() ? "{\"schema\":" + random.nextInt() + "}" : null;
    return json(
        "POST",
        "/subjects/fuzz/versions",
        schema != null ? schema : HostileRequests.withField(field));
  }

  private static Request deepJson(final Random random) {
    final int depth = 1001 + random.nextInt(20_000);
    final String open = random.nextBoolean() ? "[" : "{\"a\":";
    final String[] write = pick(random, WRITES);
    return write(write, open.repeat(Math.min(depth, LIMIT / open.length() - 1)));
  }

  private static Request deepSchema(final Random random) {
    return switch (random.nextInt(3)) {
      case 0 ->
          json("POST", "/subjects/fuzz/versions", nestedAvro(1001 + random.nextInt(1500), "int"));
      case 1 ->
          json("POST", "/subjects/fuzz/versions", nestedJsonSchema(1001 + random.nextInt(4000)));
      default ->
          json("POST", "/subjects/fuzz/versions", nestedProtobuf(8000 + random.nextInt(8000)));
    };
  }

  private static Request invalidSchema(final Random random) {
    final String type = pick(random, List.of("AVRO", "JSON", "PROTOBUF", letters(random, 5)));
    // A leading '!' is not valid in any of the three languages.
    final String schema = "!" + printable(random, 1 + random.nextInt(60)).replace("\\", "");
    return json(
        "POST",
        "/subjects/fuzz/versions",
        "{\"schemaType\":\"" + type + "\",\"schema\":\"" + schema.replace("\"", "'") + "\"}");
  }

  private static Request badSubject(final Random random) {
    final String control =
        String.format("%%%02X", pick(random, List.of(1, 9, 10, 13, 27, 31, 127)));
    final String subject = letters(random, random.nextInt(5)) + control + letters(random, 3);
    return random.nextBoolean()
        ? json("POST", "/subjects/" + subject + "/versions", VALID)
        : json("PUT", "/config/" + subject, "{\"compatibility\":\"NONE\"}");
  }

  private static Request badVersion(final Random random) {
    final String version =
        pick(
            random,
            List.of(
                "0",
                "-" + (2 + random.nextInt(1_000_000)),
                String.valueOf(2147483648L + random.nextInt(Integer.MAX_VALUE)),
                "x" + letters(random, 1 + random.nextInt(8)),
                "%20",
                "1.0"));
    final String method = pick(random, List.of("GET", "DELETE"));
    return new Request(method, "/subjects/valid/versions/" + version, null, false);
  }

  private static Request badId(final Random random) {
    final String id =
        pick(
            random,
            List.of(
                "-" + random.nextInt(1000),
                String.valueOf(2147483648L + random.nextInt(Integer.MAX_VALUE)),
                letters(random, 1 + random.nextInt(6)),
                String.valueOf(1000 + random.nextInt(1_000_000))));
    final String tail = pick(random, List.of("", "/schema", "/subjects", "/versions"));
    return new Request("GET", "/schemas/ids/" + id + tail, null, false);
  }

  private static Request wrongMethod(final Random random) {
    final String path = pick(random, List.copyOf(ROUTES.keySet()));
    final List<String> wrong = new ArrayList<>(List.of("GET", "POST", "PUT", "DELETE", "PATCH"));
    wrong.removeAll(List.of(ROUTES.get(path).split(" ")));
    wrong.add("X" + letters(random, 4).toUpperCase(Locale.ROOT));
    return new Request(pick(random, wrong), path, null, false);
  }

  private static Request badHeader(final Random random) {
    if (random.nextBoolean()) {
      final String accept = "text/" + letters(random, 1 + random.nextInt(8));
      return new Request("GET", "/subjects", null, false, "Accept", accept);
    }
    final String type =
        pick(random, List.of("text/", "image/", ";", "x")) + printable(random, random.nextInt(20));
    final String[] write = pick(random, WRITES);
    return new Request(
        write[0],
        write[1],
        write[2].getBytes(StandardCharsets.UTF_8),
        false,
        "Content-Type",
        type.trim());
  }

  private static Request oversized(final Random random) {
    final String body = "{\"schema\":\"" + "x".repeat(LIMIT + random.nextInt(10_000)) + "\"}";
    final String[] write = pick(random, WRITES);
    return new Request(
        write[0],
        write[1],
        body.getBytes(StandardCharsets.UTF_8),
        random.nextBoolean(),
        "Content-Type",
        JSON);
  }

  private static Request unknownPath(final Random random) {
    final String path = "/zz" + letters(random, random.nextInt(6)) + "/" + letters(random, 3);
    return new Request(pick(random, List.of("GET", "POST", "PUT", "DELETE")), path, null, false);
  }

  private static Request badSetting(final Random random) {
    final String value = "Q" + letters(random, random.nextInt(10));
    return random.nextBoolean()
        ? json("PUT", "/config/valid", "{\"compatibility\":\"" + value + "\"}")
        : json("PUT", "/mode/valid", "{\"mode\":\"" + value + "\"}");
  }

  private static Request write(final String[] write, final String body) {
    return json(write[0], write[1], body);
  }

  private static Request json(final String method, final String target, final String body) {
    return new Request(
        method, target, body.getBytes(StandardCharsets.UTF_8), false, "Content-Type", JSON);
  }

  private static RawHttp.Response json(
      final RawHttp http, final String method, final String target, final String body) {
    return json(method, target, body).send(http);
  }

  private static <T> T pick(final Random random, final List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  private static String letters(final Random random, final int length) {
    final StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    return text.toString();
  }

  private static String printable(final Random random, final int length) {
    final StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) (' ' + random.nextInt(95)));
    }
    return text.toString();
  }
}
