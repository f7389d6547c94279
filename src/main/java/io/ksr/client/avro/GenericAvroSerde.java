package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaSerde;
import org.apache.avro.generic.GenericRecord;

/** A Kafka Streams Serde for Avro {@link GenericRecord}s in Confluent's wire format. */
public final class GenericAvroSerde extends SchemaSerde<GenericRecord> {
  /** A Serde that creates its registry client from the configuration. */
  public GenericAvroSerde() {
    super(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public GenericAvroSerde(final SchemaRegistryClient client) {
    super(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
  }
}
