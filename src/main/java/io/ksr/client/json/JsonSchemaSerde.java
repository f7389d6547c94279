package io.ksr.client.json;

import io.ksr.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams Serde for JSON values with JSON Schemas in Confluent's wire format. */
public final class JsonSchemaSerde<T> implements Serde<T> {
  private final KafkaJsonSchemaSerializer<T> serializer;
  private final KafkaJsonSchemaDeserializer<T> deserializer;

  /** A Serde that creates its registry client from the configuration. */
  public JsonSchemaSerde() {
    this.serializer = new KafkaJsonSchemaSerializer<>();
    this.deserializer = new KafkaJsonSchemaDeserializer<>();
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public JsonSchemaSerde(final SchemaRegistryClient client) {
    this.serializer = new KafkaJsonSchemaSerializer<>(client);
    this.deserializer = new KafkaJsonSchemaDeserializer<>(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
