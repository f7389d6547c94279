package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Kafka client settings that exactly-once writes, fencing, committed reads and durable writes
 * rest on cannot be changed through {@code kafkastore.*}; the settings users tune still pass.
 */
class ProtectedSettingsTest {
  private static final String STRING_SERIALIZER =
      "org.apache.kafka.common.serialization.StringSerializer";
  private static final String STRING_DESERIALIZER =
      "org.apache.kafka.common.serialization.StringDeserializer";
  private static final String CONTINUE_ON_PRODUCTION_ERRORS =
      "org.apache.kafka.streams.errors.AlwaysContinueProductionExceptionHandler";

  @ParameterizedTest
  @CsvSource({
    "kafkastore.processing.guarantee, at_least_once",
    "kafkastore.isolation.level, read_uncommitted",
    "kafkastore.consumer.isolation.level, read_uncommitted",
    "kafkastore.main.consumer.isolation.level, read_uncommitted",
    "kafkastore.global.consumer.isolation.level, read_uncommitted",
    "kafkastore.restore.consumer.isolation.level, read_uncommitted",
    "kafkastore.acks, 1",
    "kafkastore.producer.acks, 0",
    "kafkastore.enable.idempotence, false",
    "kafkastore.producer.enable.idempotence, false",
    "kafkastore.transactional.id, mine",
    "kafkastore.producer.transactional.id, mine",
    "kafkastore.enable.auto.commit, true",
    "kafkastore.application.id, another-registry",
    "kafkastore.client.id, quota-name",
    "kafkastore.main.consumer.client.id, quota-name",
    "kafkastore.num.stream.threads, 2",
    "kafkastore.state.dir, /tmp/elsewhere",
    "kafkastore.global.consumer.bootstrap.servers, other-cluster:9092",
    "kafkastore.key.serializer, " + STRING_SERIALIZER,
    "kafkastore.value.deserializer, " + STRING_DESERIALIZER,
    "kafkastore.production.exception.handler, " + CONTINUE_ON_PRODUCTION_ERRORS,
    "kafkastore.processing.exception.handler,"
        + " org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler",
  })
  void shouldRefuseToStartWhenASettingTheGuaranteesRestOnIsChanged(
      final String key, final String value) {
    final ConfigException error =
        assertThrows(ConfigException.class, () -> new RegistryConfig(Map.of(key, value)));

    assertTrue(error.getMessage().contains(key), error.getMessage());
  }

  @Test
  void shouldRefuseAProtectedSettingFromAnEnvironmentVariable() {
    final ConfigException error =
        assertThrows(
            ConfigException.class,
            () -> RegistryConfig.load(null, Map.of("SCHEMA_REGISTRY_KAFKASTORE_ACKS", "1")));

    assertTrue(error.getMessage().contains("kafkastore.acks"), error.getMessage());
  }

  @Test
  void shouldAcceptTheRegistrysOwnValueAndStillUseItsOwnSpelling() {
    final Map<String, Object> settings =
        Map.of(
            "kafkastore.acks", "-1",
            "kafkastore.enable.idempotence", "TRUE",
            "kafkastore.isolation.level", "read_committed",
            "kafkastore.main.consumer.isolation.level", "read_committed",
            "kafkastore.processing.guarantee", "exactly_once_v2",
            "kafkastore.enable.auto.commit", "false");

    final KafkaSettings kafka = new KafkaSettings(new RegistryConfig(settings), "broker:9092");

    assertEquals("all", kafka.producer().get("acks"));
    assertEquals(true, kafka.producer().get("enable.idempotence"));
    assertEquals(false, kafka.replyConsumer().get("enable.auto.commit"));
    assertNull(kafka.streams().get("main.consumer.isolation.level"));
    assertNull(kafka.admin().get("acks"));
  }

  @Test
  void shouldGiveEveryClientTheRegistrysValuesForTheProtectedSettings() {
    final RegistryConfig config =
        new RegistryConfig(
            Map.of(
                RegistryConfig.GROUP_ID, "orders-registry",
                RegistryConfig.HOST_NAME, "node-7",
                RegistryConfig.DATA_DIR, "/var/lib/ksr"));
    final KafkaSettings kafka = new KafkaSettings(config, "broker:9092");
    final StreamsConfig streams = new StreamsConfig(kafka.streams());

    assertEquals("exactly_once_v2", streams.getString(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    assertEquals("orders-registry", streams.getString(StreamsConfig.APPLICATION_ID_CONFIG));
    assertEquals("node-7:8081", streams.getString(StreamsConfig.CLIENT_ID_CONFIG));
    assertEquals(1, streams.getInt(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
    assertEquals("all", String.valueOf(streams.getProducerConfigs("p").get("acks")));
    for (final Map<String, Object> consumer :
        List.of(
            streams.getMainConsumerConfigs("orders-registry", "c", 0),
            streams.getGlobalConsumerConfigs("g"),
            streams.getRestoreConsumerConfigs("r"),
            kafka.replyConsumer())) {
      assertEquals("read_committed", consumer.get("isolation.level"));
      assertEquals("broker:9092", consumer.get("bootstrap.servers"));
    }
    assertEquals("all", kafka.producer().get("acks"));
    assertNull(kafka.producer().get("transactional.id"));
  }

  @Test
  void shouldPassTheSettingsUsersTuneToTheClients() {
    final Map<String, Object> settings =
        Map.of(
            "kafkastore.main.consumer.session.timeout.ms", "10000",
            "kafkastore.main.consumer.heartbeat.interval.ms", "3000",
            "kafkastore.producer.transaction.timeout.ms", "10000",
            "kafkastore.commit.interval.ms", "100",
            "kafkastore.request.timeout.ms", "40000",
            "kafkastore.send.buffer.bytes", "262144",
            "kafkastore.linger.ms", "5",
            "kafkastore.security.protocol", "SASL_SSL",
            "kafkastore.sasl.mechanism", "SCRAM-SHA-512",
            "kafkastore.ssl.truststore.location", "/etc/ksr/truststore.p12");

    final KafkaSettings kafka = new KafkaSettings(new RegistryConfig(settings), "broker:9092");
    final StreamsConfig streams = new StreamsConfig(kafka.streams());

    final Map<String, Object> main = streams.getMainConsumerConfigs("schema-registry", "c", 0);
    assertEquals("10000", String.valueOf(main.get("session.timeout.ms")));
    assertEquals("3000", String.valueOf(main.get("heartbeat.interval.ms")));
    assertEquals(
        "10000", String.valueOf(streams.getProducerConfigs("p").get("transaction.timeout.ms")));
    assertEquals(100L, streams.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
    for (final Map<String, Object> client :
        List.of(kafka.producer(), kafka.replyConsumer(), kafka.admin(), kafka.streams())) {
      assertEquals("40000", client.get("request.timeout.ms"));
      assertEquals("262144", client.get("send.buffer.bytes"));
      assertEquals("SASL_SSL", client.get("security.protocol"));
      assertEquals("SCRAM-SHA-512", client.get("sasl.mechanism"));
      assertEquals("/etc/ksr/truststore.p12", client.get("ssl.truststore.location"));
    }
    assertEquals("5", kafka.producer().get("linger.ms"));
  }
}
