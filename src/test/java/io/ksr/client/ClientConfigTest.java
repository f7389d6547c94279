package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class ClientConfigTest {
  @Test
  void shouldUseConfluentsDefaults() {
    final ClientConfig config =
        new ClientConfig(Map.of(ClientConfig.URL, "http://a:8081/, http://b:8081"));

    assertEquals(List.of(URI.create("http://a:8081"), URI.create("http://b:8081")), config.urls());
    assertEquals(3, config.maxRetries());
    assertEquals(Duration.ofSeconds(1), config.retriesWait());
    assertEquals(Duration.ofSeconds(20), config.retriesMaxWait());
    assertEquals(Duration.ofSeconds(60), config.connectTimeout());
    assertEquals(Duration.ofSeconds(60), config.readTimeout());
    assertEquals(ClientConfig.CredentialsSource.URL, config.credentialsSource());
    assertEquals(1000, config.maxSchemasPerSubject());
  }

  @Test
  void shouldRefuseInvalidSettings() {
    assertThrows(ConfigException.class, () -> new ClientConfig(Map.of()));
    assertThrows(ConfigException.class, () -> new ClientConfig(Map.of(ClientConfig.URL, " ")));
    assertThrows(
        ConfigException.class, () -> new ClientConfig(Map.of(ClientConfig.URL, "ftp://a:21")));
    assertThrows(
        ConfigException.class,
        () ->
            new ClientConfig(
                Map.of(
                    ClientConfig.URL,
                    "http://a:8081",
                    ClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                    "USER_INFO")));
    assertThrows(
        ConfigException.class,
        () ->
            new ClientConfig(
                Map.of(
                    ClientConfig.URL,
                    "http://a:8081",
                    ClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                    "SASL_INHERIT")));
    assertThrows(
        ConfigException.class,
        () -> new ClientConfig(Map.of(ClientConfig.URL, "http://a", ClientConfig.MAX_RETRIES, -1)));
  }

  @Test
  void shouldNeedWhatTheBearerTokenSourceUses() {
    final Map<String, String> oauth =
        Map.of(
            ClientConfig.URL, "http://a:8081",
            BearerAuth.CREDENTIALS_SOURCE, "OAUTHBEARER",
            BearerAuth.ISSUER_ENDPOINT_URL, "https://idp.example/token",
            BearerAuth.CLIENT_ID, "app",
            BearerAuth.CLIENT_SECRET, "app-secret");
    new ClientConfig(oauth);

    assertInvalid(with(oauth, BearerAuth.ISSUER_ENDPOINT_URL, ""), BearerAuth.ISSUER_ENDPOINT_URL);
    assertInvalid(
        with(oauth, BearerAuth.ISSUER_ENDPOINT_URL, "file:/etc/passwd"),
        BearerAuth.ISSUER_ENDPOINT_URL);
    assertInvalid(with(oauth, BearerAuth.CLIENT_ID, ""), BearerAuth.CLIENT_ID);
    assertInvalid(with(oauth, BearerAuth.CLIENT_SECRET, ""), BearerAuth.CLIENT_SECRET);
    assertInvalid(with(oauth, BearerAuth.CREDENTIALS_SOURCE, "STATIC_TOKEN"), BearerAuth.TOKEN);
    assertInvalid(
        with(oauth, BearerAuth.CREDENTIALS_SOURCE, "SASL_OAUTHBEARER_INHERIT"),
        BearerAuth.CREDENTIALS_SOURCE);
    assertInvalid(
        with(oauth, ClientConfig.URL, "http://alice:pw@a:8081"), BearerAuth.CREDENTIALS_SOURCE);
  }

  private static Map<String, String> with(
      final Map<String, String> settings, final String key, final String value) {
    final Map<String, String> changed = new HashMap<>(settings);
    changed.put(key, value);
    return changed;
  }

  private static void assertInvalid(final Map<String, String> settings, final String key) {
    final ConfigException error =
        assertThrows(ConfigException.class, () -> new ClientConfig(settings));
    assertTrue(error.getMessage().contains(key), error.getMessage());
    assertFalse(error.getMessage().contains("app-secret"), error.getMessage());
  }
}
