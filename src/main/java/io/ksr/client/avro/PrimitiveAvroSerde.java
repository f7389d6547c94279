package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams Serde for values with a primitive Avro schema ({@code String}, {@code Integer},
 * {@code Long}, {@code Float}, {@code Double}, {@code Boolean}, {@code byte[]}) in Confluent's wire
 * format, as Confluent's own primitive Serde writes them.
 */
public final class PrimitiveAvroSerde<T> implements Serde<T> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** A Serde that creates its registry client from the configuration. */
  public PrimitiveAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public PrimitiveAvroSerde(final SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer::serialize;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Deserializer<T> deserializer() {
    return (topic, bytes) -> (T) deserializer.deserialize(topic, bytes);
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
