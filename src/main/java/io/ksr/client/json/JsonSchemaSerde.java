package io.ksr.client.json;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaSerde;

/** A Kafka Streams Serde for JSON values with JSON Schemas in Confluent's wire format. */
public final class JsonSchemaSerde<T> extends SchemaSerde<T> {
  /** A Serde that creates its registry client from the configuration. */
  public JsonSchemaSerde() {
    super(new KafkaJsonSchemaSerializer<>(), new KafkaJsonSchemaDeserializer<>());
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public JsonSchemaSerde(final SchemaRegistryClient client) {
    super(new KafkaJsonSchemaSerializer<>(client), new KafkaJsonSchemaDeserializer<>(client));
  }
}
