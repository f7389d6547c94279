package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.ksr.client.avro.AvroSerdeConfig;
import io.ksr.client.avro.KafkaAvroDeserializer;
import io.ksr.client.avro.KafkaAvroSerializer;
import io.ksr.client.avro.User;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.TopicClients;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Producers and consumers with the Avro serializer and deserializer, against a real registry and a
 * real broker.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class AvroSerdeIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Schema USER_V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.ksr.client.avro\","
                  + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");

  @TempDir Path dataDir;

  @Test
  void shouldRegisterOnProduceAndReadByIdOnConsumeEvenWithTheFirstUrlDown(final TestInfo test)
      throws Exception {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final String urls = "http://127.0.0.1:" + closedPort() + "," + url(registry);
      final String topic = "users-" + name(test);
      final Map<String, Object> users = new LinkedHashMap<>();
      for (final String name : List.of("ann", "bob", "cy")) {
        final GenericRecord user = new GenericData.Record(USER_V1);
        user.put("name", name);
        users.put(name, user);
      }

      TopicClients.produce(
          topic, serializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls)), users);

      assertEquals("[1]", registry.client().get("/subjects/" + topic + "-value/versions").body());
      final List<Object> generic =
          TopicClients.consume(
              topic, deserializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, urls)), 3, TIMEOUT);
      assertEquals("bob", ((GenericRecord) generic.get(1)).get("name").toString());

      // A consumer built on the record's second version reads what the first version wrote.
      final List<Object> specific =
          TopicClients.consume(
              topic,
              deserializer(
                  Map.of(
                      AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                      url(registry),
                      AvroSerdeConfig.SPECIFIC_AVRO_READER,
                      true)),
              3,
              TIMEOUT);
      final User cy = assertInstanceOf(User.class, specific.get(2));
      assertEquals("cy", cy.name());
      assertEquals(-1, cy.age());
    }
  }

  @Test
  void shouldDecodeARecordWhoseSchemaIdIsCachedWithoutAnHttpCall(final TestInfo test)
      throws Exception {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final GenericRecord ann = new GenericData.Record(USER_V1);
      ann.put("name", "ann");
      final byte[] bytes =
          serializer(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(registry)))
              .serialize("t", ann);
      final RestSchemaRegistryClient http =
          RestSchemaRegistryClient.fromConfig(
              Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(registry)));
      final SchemaRegistryClient cached = new CachedSchemaRegistryClient(http, 100);

      final KafkaAvroDeserializer first = new KafkaAvroDeserializer(cached);
      first.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(registry)), false);
      first.deserialize("t", bytes);
      final long afterFirst = http.requestsSent();
      final KafkaAvroDeserializer second = new KafkaAvroDeserializer(cached);
      second.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, url(registry)), false);
      for (int i = 0; i < 10; i++) {
        first.deserialize("t", bytes);
        second.deserialize("t", bytes);
      }

      assertEquals(1, afterFirst);
      assertEquals(afterFirst, http.requestsSent());
    }
  }

  private static KafkaAvroSerializer serializer(final Map<String, Object> config) {
    final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    return serializer;
  }

  private static KafkaAvroDeserializer deserializer(final Map<String, Object> config) {
    final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, false);
    return deserializer;
  }

  private static String url(final TestRegistry registry) {
    return "http://127.0.0.1:" + registry.registry().ports().get(0);
  }

  /** A port nothing listens on: taken from the system, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }
}
