package io.ksr.http;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once an IMPORT has taken the highest id there is, over real HTTP on a real broker: a new schema
 * is refused at once with an error that says why, and every other write still goes through.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class ExhaustedIdsIntegrationTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void shouldRefuseANewSchemaOnceTheContextHasNoIdsLeftAndKeepTakingOtherWrites() {
    final Map<String, Object> settings = TestRegistry.settings("exhausted-ids", dataDir);
    // A writer that stopped handling commands would answer 50002 after this long.
    settings.put(RegistryConfig.TIMEOUT_MS, 5_000);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final RestClient rest = registry.client();
      assertEquals(200, rest.put("/mode/imported", "{\"mode\":\"IMPORT\"}").status());
      assertEquals(
          "{\"id\":2147483647}",
          rest.post(
                  "/subjects/imported/versions",
                  "{\"schema\":\"\\\"string\\\"\",\"id\":2147483647,\"version\":1}")
              .body());
      assertEquals(200, rest.put("/mode/imported", "{\"mode\":\"READWRITE\"}").status());

      final Response fresh = rest.post("/subjects/fresh/versions", schemaBody("\"int\""));

      assertEquals(422, fresh.status(), fresh.body());
      assertEquals(42205, fresh.errorCode(), fresh.body());
      assertTrue(fresh.body().contains("no schema ids left"), fresh.body());
      final Response elsewhere =
          rest.post("/subjects/:.elsewhere:fresh/versions", schemaBody("\"int\""));
      assertEquals("{\"id\":1}", elsewhere.body(), "another context has ids of its own");
      final Response config = rest.put("/config", "{\"compatibility\":\"NONE\"}");
      assertEquals(200, config.status(), config.body());
      for (final SchemasLog.Entry entry :
          SchemasLog.read(
              TestKafka.bootstrapServers(), (String) settings.get(RegistryConfig.TOPIC))) {
        if (entry.key().contains("\"keytype\":\"SCHEMA\"") && entry.value() != null) {
          final JsonNode value = json(entry.value());
          assertTrue(value.get("id").asInt() >= 0, entry.value());
          assertTrue(value.get("version").asInt() >= 1, entry.value());
        }
      }
    }
  }

  private static JsonNode json(final String text) {
    try {
      return JSON.readTree(text);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
