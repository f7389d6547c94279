package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaSerde;

/**
 * A Kafka Streams Serde for values with a primitive Avro schema ({@code String}, {@code Integer},
 * {@code Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code byte[]}) in Confluent's wire
 * format, as Confluent's own primitive Serde writes them.
 */
public final class PrimitiveAvroSerde<T> extends SchemaSerde<T> {
  /** A Serde that creates its registry client from the configuration. */
  public PrimitiveAvroSerde() {
    super(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public PrimitiveAvroSerde(final SchemaRegistryClient client) {
    super(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
  }
}
