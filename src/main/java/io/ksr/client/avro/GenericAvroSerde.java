package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams Serde for Avro {@link GenericRecord}s in Confluent's wire format. */
public final class GenericAvroSerde implements Serde<GenericRecord> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** A Serde that creates its registry client from the configuration. */
  public GenericAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public GenericAvroSerde(final SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<GenericRecord> serializer() {
    return serializer::serialize;
  }

  @Override
  public Deserializer<GenericRecord> deserializer() {
    return (topic, bytes) -> (GenericRecord) deserializer.deserialize(topic, bytes);
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
