package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.TlsSettings.ClientAuthentication;
import io.ksr.testkit.TestCertificates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The https listeners' settings: checked, and their stores opened, when the config is read. */
class TlsConfigTest {
  private static final String WRONG_PASSWORD = "not-the-password-42";

  private final TestCertificates certificates = TestCertificates.shared();

  @Test
  void shouldOpenTheStoresOnlyWhenAListenerIsHttps() {
    assertTrue(new RegistryConfig(Map.of()).tls().isEmpty());
    final Map<String, String> noKeystore = Map.of("listeners", "http://h:1,https://h:2");
    final ConfigException missing =
        assertThrows(ConfigException.class, () -> new RegistryConfig(noKeystore));
    assertTrue(missing.getMessage().contains("ssl.keystore.location"), missing.getMessage());
    assertTrue(missing.getMessage().contains("listeners"), missing.getMessage());

    final TlsSettings tls = new RegistryConfig(https()).tls().orElseThrow();
    assertEquals(ClientAuthentication.NONE, tls.clientAuthentication());
    assertEquals(List.of(), tls.enabledProtocols());
    assertEquals("", tls.endpointIdentificationAlgorithm());
  }

  @Test
  void shouldReadEveryTlsSetting() {
    final Map<String, String> settings = https();
    settings.put("ssl.truststore.location", certificates.serverTruststore().toString());
    settings.put("ssl.truststore.password", TestCertificates.STORE_PASSWORD);
    settings.put("ssl.client.authentication", "requested");
    settings.put("ssl.enabled.protocols", "TLSv1.3, TLSv1.2");
    settings.put("ssl.cipher.suites", "TLS_AES_128_GCM_SHA256");
    settings.put("ssl.protocol", "TLSv1.3");
    settings.put("ssl.endpoint.identification.algorithm", "HTTPS");

    final TlsSettings tls = new RegistryConfig(settings).tls().orElseThrow();

    assertEquals(ClientAuthentication.REQUESTED, tls.clientAuthentication());
    assertEquals(List.of("TLSv1.3", "TLSv1.2"), tls.enabledProtocols());
    assertEquals(List.of("TLS_AES_128_GCM_SHA256"), tls.cipherSuites());
    assertEquals("TLSv1.3", tls.sslContext().getProtocol());
    assertEquals("HTTPS", tls.endpointIdentificationAlgorithm());
  }

  @Test
  void shouldOpenAPkcs12Keystore() {
    final Map<String, String> settings = https();
    settings.put("ssl.keystore.location", certificates.localhostOnlyP12().toString());
    settings.remove("ssl.key.password");
    settings.put("ssl.keystore.type", "PKCS12");

    assertTrue(new RegistryConfig(settings).tls().isPresent());
  }

  @Test
  void shouldTakeTheOlderClientAuthKeyWhenTheNewerIsNotSet() {
    final Map<String, String> settings = https();
    settings.put("ssl.client.auth", "true");
    assertEquals(ClientAuthentication.REQUIRED, clientAuthentication(settings));
    settings.put("ssl.client.authentication", "NONE");
    assertEquals(ClientAuthentication.NONE, clientAuthentication(settings));
  }

  @Test
  void shouldNameTheStoreAndNotThePasswordWhenAStoreCannotBeOpened() {
    final Map<String, String> wrongStorePassword = https();
    wrongStorePassword.put("ssl.keystore.password", WRONG_PASSWORD);
    assertRefused(wrongStorePassword, "ssl.keystore.location");

    final Map<String, String> wrongKeyPassword = https();
    wrongKeyPassword.put("ssl.key.password", WRONG_PASSWORD);
    assertRefused(wrongKeyPassword, "ssl.key.password");

    final Map<String, String> noFile = https();
    noFile.put("ssl.keystore.location", "/no/such/keystore.jks");
    assertTrue(assertRefused(noFile, "ssl.keystore.location").contains("no such file"));

    final Map<String, String> wrongTruststorePassword = https();
    wrongTruststorePassword.put(
        "ssl.truststore.location", certificates.serverTruststore().toString());
    wrongTruststorePassword.put("ssl.truststore.password", WRONG_PASSWORD);
    assertRefused(wrongTruststorePassword, "ssl.truststore.location");

    final Map<String, String> onlyCertificates = https();
    onlyCertificates.put("ssl.keystore.location", certificates.serverTruststore().toString());
    onlyCertificates.remove("ssl.key.password");
    assertTrue(assertRefused(onlyCertificates, "ssl.keystore.location").contains("no private key"));
  }

  @Test
  void shouldRefuseUnknownValuesSayingWhichKey() {
    for (final String[] invalid :
        new String[][] {
          {"ssl.client.authentication", "sometimes"},
          {"ssl.keystore.type", "NOPE"},
          {"ssl.truststore.type", "NOPE"},
          {"ssl.enabled.protocols", "TLSv9"},
          {"ssl.cipher.suites", "TLS_NO_SUCH_SUITE"},
          {"ssl.protocol", "NOPE"},
          {"ssl.endpoint.identification.algorithm", "nope"},
          {"ssl.client.auth", "maybe"}
        }) {
      final Map<String, String> settings = https();
      settings.put(invalid[0], invalid[1]);
      assertRefused(settings, invalid[0]);
    }
  }

  @Test
  void shouldHidePasswordsWhenTheConfigurationIsPrinted() {
    final RegistryConfig config = new RegistryConfig(https());
    final String printed = config.values() + " " + config.tls().orElseThrow();

    assertFalse(printed.contains(TestCertificates.STORE_PASSWORD), printed);
    assertFalse(printed.contains(TestCertificates.KEY_PASSWORD), printed);
    assertTrue(printed.contains("ssl.keystore.password=[hidden]"), printed);
  }

  /**
   * Settings for an https listener with the JKS server keystore, the key under its own password.
   */
  private Map<String, String> https() {
    final Map<String, String> settings = new HashMap<>();
    settings.put("listeners", "https://127.0.0.1:0");
    settings.put("ssl.keystore.location", certificates.serverJks().toString());
    settings.put("ssl.keystore.password", TestCertificates.STORE_PASSWORD);
    settings.put("ssl.key.password", TestCertificates.KEY_PASSWORD);
    return settings;
  }

  private static ClientAuthentication clientAuthentication(final Map<String, String> settings) {
    return new RegistryConfig(settings).tls().orElseThrow().clientAuthentication();
  }

  /** Asserts the settings are refused naming the key, and returns the message. */
  private static String assertRefused(final Map<String, String> settings, final String key) {
    final ConfigException error =
        assertThrows(ConfigException.class, () -> new RegistryConfig(settings));
    final String message = error.getMessage();
    assertTrue(message.contains(key), message);
    assertFalse(message.contains(WRONG_PASSWORD), message);
    assertFalse(message.contains(TestCertificates.STORE_PASSWORD), message);
    assertFalse(message.contains(TestCertificates.KEY_PASSWORD), message);
    return message;
  }
}
