package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams Serde for generated Avro classes in Confluent's wire format; it reads records
 * into the generated class, resolving older writer schemas against the class's schema.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {
  private final KafkaAvroSerializer serializer;
  private final KafkaAvroDeserializer deserializer;

  /** A Serde that creates its registry client from the configuration. */
  public SpecificAvroSerde() {
    this.serializer = new KafkaAvroSerializer();
    this.deserializer = new KafkaAvroDeserializer();
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public SpecificAvroSerde(final SchemaRegistryClient client) {
    this.serializer = new KafkaAvroSerializer(client);
    this.deserializer = new KafkaAvroDeserializer(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    final Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    serializer.configure(specific, isKey);
    deserializer.configure(specific, isKey);
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
