package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.client.avro.AvroSerdeConfig;
import io.ksr.client.avro.KafkaAvroSerializer;
import io.ksr.config.AuthenticationSettings;
import io.ksr.testkit.TestIssuer;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client and the Serdes with Confluent's {@code bearer.auth.*} keys against a registry with
 * {@code authentication.method=BEARER} and an issuer the test runs, over real HTTP.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerClientIntegrationTest {
  private static final SchemaString SCHEMA =
      SchemaString.avro("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[]}");

  @TempDir static Path dir;
  @AutoClose private final TestIssuer issuer = TestIssuer.start();
  @AutoClose private TestRegistry registry;

  @BeforeAll
  void startRegistry() {
    final Map<String, Object> settings = TestRegistry.settings("bearer-client", dir);
    settings.putAll(issuer.registrySettings(Duration.ofSeconds(1)));
    settings.put(AuthenticationSettings.METHOD, "BEARER");
    registry = TestRegistry.start(settings);
  }

  @Test
  void shouldSendAStaticTokenAndFailWithoutOne() {
    final RestSchemaRegistryClient client =
        client(
            Map.of(
                BearerAuth.CREDENTIALS_SOURCE,
                "STATIC_TOKEN",
                BearerAuth.TOKEN,
                issuer.token("app", List.of())));
    final int id = client.register("static-value", SCHEMA, false);
    assertEquals(SCHEMA.schema(), client.getById(id).schema());

    final SchemaRegistryClientException refused =
        assertThrows(SchemaRegistryClientException.class, () -> client(Map.of()).getById(id));
    assertEquals(401, refused.status());
    assertEquals(401, refused.errorCode());
  }

  @Test
  void shouldGetATokenFromTheIssuerAndKeepItWhileItIsValid() {
    issuer.register("cached", "cached-secret", "cached-app", List.of());
    final int before = issuer.tokensIssued();
    final RestSchemaRegistryClient client = oauthClient("cached", "cached-secret");

    final int id = client.register("oauth-value", SCHEMA, false);
    client.getById(id);
    client.getLatest("oauth-value");

    assertEquals(before + 1, issuer.tokensIssued());
  }

  @Test
  void shouldGetANewTokenShortlyBeforeTheLastExpires() {
    issuer.register("short", "short-secret", "short-app", List.of());
    issuer.tokenLifetime(Duration.ofSeconds(2));
    try {
      final RestSchemaRegistryClient client = oauthClient("short", "short-secret");
      final int id = client.register("short-value", SCHEMA, false);
      final int first = issuer.tokensIssued();

      // Each two-second token is renewed after one second: keep asking until one was.
      Wait.until(
          "a second token",
          Duration.ofSeconds(10),
          () -> client.getById(id) != null && issuer.tokensIssued() > first);
    } finally {
      issuer.tokenLifetime(Duration.ofMinutes(5));
    }
  }

  @Test
  void shouldGetANewTokenWhenTheRegistryRefusesTheCachedOne() {
    issuer.register("stale", "stale-secret", "stale-app", List.of());
    final int before = issuer.tokensIssued();
    issuer.issueExpiredTokens(1);

    final int id = oauthClient("stale", "stale-secret").register("stale-value", SCHEMA, false);

    assertTrue(id > 0);
    assertEquals(before + 2, issuer.tokensIssued());
  }

  @Test
  void shouldSayWhyTheIssuerGaveNoToken() {
    issuer.register("wrong", "right-secret", "wrong-app", List.of());

    final SchemaRegistryClientException refused =
        assertThrows(
            SchemaRegistryClientException.class,
            () -> oauthClient("wrong", "wrong-secret").getById(1));

    assertEquals(401, refused.errorCode());
    assertTrue(
        refused.getMessage().contains("No bearer token from " + issuer.tokenUrl() + ": HTTP 401"),
        refused.getMessage());
  }

  @Test
  void shouldLetTheSerializerRegisterWithATokenFromTheIssuer() {
    issuer.register("producer", "producer-secret", "producer-app", List.of());
    final Map<String, Object> config = oauthSettings("producer", "producer-secret");
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url());
    final GenericRecord order = new GenericData.Record(new Schema.Parser().parse(SCHEMA.schema()));

    try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
      serializer.configure(config, false);
      assertEquals(0, serializer.serialize("orders", order)[0], "the magic byte");
    }

    assertEquals(1, oauthClient("producer", "producer-secret").getLatest("orders-value").version());
  }

  private RestSchemaRegistryClient oauthClient(final String clientId, final String secret) {
    return client(oauthSettings(clientId, secret));
  }

  private Map<String, Object> oauthSettings(final String clientId, final String secret) {
    final Map<String, Object> settings = new HashMap<>();
    settings.put(BearerAuth.CREDENTIALS_SOURCE, "OAUTHBEARER");
    settings.put(BearerAuth.ISSUER_ENDPOINT_URL, issuer.tokenUrl());
    settings.put(BearerAuth.CLIENT_ID, clientId);
    settings.put(BearerAuth.CLIENT_SECRET, secret);
    settings.put(BearerAuth.SCOPE, "schemas");
    return settings;
  }

  private RestSchemaRegistryClient client(final Map<String, Object> settings) {
    final Map<String, Object> config = new HashMap<>(settings);
    config.put(ClientConfig.URL, url());
    config.put(ClientConfig.MAX_RETRIES, 0);
    return RestSchemaRegistryClient.fromConfig(config);
  }

  private String url() {
    return "http://127.0.0.1:" + registry.registry().ports().get(0);
  }
}
