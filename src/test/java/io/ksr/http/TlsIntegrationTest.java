package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.client.ClientConfig;
import io.ksr.client.RestSchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaString;
import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestCertificates;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The REST API over TLS on real sockets: trusted and untrusted clients, client certificates. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class TlsIntegrationTest {
  private static final String SUBJECT = "team/users:value";
  private static final SchemaString USER =
      SchemaString.avro(
          "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
              + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");

  private final TestCertificates certificates = TestCertificates.shared();

  @TempDir Path dataDir;

  @Test
  void shouldServeHttpsToClientsThatTrustItAndHttpBesideIt(final TestInfo test) {
    final Map<String, Object> settings = settings(test);
    settings.put(RegistryConfig.LISTENERS, "http://127.0.0.1:0,https://127.0.0.1:0");
    settings.put("ssl.keystore.location", certificates.serverJks().toString());
    settings.put("ssl.keystore.password", TestCertificates.STORE_PASSWORD);
    settings.put("ssl.key.password", TestCertificates.KEY_PASSWORD);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final int httpPort = registry.registry().ports().get(0);
      final String https = "https://127.0.0.1:" + registry.registry().ports().get(1);

      final RestClient trusting =
          new RestClient(https, TestCertificates.sslContext(null, certificates.clientTruststore()));
      assertEquals(200, trusting.get("/subjects").status());
      assertHandshakeFails(new RestClient(https, TestCertificates.sslContext(null, null)));

      try (RestSchemaRegistryClient client =
          RestSchemaRegistryClient.fromConfig(
              Map.of(
                  ClientConfig.URL,
                  https,
                  "schema.registry.ssl.truststore.location",
                  certificates.clientTruststore().toString(),
                  "schema.registry.ssl.truststore.password",
                  TestCertificates.STORE_PASSWORD,
                  "schema.registry.ssl.truststore.type",
                  "PKCS12"))) {
        final int id = client.register(SUBJECT, USER, false);
        assertEquals(USER.schema(), client.getById(id).schema());
        assertEquals(id, client.getLatest(SUBJECT).id());
      }
      // Both listeners serve the same registry.
      final RestClient plain = new RestClient("http://127.0.0.1:" + httpPort);
      assertEquals(SUBJECT, plain.get("/subjects").json().get(0).asText());
      final SchemaRegistryClientException untrusted =
          assertThrows(
              SchemaRegistryClientException.class,
              () ->
                  RestSchemaRegistryClient.fromConfig(
                          Map.of(ClientConfig.URL, https, ClientConfig.MAX_RETRIES, 0))
                      .subjects());
      assertTrue(untrusted.getMessage().contains("SSLHandshakeException"), untrusted.getMessage());
    }
  }

  @Test
  void shouldAdmitOnlyClientsWithATrustedCertificateWhenOneIsRequired(final TestInfo test) {
    final Map<String, Object> settings = settings(test);
    settings.put(RegistryConfig.LISTENERS, "https://127.0.0.1:0");
    settings.put("ssl.keystore.location", certificates.localhostOnlyP12().toString());
    settings.put("ssl.keystore.password", TestCertificates.STORE_PASSWORD);
    settings.put("ssl.keystore.type", "PKCS12");
    settings.put("ssl.truststore.location", certificates.serverTruststore().toString());
    settings.put("ssl.truststore.password", TestCertificates.STORE_PASSWORD);
    settings.put("ssl.client.authentication", "REQUIRED");
    try (TestRegistry registry = TestRegistry.start(settings)) {
      final int port = registry.registry().ports().get(0);
      final String https = "https://localhost:" + port;

      final SSLContext withCertificate =
          TestCertificates.sslContext(
              certificates.clientKeystore(), certificates.clientTruststore());
      assertEquals(200, new RestClient(https, withCertificate).get("/subjects").status());
      assertRefused(
          new RestClient(
              https, TestCertificates.sslContext(null, certificates.clientTruststore())));
      assertRefused(
          new RestClient(
              https,
              TestCertificates.sslContext(
                  certificates.strangerKeystore(), certificates.clientTruststore())));

      // The certificate names localhost only: reaching it as 127.0.0.1 needs the host check off.
      final Map<String, Object> client = new HashMap<>();
      client.put(ClientConfig.URL, "https://127.0.0.1:" + port);
      client.put(ClientConfig.MAX_RETRIES, 0);
      client.put(
          "schema.registry.ssl.truststore.location", certificates.clientTruststore().toString());
      client.put("schema.registry.ssl.truststore.password", TestCertificates.STORE_PASSWORD);
      client.put("schema.registry.ssl.truststore.type", "PKCS12");
      client.put("schema.registry.ssl.keystore.location", certificates.clientKeystore().toString());
      client.put("schema.registry.ssl.keystore.password", TestCertificates.STORE_PASSWORD);
      client.put("schema.registry.ssl.keystore.type", "PKCS12");
      assertThrows(
          SchemaRegistryClientException.class,
          () -> RestSchemaRegistryClient.fromConfig(client).subjects());
      client.put("schema.registry.ssl.endpoint.identification.algorithm", "");
      try (RestSchemaRegistryClient checked = RestSchemaRegistryClient.fromConfig(client)) {
        final int id = checked.register(SUBJECT, USER, false);
        assertEquals(USER.schema(), checked.getById(id).schema());
        assertEquals(List.of(SUBJECT), checked.subjects());
      }
    }
  }

  private Map<String, Object> settings(final TestInfo test) {
    final String name = test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    return new HashMap<>(TestRegistry.settings(name, dataDir));
  }

  private static void assertHandshakeFails(final RestClient client) {
    final UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> client.get("/subjects"));
    assertTrue(error.getCause() instanceof SSLHandshakeException, error.toString());
  }

  /**
   * Asserts the server turns the client away. With TLS 1.3 the client may learn it only after its
   * side of the handshake ended, as a closed connection rather than a handshake error.
   */
  private static void assertRefused(final RestClient client) {
    final UncheckedIOException error =
        assertThrows(UncheckedIOException.class, () -> client.get("/subjects"));
    assertTrue(error.getCause() instanceof IOException, error.toString());
  }
}
