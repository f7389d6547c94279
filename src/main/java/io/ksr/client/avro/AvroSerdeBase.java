package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClients;
import io.ksr.client.SubjectNameStrategy;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What the Avro serializer and deserializer share: their configuration, the subject name strategy,
 * and the registry client, which they close only if they created it.
 */
abstract class AvroSerdeBase {
  SchemaRegistryClient client;
  AvroSerdeConfig config;
  private boolean ownsClient;
  private SubjectNameStrategy strategy;
  private boolean isKey;

  AvroSerdeBase(final SchemaRegistryClient client) {
    this.client = client;
  }

  /** Reads the configuration, and creates a client from it unless one was given. */
  public void configure(final Map<String, ?> configs, final boolean forKeys) {
    this.config = new AvroSerdeConfig(configs);
    this.strategy = config.subjectNameStrategy(forKeys);
    this.isKey = forKeys;
    if (client == null) {
      client = SchemaRegistryClients.fromConfig(configs);
      ownsClient = true;
    }
  }

  /** Fails clearly when Kafka or the caller forgot to configure this serde. */
  void requireConfigured() {
    if (config == null) {
      throw new SerializationException(
          getClass().getSimpleName() + " was used before it was configured");
    }
  }

  /** The subject of a topic's records of this schema, as the configured strategy names it. */
  String subject(final String topic, final Schema schema) {
    try {
      return strategy.subjectName(topic, isKey, AvroSchemas.nameOf(schema));
    } catch (final IllegalArgumentException e) {
      throw new SerializationException(e.getMessage(), e);
    }
  }

  public void close() {
    if (ownsClient) {
      client.close();
    }
  }
}
