package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.TestCertificates;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The client's {@code schema.registry.ssl.*} keys, checked when the client is configured. */
class ClientTlsTest {
  private static final String WRONG_PASSWORD = "not-the-password-42";

  private final TestCertificates certificates = TestCertificates.shared();

  @Test
  void shouldUseTheJdksDefaultWhenNoTlsKeyIsSet() {
    assertTrue(new ClientConfig(Map.of(ClientConfig.URL, "https://r:8443")).sslContext().isEmpty());
    assertTrue(new ClientConfig(withStores()).sslContext().isPresent());
  }

  @Test
  void shouldNameTheStoreAndNotThePasswordWhenAStoreCannotBeOpened() {
    final Map<String, Object> truststore = withStores();
    truststore.put("schema.registry.ssl.truststore.password", WRONG_PASSWORD);
    assertRefused(truststore, "schema.registry.ssl.truststore.location");

    final Map<String, Object> keystore = withStores();
    keystore.put("schema.registry.ssl.keystore.password", WRONG_PASSWORD);
    assertRefused(keystore, "schema.registry.ssl.keystore.location");

    final Map<String, Object> key = withStores();
    key.put("schema.registry.ssl.key.password", WRONG_PASSWORD);
    assertRefused(key, "schema.registry.ssl.key.password");

    final Map<String, Object> missing = withStores();
    missing.put("schema.registry.ssl.truststore.location", "/no/such/truststore.p12");
    assertRefused(missing, "schema.registry.ssl.truststore.location");

    final Map<String, Object> algorithm = withStores();
    algorithm.put("schema.registry.ssl.endpoint.identification.algorithm", "ldaps");
    assertRefused(algorithm, "schema.registry.ssl.endpoint.identification.algorithm");
  }

  @Test
  void shouldHidePasswordsWhenTheConfigurationIsPrinted() {
    final String printed = new ClientConfig(withStores()).values().toString();

    assertFalse(printed.contains(TestCertificates.STORE_PASSWORD), printed);
    assertTrue(printed.contains("schema.registry.ssl.keystore.password=[hidden]"), printed);
  }

  private Map<String, Object> withStores() {
    final Map<String, Object> settings = new HashMap<>();
    settings.put(ClientConfig.URL, "https://localhost:8443");
    settings.put(
        "schema.registry.ssl.truststore.location", certificates.clientTruststore().toString());
    settings.put("schema.registry.ssl.truststore.password", TestCertificates.STORE_PASSWORD);
    settings.put("schema.registry.ssl.truststore.type", "PKCS12");
    settings.put("schema.registry.ssl.keystore.location", certificates.clientKeystore().toString());
    settings.put("schema.registry.ssl.keystore.password", TestCertificates.STORE_PASSWORD);
    settings.put("schema.registry.ssl.keystore.type", "pkcs12");
    return settings;
  }

  private static void assertRefused(final Map<String, Object> settings, final String key) {
    final ConfigException error =
        assertThrows(ConfigException.class, () -> new ClientConfig(settings));
    assertTrue(error.getMessage().contains(key), error.getMessage());
    assertFalse(error.getMessage().contains(WRONG_PASSWORD), error.getMessage());
    assertFalse(error.getMessage().contains(TestCertificates.STORE_PASSWORD), error.getMessage());
  }
}
