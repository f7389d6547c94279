package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ksr.client.json.JsonSchemaEnvelope;
import io.ksr.client.json.JsonSchemaSerdeConfig;
import io.ksr.client.json.KafkaJsonSchemaDeserializer;
import io.ksr.client.json.KafkaJsonSchemaSerializer;
import io.ksr.client.protobuf.KafkaProtobufDeserializer;
import io.ksr.client.protobuf.KafkaProtobufSerializer;
import io.ksr.client.protobuf.ProtobufSerdeConfig;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Schema and Protobuf values through producers and consumers, against a real registry and a
 * real broker, each consumer with a client of its own.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SchemaTypesSerdeIntegrationTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String PERSON =
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}},"
          + "\"required\":[\"name\"]}";

  @TempDir Path dataDir;

  @Test
  void shouldCarryJsonSchemaAndProtobufValues(final TestInfo test) throws Exception {
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name(test), dataDir))) {
      final String url = "http://127.0.0.1:" + registry.registry().ports().get(0);
      final String people = "people-" + name(test);
      final String moments = "moments-" + name(test);

      final KafkaJsonSchemaSerializer<Object> json = new KafkaJsonSchemaSerializer<>();
      json.configure(
          Map.of(
              SerdeConfig.SCHEMA_REGISTRY_URL,
              url,
              JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA,
              true),
          false);
      final Map<String, Object> persons = new LinkedHashMap<>();
      persons.put("ann", new JsonSchemaEnvelope(PERSON, Map.of("name", "Ann")));
      TopicClients.produce(people, json, persons);
      final KafkaProtobufSerializer<Message> protobuf = new KafkaProtobufSerializer<>();
      protobuf.configure(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, url), false);
      final Map<String, Message> times = new LinkedHashMap<>();
      times.put("t", Timestamp.newBuilder().setSeconds(42).build());
      TopicClients.produce(moments, protobuf, times);

      final KafkaJsonSchemaDeserializer<JsonNode> jsonReader = new KafkaJsonSchemaDeserializer<>();
      jsonReader.configure(
          Map.of(
              SerdeConfig.SCHEMA_REGISTRY_URL,
              url,
              JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA,
              true),
          false);
      final List<JsonNode> readPeople = TopicClients.consume(people, jsonReader, 1, TIMEOUT);
      assertEquals("Ann", readPeople.get(0).get("name").asText());
      final KafkaProtobufDeserializer<Timestamp> protobufReader = new KafkaProtobufDeserializer<>();
      protobufReader.configure(
          Map.of(
              SerdeConfig.SCHEMA_REGISTRY_URL,
              url,
              ProtobufSerdeConfig.SPECIFIC_VALUE_TYPE,
              Timestamp.class.getName()),
          false);
      final List<Timestamp> readTimes = TopicClients.consume(moments, protobufReader, 1, TIMEOUT);
      assertEquals(42L, readTimes.get(0).getSeconds());

      assertEquals(
          "JSON",
          registry
              .client()
              .get("/subjects/" + people + "-value/versions/1")
              .json()
              .get("schemaType")
              .asText());
      assertEquals(
          "PROTOBUF",
          registry
              .client()
              .get("/subjects/" + moments + "-value/versions/1")
              .json()
              .get("schemaType")
              .asText());
    }
  }

  private static String name(final TestInfo test) {
    return test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
  }
}
