package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.client.FakeRegistry.Reply;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The REST client against fake registries on real sockets: failover, retries, auth, errors. */
class RestSchemaRegistryClientTest {
  static final String ID_1 = "{\"schema\":\"\\\"string\\\"\"}";
  static final SchemaString STRING = SchemaString.avro("\"string\"");

  /** A client for these URLs that retries quickly; {@code settings} are key, value, key... */
  static RestSchemaRegistryClient client(final String urls, final Object... settings) {
    final Map<String, Object> config = new HashMap<>();
    config.put(ClientConfig.URL, urls);
    config.put(ClientConfig.RETRIES_WAIT_MS, 10);
    config.put(ClientConfig.RETRIES_MAX_WAIT_MS, 20);
    for (int i = 0; i + 1 < settings.length; i += 2) {
      config.put((String) settings[i], settings[i + 1]);
    }
    return RestSchemaRegistryClient.fromConfig(config);
  }

  @Test
  void shouldFailOverWhenTheFirstUrlIsDownAndThenStartAtTheOneThatWorked() {
    try (FakeRegistry registry = FakeRegistry.answering(200, ID_1)) {
      final RestSchemaRegistryClient client =
          client(FakeRegistry.closedUrl() + "," + registry.url());

      assertEquals(STRING, client.getById(1));
      assertEquals(2, client.requestsSent());

      assertEquals(STRING, client.getById(1));
      assertEquals(3, client.requestsSent());
      assertEquals(2, registry.requests().size());
    }
  }

  @Test
  void shouldFailOverWhenTheFirstUrlAnswers500() {
    try (FakeRegistry broken =
            FakeRegistry.answering(500, "{\"error_code\":50001,\"message\":\"x\"}");
        FakeRegistry healthy = FakeRegistry.answering(200, ID_1)) {
      final RestSchemaRegistryClient client = client(broken.url() + "," + healthy.url());

      assertEquals(STRING, client.getById(1));
      assertEquals(STRING, client.getById(1));

      assertEquals(1, broken.requests().size());
      assertEquals(2, healthy.requests().size());
    }
  }

  @Test
  void shouldFailOverWhenTheFirstUrlDoesNotAnswerInTime() throws InterruptedException {
    final CountDownLatch release = new CountDownLatch(1);
    try (FakeRegistry stuck =
            FakeRegistry.start(
                request -> {
                  release.await(30, TimeUnit.SECONDS);
                  return new Reply(200, ID_1);
                });
        FakeRegistry healthy = FakeRegistry.answering(200, ID_1)) {
      final RestSchemaRegistryClient client =
          client(stuck.url() + "," + healthy.url(), ClientConfig.HTTP_READ_TIMEOUT_MS, 200);

      assertEquals(STRING, client.getById(1));
      assertEquals(1, healthy.requests().size());
    } finally {
      release.countDown();
    }
  }

  @Test
  void shouldNotRetryA4xxAnswerAndShouldSurfaceItsCode() {
    try (FakeRegistry notFound =
            FakeRegistry.answering(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        FakeRegistry other = FakeRegistry.answering(200, ID_1)) {
      final RestSchemaRegistryClient client = client(notFound.url() + "," + other.url());

      final SchemaRegistryClientException e =
          assertThrows(SchemaRegistryClientException.class, () -> client.getById(9));

      assertEquals(404, e.status());
      assertEquals(40403, e.errorCode());
      assertTrue(e.getMessage().contains("Schema not found"), e.getMessage());
      assertEquals(1, client.requestsSent());
      assertTrue(other.requests().isEmpty());
    }
  }

  @Test
  void shouldRetryTheUrlsUntilTheRegistryAnswers() {
    final AtomicInteger calls = new AtomicInteger();
    try (FakeRegistry starting =
        FakeRegistry.start(
            request ->
                calls.incrementAndGet() <= 2
                    ? new Reply(503, "{\"error_code\":50004,\"message\":\"no writer\"}")
                    : new Reply(200, "{\"id\":5}"))) {
      final RestSchemaRegistryClient client = client(starting.url());

      assertEquals(5, client.register("s", STRING, false));
      assertEquals(3, client.requestsSent());
    }
  }

  @Test
  void shouldGiveUpAfterTheRetriesWithBackoffNamingEachUrl() {
    final String first = FakeRegistry.closedUrl();
    final String second = FakeRegistry.closedUrl();
    final RestSchemaRegistryClient client =
        client(
            first + "," + second,
            ClientConfig.MAX_RETRIES,
            2,
            ClientConfig.RETRIES_WAIT_MS,
            40,
            ClientConfig.RETRIES_MAX_WAIT_MS,
            50);
    final long start = System.nanoTime();

    final SchemaRegistryClientException e =
        assertThrows(SchemaRegistryClientException.class, () -> client.getById(1));

    // Waits 40 ms, then 80 ms capped at 50 ms.
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 90);
    assertEquals(6, client.requestsSent());
    assertEquals(0, e.status());
    assertEquals(SchemaRegistryClientException.UNREADABLE_ANSWER, e.errorCode());
    assertTrue(e.getMessage().contains(first + " (") && e.getMessage().contains(second + " ("));
    assertTrue(e.getMessage().contains("3 tries"), e.getMessage());
  }

  @Test
  void shouldSurfaceTheRegistrysCodeWhenEveryTryAnswered5xx() {
    try (FakeRegistry registry =
        FakeRegistry.answering(500, "{\"error_code\":50002,\"message\":\"timed out\"}")) {
      final RestSchemaRegistryClient client = client(registry.url(), ClientConfig.MAX_RETRIES, 1);

      final SchemaRegistryClientException e =
          assertThrows(SchemaRegistryClientException.class, () -> client.getById(1));

      assertEquals(500, e.status());
      assertEquals(50002, e.errorCode());
      assertTrue(e.getMessage().contains("timed out"), e.getMessage());
      assertEquals(2, registry.requests().size());
    }
  }

