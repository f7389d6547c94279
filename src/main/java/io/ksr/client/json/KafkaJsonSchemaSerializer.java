package io.ksr.client.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.SchemaString;
import io.ksr.client.SchemaVersion;
import io.ksr.client.WireFormat;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes values as JSON in Confluent's wire format: magic byte, schema id, UTF-8 JSON. The schema
 * comes with the value ({@link JsonSchemaEnvelope}, or Confluent's {@code {"schema":…,
 * "payload":…}} envelope as a JsonNode), or, with {@code use.latest.version=true}, is the subject's
 * latest.
 */
public class KafkaJsonSchemaSerializer<T> extends SchemaSerdeBase<JsonSchemaSerdeConfig>
    implements Serializer<T> {
  private static final String SCHEMA_TYPE = "JSON";

  private final ObjectMapper mapper = new ObjectMapper();
  private JsonSchemas schemas;

  /** A serializer that Kafka configures, creating its client from the configuration. */
  public KafkaJsonSchemaSerializer() {
    super(null);
  }

  /** A serializer that uses this client, which the caller keeps and closes. */
  public KafkaJsonSchemaSerializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected JsonSchemaSerdeConfig configOf(final Map<String, ?> configs) {
    return new JsonSchemaSerdeConfig(configs);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    super.configure(configs, isKey);
    this.schemas = new JsonSchemas(client);
  }

  @Override
  public byte[] serialize(final String topic, final T data) {
    if (data == null) {
      return null;
    }
    requireConfigured();
    final Parts envelope = partsOf(data);
    final int id;
    final SchemaString schema;
    try {
      if (envelope.schema() != null && !config.useLatestVersion()) {
        schema = new SchemaString(SCHEMA_TYPE, envelope.schema(), null);
        final String subject = subject(topic, JsonSchemas.titleOf(envelope.schema()));
        id =
            config.autoRegisterSchemas()
                ? client.register(subject, schema, config.normalizeSchemas())
                : client.lookup(subject, schema, config.normalizeSchemas()).id();
      } else {
        final SchemaVersion latest =
            client.getLatest(
                subject(
                    topic,
                    envelope.schema() == null ? null : JsonSchemas.titleOf(envelope.schema())));
        id = latest.id();
        schema = latest.schema();
      }
    } catch (final SchemaRegistryClientException e) {
      throw new SerializationException(
          "Could not find or register the JSON Schema for topic " + topic + ": " + e.getMessage(),
          e);
    }
    final JsonNode payload = mapper.valueToTree(envelope.payload());
    if (config.failInvalidSchema()) {
      schemas.requireValid(schema, payload);
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    try {
      out.writeBytes(mapper.writeValueAsBytes(payload));
    } catch (final JsonProcessingException e) {
      throw new SerializationException("Could not write the value as JSON: " + e, e);
    }
    return out.toByteArray();
  }

  /** A value and the schema it came with; the schema is null when it came alone. */
  private record Parts(String schema, Object payload) {}

  private Parts partsOf(final T data) {
    if (data instanceof JsonSchemaEnvelope envelope) {
      return new Parts(envelope.schema(), envelope.payload());
    }
    if (data instanceof JsonNode node
        && node.size() == 2
        && node.has("schema")
        && node.has("payload")) {
      final JsonNode schema = node.get("schema");
      return new Parts(
          schema.isTextual() ? schema.textValue() : schema.toString(), node.get("payload"));
    }
    if (!config.useLatestVersion()) {
      throw new SerializationException(
          "The JSON Schema serializer needs each value's schema: send a JsonSchemaEnvelope (or a"
              + " JsonNode {\"schema\":…,\"payload\":…}), or set use.latest.version=true to write"
              + " with the subject's latest schema");
    }
    return new Parts(null, data);
  }
}
