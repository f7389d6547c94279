package io.ksr.client.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values written in Confluent's JSON Schema wire format into a JsonNode, or into the class
 * {@code json.value.type} (or {@code json.key.type}) names; with {@code json.fail.invalid.schema}
 * it checks each value against the schema its id names first.
 */
public class KafkaJsonSchemaDeserializer<T> extends SchemaSerdeBase<JsonSchemaSerdeConfig>
    implements Deserializer<T> {
  private final ObjectMapper mapper = new ObjectMapper();
  private Class<?> type;
  private JsonSchemas schemas;

  /** A deserializer that Kafka configures, creating its client from the configuration. */
  public KafkaJsonSchemaDeserializer() {
    super(null);
  }

  /** A deserializer that uses this client, which the caller keeps and closes. */
  public KafkaJsonSchemaDeserializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected JsonSchemaSerdeConfig configOf(final Map<String, ?> configs) {
    return new JsonSchemaSerdeConfig(configs);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    super.configure(configs, isKey);
    this.type = config.type(isKey);
    this.schemas = new JsonSchemas(client);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(final String topic, final byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    requireConfigured();
    final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    final int id = WireFormat.readHeader(buffer);
    try {
      final JsonNode payload = mapper.readTree(bytes, buffer.position(), buffer.remaining());
      if (config.failInvalidSchema()) {
        schemas.requireValid(client.getById(id), payload);
      }
      return (T) (type == JsonNode.class ? payload : mapper.treeToValue(payload, type));
    } catch (final SchemaRegistryClientException e) {
      throw new SerializationException(
          "Could not find the JSON Schema with id " + id + ": " + e.getMessage(), e);
    } catch (final IOException e) {
      throw new SerializationException(
          "Could not read a value written with schema id "
              + id
              + " as "
              + type.getName()
              + ": "
              + e.getMessage(),
          e);
    }
  }
}
