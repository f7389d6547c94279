package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client the registry creates, including those Kafka Streams creates inside, gets the
 * user's {@code kafkastore.*} security settings.
 */
class KafkaSettingsTest {
  private static final Map<String, String> SECURITY =
      Map.of(
          "security.protocol", "SASL_SSL",
          "sasl.mechanism", "SCRAM-SHA-512",
          "sasl.jaas.config",
              "org.apache.kafka.common.security.scram.ScramLoginModule required"
                  + " username=\"registry\" password=\"s3cret\";",
          "ssl.truststore.location", "/etc/ksr/truststore.p12",
          "ssl.truststore.password", "trust-s3cret",
          "ssl.endpoint.identification.algorithm", "https");

  private final KafkaSettings settings =
      new KafkaSettings(new RegistryConfig(prefixed(SECURITY)), "broker:9093");

  @Test
  void shouldGiveTheSecuritySettingsToTheRegistrysOwnClients() {
    assertCarriesSecurity("command producer", settings.producer());
    assertCarriesSecurity("reply consumer", settings.replyConsumer());
    assertCarriesSecurity("admin", settings.admin());
    assertCarriesSecurity("Kafka Streams", settings.streams());
  }

  @Test
  void shouldGiveTheSecuritySettingsToTheClientsInsideKafkaStreams() {
    final StreamsConfig streams = new StreamsConfig(settings.streams());

    assertCarriesSecurity("Streams producer", streams.getProducerConfigs("p"));
    assertCarriesSecurity(
        "Streams main consumer", streams.getMainConsumerConfigs("registry", "c", 0));
    assertCarriesSecurity("Streams restore consumer", streams.getRestoreConsumerConfigs("r"));
    assertCarriesSecurity("Streams global consumer", streams.getGlobalConsumerConfigs("g"));
    assertCarriesSecurity("Streams admin", streams.getAdminConfigs("a"));
  }

  @Test
  void shouldTakeTheSecuritySettingsFromEnvironmentVariablesAsTheReadmeShows() {
    final Map<String, String> env = new LinkedHashMap<>();
    env.put("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "broker:9093");
    SECURITY.forEach(
        (key, value) ->
            env.put(
                "SCHEMA_REGISTRY_KAFKASTORE_" + key.toUpperCase(Locale.ROOT).replace('.', '_'),
                value));

    final RegistryConfig config = RegistryConfig.load(null, env);

    assertCarriesSecurity("admin", new KafkaSettings(config, "broker:9093").admin());
  }

  @Test
  void shouldLetTheRegistrysOwnKafkastoreKeysNotReachTheClients() {
    final Map<String, Object> admin = settings.admin();

    assertEquals("broker:9093", admin.get("bootstrap.servers"));
    assertEquals(null, admin.get("topic"));
    assertEquals(null, admin.get("timeout.ms"));
  }

  private static void assertCarriesSecurity(final String client, final Map<String, Object> actual) {
    SECURITY.forEach(
        (key, value) ->
            assertEquals(value, String.valueOf(actual.get(key)), client + " lacks " + key));
    assertEquals("broker:9093", actual.get("bootstrap.servers"), client);
  }

  private static Map<String, Object> prefixed(final Map<String, String> clientSettings) {
    final Map<String, Object> settings = new LinkedHashMap<>();
    clientSettings.forEach(
        (key, value) -> settings.put(RegistryConfig.KAFKASTORE_PREFIX + key, value));
    settings.put(RegistryConfig.BOOTSTRAP_SERVERS, "broker:9093");
    settings.put(RegistryConfig.TOPIC, "_schemas");
    settings.put(RegistryConfig.TIMEOUT_MS, "5000");
    return settings;
  }
}
