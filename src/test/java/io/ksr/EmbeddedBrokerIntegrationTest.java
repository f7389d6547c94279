package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-command start: no Kafka configured, so the registry runs its own broker. */
@Tag("integration")
class EmbeddedBrokerIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldStartItsOwnBrokerAndKeepSchemasAcrossRestarts() {
    final Map<String, Object> settings =
        Map.of(
            RegistryConfig.DATA_DIR,
            dataDir.toString(),
            RegistryConfig.LISTENERS,
            "http://127.0.0.1:0",
            RegistryConfig.EMBEDDED_KAFKA_PORT,
            0);

    try (Registry registry = Registry.start(new RegistryConfig(settings))) {
      final RestClient rest = rest(registry);
      assertEquals(
          "{\"id\":1}",
          rest.post("/subjects/t-value/versions", schemaBody("{\"type\":\"string\"}")).body());
      assertTrue(registry.bootstrapServers().startsWith("127.0.0.1:"));
    }
    assertTrue(Files.exists(dataDir.resolve("kafka/meta.properties")));
    assertTrue(Files.isDirectory(dataDir.resolve("streams")));

    try (Registry registry = Registry.start(new RegistryConfig(settings))) {
      final RestClient rest = rest(registry);
      assertEquals("[\"t-value\"]", rest.get("/subjects").body());
      assertEquals("{\"schema\":\"\\\"string\\\"\"}", rest.get("/schemas/ids/1").body());
      assertEquals(
          "{\"id\":2}", rest.post("/subjects/u-value/versions", schemaBody("\"int\"")).body());
    }
  }

  private static RestClient rest(final Registry registry) {
    return new RestClient("http://127.0.0.1:" + registry.ports().get(0));
  }
}
