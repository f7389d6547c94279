package io.ksr.client;

import static io.ksr.client.RestSchemaRegistryClientTest.STRING;
import static io.ksr.client.RestSchemaRegistryClientTest.client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ksr.client.FakeRegistry.Reply;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The caching client over a REST client and a fake registry, counting the HTTP calls made. */
class CachedSchemaRegistryClientTest {
  private static final String VERSION =
      "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}";

  private final FakeRegistry registry =
      FakeRegistry.start(
          request -> {
            final String path = request.rawPath();
            if (path.equals("/schemas/ids/404")) {
              return new Reply(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
            }
            if (path.startsWith("/schemas/ids/")) {
              return new Reply(200, RestSchemaRegistryClientTest.ID_1);
            }
            if (path.equals("/subjects/s/versions") && request.method().equals("POST")) {
              return new Reply(200, "{\"id\":1}");
            }
            return new Reply(200, VERSION);
          });
  private final RestSchemaRegistryClient rest = client(registry.url());

  @AfterEach
  void stop() {
    registry.close();
  }

  @Test
  void shouldAnswerARepeatedGetByIdWithoutHttp() {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 10);

    assertEquals(STRING, cached.getById(1));
    final long sent = rest.requestsSent();
    assertEquals(STRING, cached.getById(1));

    assertEquals(sent, rest.requestsSent());
  }

  @Test
  void shouldEvictTheLeastRecentlyUsedEntry() {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 2);
    cached.getById(1);
    cached.getById(2);
    cached.getById(1);
    cached.getById(3);
    final long sent = rest.requestsSent();

    cached.getById(1);
    cached.getById(3);
    assertEquals(sent, rest.requestsSent());
    cached.getById(2);
    assertEquals(sent + 1, rest.requestsSent());
  }

  @Test
  void shouldCacheRegistrationsAndLookupsPerNormalizeFlag() {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 10);

    assertEquals(1, cached.register("s", STRING, false));
    assertEquals(1, cached.register("s", STRING, false));
    assertEquals(1, rest.requestsSent());
    assertEquals(1, cached.register("s", STRING, true));
    assertEquals(2, rest.requestsSent());

    assertEquals(1, cached.lookup("s", STRING, false).version());
    assertEquals(1, cached.lookup("s", STRING, false).version());
    assertEquals(3, rest.requestsSent());
  }

  @Test
  void shouldCacheFixedVersionsButAlwaysAskForTheLatest() {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 10);

    cached.getVersion("s", 1);
    cached.getVersion("s", 1);
    assertEquals(1, rest.requestsSent());

    cached.getLatest("s");
    cached.getLatest("s");
    cached.getVersion("s", -1);
    assertEquals(4, rest.requestsSent());
  }

  @Test
  void shouldStayConsistentUnderConcurrentUse() throws Exception {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 5);
    final ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      final List<Future<?>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int offset = t;
        results.add(
            threads.submit(
                () -> {
                  for (int i = 0; i < 30; i++) {
                    assertEquals(STRING, cached.getById(1 + (i * 7 + offset) % 10));
                  }
                }));
      }
      for (final Future<?> result : results) {
        result.get(30, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void shouldNotCacheErrors() {
    final CachedSchemaRegistryClient cached = new CachedSchemaRegistryClient(rest, 10);

    assertThrows(SchemaRegistryClientException.class, () -> cached.getById(404));
    assertThrows(SchemaRegistryClientException.class, () -> cached.getById(404));

    assertEquals(2, rest.requestsSent());
  }

  @Test
  void shouldBuildFromConfig() {
    try (CachedSchemaRegistryClient cached =
        CachedSchemaRegistryClient.fromConfig(
            Map.of(ClientConfig.URL, registry.url(), ClientConfig.MAX_SCHEMAS_PER_SUBJECT, 1))) {
      cached.getById(1);
      cached.getById(2);
      cached.getById(1);

      assertEquals(3, ((RestSchemaRegistryClient) cached.delegate()).requestsSent());
    }
  }
}
