package io.ksr.client.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.client.MockSchemaRegistry;
import io.ksr.client.SerdeConfig;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The JSON Schema serializer and deserializer against an in-memory registry. */
class KafkaJsonSchemaSerdeTest {
  private static final String SCOPE = "json-serde-test";
  private static final String URL = "mock://" + SCOPE;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PERSON =
      "{\"title\":\"Person\",\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
          + "\"age\":{\"type\":\"integer\",\"minimum\":0}},\"required\":[\"name\"]}";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldWriteTheHeaderThenTheJsonText() {
    final byte[] written =
        serializer(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL))
            .serialize("people", new JsonSchemaEnvelope(PERSON, Map.of("name", "Ann")));

    assertEquals("0000000001", HexFormat.of().formatHex(written, 0, 5));
    assertEquals(
        "{\"name\":\"Ann\"}", new String(written, 5, written.length - 5, StandardCharsets.UTF_8));
    assertEquals("JSON", MockSchemaRegistry.clientForScope(SCOPE).getById(1).schemaType());
  }

  @Test
  void shouldReadIntoJsonNodesOrTheConfiguredClass() throws Exception {
    final JsonNode envelope =
        MAPPER.readTree("{\"schema\":" + PERSON + ",\"payload\":{\"name\":\"Bob\",\"age\":7}}");
    final byte[] written =
        serializer(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL)).serialize("people", envelope);

    final Object node =
        deserializer(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL)).deserialize("people", written);
    final Object map =
        deserializer(
                Map.of(
                    SerdeConfig.SCHEMA_REGISTRY_URL,
                    URL,
                    JsonSchemaSerdeConfig.VALUE_TYPE,
                    Map.class.getName()))
            .deserialize("people", written);

    assertEquals(7, assertInstanceOf(JsonNode.class, node).get("age").asInt());
    assertEquals("Bob", ((Map<?, ?>) map).get("name"));
  }

  @Test
  void shouldCheckValuesAgainstTheirSchemaWhenAsked() {
    final Map<String, Object> checking =
        Map.of(
            SerdeConfig.SCHEMA_REGISTRY_URL, URL, JsonSchemaSerdeConfig.FAIL_INVALID_SCHEMA, true);

    final SerializationException refused =
        assertThrows(
            SerializationException.class,
            () ->
                serializer(checking)
                    .serialize("people", new JsonSchemaEnvelope(PERSON, Map.of("age", -1))));

    assertTrue(refused.getMessage().contains("name"), refused.getMessage());
    assertTrue(refused.getMessage().contains("age"), refused.getMessage());
    final byte[] fine =
        serializer(checking)
            .serialize("people", new JsonSchemaEnvelope(PERSON, Map.of("name", "Cy", "age", 3)));
    assertEquals(
        "Cy", ((JsonNode) deserializer(checking).deserialize("people", fine)).get("name").asText());
  }

  @Test
  void shouldWriteWithTheLatestSchemaOrSayWhatIsMissing() {
    serializer(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL))
        .serialize("people", new JsonSchemaEnvelope(PERSON, Map.of("name", "Ann")));
    final Map<String, Object> latest =
        Map.of(
            SerdeConfig.SCHEMA_REGISTRY_URL,
            URL,
            SerdeConfig.AUTO_REGISTER_SCHEMAS,
            false,
            SerdeConfig.USE_LATEST_VERSION,
            true);

    final byte[] written = serializer(latest).serialize("people", Map.of("name", "Dee"));

    assertEquals("0000000001", HexFormat.of().formatHex(written, 0, 5));
    assertThrows(
        SerializationException.class,
        () ->
            serializer(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, URL)).serialize("people", Map.of()));
  }

  @Test
  void shouldNameSubjectsByTitleUnderTheRecordNameStrategy() {
    serializer(
            Map.of(
                SerdeConfig.SCHEMA_REGISTRY_URL,
                URL,
                SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "RecordNameStrategy"))
        .serialize("people", new JsonSchemaEnvelope(PERSON, Map.of("name", "Ann")));

    assertEquals(List.of("Person"), MockSchemaRegistry.clientForScope(SCOPE).subjects());
  }

  private static KafkaJsonSchemaSerializer<Object> serializer(final Map<String, Object> config) {
    final KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private static KafkaJsonSchemaDeserializer<Object> deserializer(
      final Map<String, Object> config) {
    final KafkaJsonSchemaDeserializer<Object> deserializer = new KafkaJsonSchemaDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }
}
