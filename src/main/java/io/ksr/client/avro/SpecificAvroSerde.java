package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaSerde;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * A Kafka Streams Serde for generated Avro classes in Confluent's wire format; it reads records
 * into the generated class, resolving older writer schemas against the class's schema.
 */
public final class SpecificAvroSerde<T extends SpecificRecord> extends SchemaSerde<T> {
  /** A Serde that creates its registry client from the configuration. */
  public SpecificAvroSerde() {
    super(new KafkaAvroSerializer(), new KafkaAvroDeserializer());
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public SpecificAvroSerde(final SchemaRegistryClient client) {
    super(new KafkaAvroSerializer(client), new KafkaAvroDeserializer(client));
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    final Map<String, Object> specific = new HashMap<>(configs);
    specific.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, true);
    super.configure(specific, isKey);
  }
}
