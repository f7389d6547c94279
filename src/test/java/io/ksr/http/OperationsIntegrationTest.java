package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.AuthenticationSettings;
import io.ksr.config.OperationsSettings;
import io.ksr.config.RegistryConfig;
import io.ksr.security.PasswordHash;
import io.ksr.testkit.RegistryProcess;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Health checks, metrics and request logs, as a load balancer and Prometheus see them. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class OperationsIntegrationTest {
  private static final String RECORD =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String INCOMPATIBLE =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"b\",\"type\":\"string\"}]}";

  @TempDir Path dir;

  @Test
  void shouldSayItIsLiveAndReady() {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings("health", dir))) {
      final Response live = registry.client().get("/health/live");
      assertEquals(200, live.status());
      assertEquals("{\"status\":\"UP\"}", live.body());
      final Response ready = registry.client().get("/health/ready");
      assertEquals(200, ready.status());
      assertEquals("{\"status\":\"UP\"}", ready.body());
    }
  }

  @Test
  void shouldGzipLargeAnswersForClientsThatAcceptIt() {
    final String longDoc = "d".repeat(4000);
    final String documented =
        "{\"type\":\"record\",\"name\":\"Documented\",\"doc\":\""
            + longDoc
            + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings("gzip", dir))) {
      final RestClient client = registry.client();
      final int id =
          client
              .post("/subjects/s/versions", RestClient.schemaBody(documented))
              .json()
              .get("id")
              .asInt();

      final Response zipped =
          client.request("GET", "/schemas/ids/" + id, null, "Accept-Encoding", "gzip");
      assertEquals(200, zipped.status());
      assertEquals("gzip", zipped.headers().firstValue("Content-Encoding").orElse(""));
      assertFalse(zipped.body().contains(longDoc), "the body is compressed");

      final Response plain = client.get("/schemas/ids/" + id);
      assertTrue(plain.headers().firstValue("Content-Encoding").isEmpty());
      assertTrue(plain.body().contains(longDoc));

      final Response small = client.request("GET", "/health/live", null, "Accept-Encoding", "gzip");
      assertTrue(small.headers().firstValue("Content-Encoding").isEmpty(), "too small to gain");
    }
  }

  @Test
  void shouldCountRequestsRegistrationsAndRejections() {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings("metrics", dir))) {
      final RestClient client = registry.client();
      assertEquals(
          200, client.post("/subjects/s/versions", RestClient.schemaBody(RECORD)).status());
      assertEquals(
          409, client.post("/subjects/s/versions", RestClient.schemaBody(INCOMPATIBLE)).status());
      assertEquals(200, client.get("/subjects/s/versions/1").status());
      Wait.until(
          "the writer to be this instance",
          Duration.ofSeconds(30),
          () -> client.get("/metrics").body().contains("ksr_writer 1.0"));

      final Response metrics = client.get("/metrics");
      assertEquals(200, metrics.status());
      assertTrue(metrics.contentType().startsWith("text/plain; version=0.0.4"));
      final String text = metrics.body();
      assertTrue(text.contains("ksr_registrations_total 1.0"), text);
      assertTrue(text.contains("ksr_compatibility_rejections_total 1.0"), text);
      assertTrue(
          text.contains(
              "http_server_requests_seconds_count{method=\"GET\","
                  + "route=\"/subjects/{subject}/versions/{version}\",status=\"200\"} 1"),
          text);
      assertTrue(text.contains("http_server_requests_seconds_bucket{"), "latency histograms");
      for (final String name :
          new String[] {
            "ksr_store_lag_records ",
            "ksr_commands_pending ",
            "ksr_poison_records_skipped_total ",
            "kafka_stream_",
            "jvm_memory_used_bytes"
          }) {
        assertTrue(text.contains(name), name + " is missing");
      }
    }
  }

  @Test
  void shouldTurnNotReadyWhileKafkaIsUnreachableAndStayLive() throws Exception {
    try (KafkaClusterTestKit cluster = TestClusters.start(1)) {
      final Map<String, Object> settings =
          TestRegistry.settings("readiness", dir, cluster.bootstrapServers());
      settings.put(OperationsSettings.READY_TIMEOUT_MS, 1_000);
      try (TestRegistry registry = TestRegistry.start(settings)) {
        final RestClient client = registry.client();
        assertEquals(200, client.get("/health/ready").status());

        cluster.brokers().values().forEach(broker -> broker.shutdown());

        Wait.until(
            "readiness to turn false",
            Duration.ofSeconds(30),
            () -> client.get("/health/ready").status() == 503);
        final Response notReady = client.get("/health/ready");
        assertTrue(
            notReady.body().startsWith("{\"status\":\"DOWN\",\"reason\":\"Kafka has not answered"),
            notReady.body());
        assertEquals(200, client.get("/health/live").status());
      }
    }
  }

  @Test
  void shouldLogEachRequestAndTheSettingsWithoutSecrets() throws Exception {
    final Path users = dir.resolve("users");
    Files.writeString(users, "alice: " + PasswordHash.hash("pw".toCharArray(), 1_000) + ", ops\n");
    final Map<String, Object> settings = TestRegistry.settings("request-log", dir);
    settings.put(AuthenticationSettings.METHOD, "BASIC");
    settings.put(AuthenticationSettings.USERS_FILE, users.toString());
    // The test kit knows an instance has started when / answers.
    settings.put(AuthenticationSettings.SKIP_PATHS, "/");
    settings.put(OperationsSettings.REQUEST_LOG_LEVEL, "INFO");
    settings.put(RegistryConfig.KAFKASTORE_PREFIX + "ssl.truststore.password", "kafka-secret");
    try (RegistryProcess registry =
        RegistryProcess.start("request-log", dir.resolve("process"), settings)) {
      final RestClient client = registry.client();
      assertEquals(200, client.get("/health/ready").status(), "probes need no credentials");
      assertEquals(401, client.get("/metrics").status());
      final int before = registry.logLineCount();
      assertEquals(
          200,
          client
              .request("GET", "/subjects", null, "Authorization", "Basic " + base64("alice:pw"))
              .status());

      Wait.until(
          "the request's log line",
          Duration.ofSeconds(10),
          () -> registry.logSince(before).contains("GET /subjects 200 "));
      assertTrue(registry.logSince(before).contains(" ms user=alice"), registry.logSince(before));
      final String log = registry.logSince(0);
      assertTrue(log.contains("Starting with this configuration:"), log);
      assertTrue(log.contains("kafkastore.ssl.truststore.password = [hidden]"), log);
      assertTrue(log.contains("authentication.method = BASIC"), log);
      assertFalse(log.contains("kafka-secret"), "a credential reached the log");
    }
  }

  private static String base64(final String text) {
    return java.util.Base64.getEncoder().encodeToString(text.getBytes());
  }
}
