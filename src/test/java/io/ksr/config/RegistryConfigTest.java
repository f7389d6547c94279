package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from a file and from the Confluent image's environment variables. */
class RegistryConfigTest {
  @TempDir Path dir;

  @Test
  void shouldHaveADefaultForEveryKey() {
    final RegistryConfig config = new RegistryConfig(Map.of());

    assertEquals(List.of(new Listener(Listener.Scheme.HTTP, "0.0.0.0", 8081)), config.listeners());
    assertEquals(List.of(), config.bootstrapServers());
    assertEquals("_schemas", config.topic());
    assertEquals(3, config.topicReplicationFactor());
    assertEquals(10_000, config.timeout().toMillis());
    assertEquals("schema-registry", config.groupId());
    assertEquals(CompatibilityLevel.BACKWARD, config.compatibilityLevel());
    assertTrue(config.leaderEligibility());
    assertEquals(Path.of("./data"), config.dataDir());
    assertEquals(9092, config.embeddedKafkaPort());
    assertTrue(config.hostName().length() > 0);
  }

  @Test
  void shouldMapEnvironmentVariablesAsTheConfluentImageDoes() {
    final Map<String, String> settings =
        EnvironmentSettings.of(
            Map.of(
                "SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "broker:9092",
                "SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:9000",
                "SCHEMA_REGISTRY_KAFKASTORE_SASL_JAAS__CONFIG", "x",
                "SCHEMA_REGISTRY_KAFKASTORE_SSL_KEY___PASSWORD", "y",
                "SCHEMA_REGISTRY_HEAP_OPTS", "-Xmx1g",
                "PATH", "/usr/bin"));

    assertEquals(
        Map.of(
            "kafkastore.bootstrap.servers", "broker:9092",
            "listeners", "http://0.0.0.0:9000",
            "kafkastore.sasl.jaas_config", "x",
            "kafkastore.ssl.key-password", "y"),
        settings);
  }

  @Test
  void shouldLetTheEnvironmentWinOverTheFile() throws IOException {
    final Path file = dir.resolve("registry.properties");
    Files.writeString(
        file,
        "kafkastore.topic=_from_file\nschema.compatibility.level=full\nlisteners=http://h:1\n");

    final RegistryConfig config =
        RegistryConfig.load(file, Map.of("SCHEMA_REGISTRY_KAFKASTORE_TOPIC", "_from_env"));

    assertEquals("_from_env", config.topic());
    assertEquals(CompatibilityLevel.FULL, config.compatibilityLevel());
    assertEquals(List.of(new Listener(Listener.Scheme.HTTP, "h", 1)), config.listeners());
  }

  @Test
  void shouldPassKafkastoreClientSettingsToKafkaWithoutThePrefix() {
    final RegistryConfig config =
        new RegistryConfig(
            Map.of(
                "kafkastore.security.protocol", "SASL_SSL",
                "kafkastore.topic", "_s",
                "kafkastore.bootstrap.servers", "b:9092"));

    assertEquals(Map.of("security.protocol", "SASL_SSL"), config.kafkaClientSettings());
    final Map<String, Object> streams = new KafkaSettings(config, "b:9092").streams();
    assertEquals("SASL_SSL", streams.get("security.protocol"));
    assertEquals("exactly_once_v2", streams.get("processing.guarantee"));
  }

  @Test
  void shouldRefuseInvalidValuesAtStartUpSayingWhichKey() {
    assertInvalid(Map.of("schema.compatibility.level", "sideways"), "schema.compatibility.level");
    assertInvalid(Map.of("listeners", "ftp://h:1"), "listeners");
    assertInvalid(Map.of("listeners", "http://no-port"), "listeners");
    assertInvalid(Map.of("kafkastore.timeout.ms", "0"), "kafkastore.timeout.ms");
    assertInvalid(Map.of("embedded.kafka.port", "70000"), "embedded.kafka.port");
    assertInvalid(Map.of("leader.eligibility", "maybe"), "leader.eligibility");
    assertInvalid(
        Map.of("topic.settings.check.interval.ms", "10"), "topic.settings.check.interval.ms");
    final ConfigException missingFile =
        assertThrows(
            ConfigException.class,
            () -> RegistryConfig.load(dir.resolve("nope.properties"), Map.of()));
    assertTrue(missingFile.getMessage().contains("nope.properties"));
  }

  @Test
  void shouldNeedAUsersFileForBasicAuthentication() {
    assertInvalid(Map.of("authentication.method", "BASIC"), "authentication.users.file");
    assertInvalid(Map.of("authentication.method", "DIGEST"), "authentication.method");
    assertTrue(new RegistryConfig(Map.of()).authentication().authenticator().isEmpty());
  }

  @Test
  void shouldNeedTheIssuersKeysAndNameForBearerTokens() {
    final Map<String, String> bearer =
        Map.of(
            "authentication.method", "BEARER",
            "oauthbearer.jwks.endpoint.url", "https://idp.example/jwks",
            "oauthbearer.expected.issuer", "https://idp.example");
    final RegistryConfig config = new RegistryConfig(bearer);
    assertNull(config.authentication().authenticator().orElseThrow().usersFile());
    assertNotNull(config.authentication().authenticator().orElseThrow().bearer());

    assertInvalid(
        with(bearer, "oauthbearer.jwks.endpoint.url", ""), "oauthbearer.jwks.endpoint.url");
    assertInvalid(
        with(bearer, "oauthbearer.jwks.endpoint.url", "ftp://idp.example/jwks"),
        "oauthbearer.jwks.endpoint.url");
    assertInvalid(with(bearer, "oauthbearer.expected.issuer", " "), "oauthbearer.expected.issuer");
    assertInvalid(
        with(bearer, "oauthbearer.jwks.endpoint.refetch.interval.ms", "3600000"),
        "oauthbearer.jwks.endpoint.refetch.interval.ms");
    assertInvalid(
        with(bearer, "authentication.method", "BASIC,BEARER"), "authentication.users.file");
    for (final String method : List.of("BEARER,BEARER", "BEARER,DIGEST", "NONE,BASIC", "")) {
      assertInvalid(with(bearer, "authentication.method", method), "authentication.method");
    }
  }

  private static Map<String, String> with(
      final Map<String, String> settings, final String key, final String value) {
    final Map<String, String> changed = new HashMap<>(settings);
    changed.put(key, value);
    return changed;
  }

  @Test
  void shouldDocumentEveryKeyWithItsDefaultInTheReadme() throws IOException {
    final String readme = Files.readString(Path.of("README.md"));
    for (final ConfigDef.ConfigKey key : RegistryConfig.DEFINITION.configKeys().values()) {
      final String row = "| `" + key.name + "` | ";
      assertTrue(readme.contains(row), "README.md lacks a row for " + key.name);
      final Object value = key.defaultValue;
      // A password's default prints as [hidden]; the README shows none.
      final String shown =
          value instanceof Password
              ? ""
              : value instanceof List<?> list
                  ? String.join(",", list.stream().map(String::valueOf).toList())
                  : String.valueOf(value);
      if (!shown.isEmpty()) {
        assertTrue(
            readme.contains(row + "`" + shown + "`"),
            "README.md shows another default for " + key.name + " than " + shown);
      }
    }
  }

  private static void assertInvalid(final Map<String, String> settings, final String key) {
    final ConfigException error =
        assertThrows(ConfigException.class, () -> new RegistryConfig(settings));
    assertTrue(error.getMessage().contains(key), error.getMessage());
  }
}
