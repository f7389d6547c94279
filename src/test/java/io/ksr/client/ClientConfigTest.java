package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
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
}