  @Test
  void shouldSendBasicAuthFromUserInfo() {
    try (FakeRegistry registry = FakeRegistry.answering(200, ID_1)) {
      client(
              registry.url(),
              ClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
              "USER_INFO",
              ClientConfig.BASIC_AUTH_USER_INFO,
              "alice:s3cret")
          .getById(1);

      assertEquals(basic("alice:s3cret"), registry.requests().get(0).authorization());
    }
  }

  @Test
  void shouldSendBasicAuthFromTheUrlAndNoneWithoutCredentials() {
    try (FakeRegistry registry = FakeRegistry.answering(200, ID_1)) {
      final String withCredentials = "http://bob:pa%40ss@127.0.0.1:" + registry.port();
      client(withCredentials, ClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE, "URL").getById(1);
      client(registry.url()).getById(1);

      assertEquals(basic("bob:pa@ss"), registry.requests().get(0).authorization());
      assertNull(registry.requests().get(1).authorization());
    }
  }

  @Test
  void shouldSendAStaticBearerTokenAndConfluentCloudsRoutingHeaders() {
    try (FakeRegistry registry = FakeRegistry.answering(200, ID_1)) {
      client(
              registry.url(),
              BearerAuth.CREDENTIALS_SOURCE,
              "static_token",
              BearerAuth.TOKEN,
              "t0ken",
              BearerAuth.LOGICAL_CLUSTER,
              "lsrc-123",
              BearerAuth.IDENTITY_POOL_ID,
              "pool-9")
          .getById(1);

      final FakeRegistry.Request request = registry.requests().get(0);
      assertEquals("Bearer t0ken", request.authorization());
      assertEquals(List.of("lsrc-123"), request.headers().get("Target-sr-cluster"));
      assertEquals(List.of("pool-9"), request.headers().get("Confluent-identity-pool-id"));
    }
  }

  @Test
  void shouldNotRetryAStaticTokenTheRegistryRefuses() {
    try (FakeRegistry registry =
        FakeRegistry.answering(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}")) {
      final SchemaRegistryClientException error =
          assertThrows(
              SchemaRegistryClientException.class,
              () ->
                  client(
                          registry.url(),
                          BearerAuth.CREDENTIALS_SOURCE,
                          "STATIC_TOKEN",
                          BearerAuth.TOKEN,
                          "stale")
                      .getById(1));

      assertEquals(401, error.errorCode());
      assertEquals(1, registry.requests().size());
    }
  }

  @Test
  void shouldReportAnswersThatAreNotJsonWith50005() {
    try (FakeRegistry html = FakeRegistry.answering(401, "<html>Unauthorized</html>");
        FakeRegistry garbled = FakeRegistry.answering(200, "{\"id\":")) {
      final SchemaRegistryClientException error =
          assertThrows(SchemaRegistryClientException.class, () -> client(html.url()).getById(1));
      final SchemaRegistryClientException success =
          assertThrows(
              SchemaRegistryClientException.class,
              () -> client(garbled.url()).register("s", STRING, false));

      assertEquals(401, error.status());
      assertEquals(SchemaRegistryClientException.UNREADABLE_ANSWER, error.errorCode());
      assertTrue(error.getMessage().contains("<html>Unauthorized"), error.getMessage());
      assertEquals(200, success.status());
      assertEquals(SchemaRegistryClientException.UNREADABLE_ANSWER, success.errorCode());
    }
  }

  @Test
  void shouldEncodeSubjectsAndSendConfluentsMediaTypes() {
    try (FakeRegistry registry = FakeRegistry.answering(200, "{\"id\":3}")) {
      client(registry.url()).register("team/orders:v 1", STRING, true);

      final FakeRegistry.Request request = registry.requests().get(0);
      assertEquals("POST", request.method());
      assertEquals("/subjects/team%2Forders%3Av%201/versions", request.rawPath());
      assertEquals("normalize=true", request.rawQuery());
      assertEquals("application/vnd.schemaregistry.v1+json", request.contentType());
      assertTrue(request.accept().startsWith("application/vnd.schemaregistry.v1+json"));
      assertEquals("{\"schema\":\"\\\"string\\\"\"}", request.body());
    }
  }

  @Test
  void shouldReadCompatibilityProblemsAndLists() {
    try (FakeRegistry registry =
        FakeRegistry.start(
            request ->
                switch (request.rawPath()) {
                  case "/compatibility/subjects/s/versions" ->
                      new Reply(200, "{\"is_compatible\":false,\"messages\":[\"no default\"]}");
                  case "/subjects" -> new Reply(200, "[\"a\",\"b\"]");
                  case "/subjects/s/versions" -> new Reply(200, "[1,2]");
                  default -> new Reply(200, "{\"compatibilityLevel\":\"FULL\"}");
                })) {
      final RestSchemaRegistryClient client = client(registry.url());

      assertEquals(List.of("no default"), client.compatibilityProblems("s", STRING));
      assertEquals("verbose=true", registry.requests().get(0).rawQuery());
      assertEquals(List.of("a", "b"), client.subjects());
      assertEquals(List.of(1, 2), client.versions("s"));
      assertEquals("FULL", client.getCompatibility("s"));
      assertEquals("defaultToGlobal=true", registry.requests().get(3).rawQuery());
    }
  }

  private static String basic(final String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
