package io.ksr.client;

import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * What every serializer and deserializer of this library shares: its configuration, the subject
 * name strategy, and the registry client, which it closes only if it created it.
 *
 * @param <C> the configuration of its schema type
 */
public abstract class SchemaSerdeBase<C extends SerdeConfig> {
  protected SchemaRegistryClient client;
  protected C config;
  private boolean ownsClient;
  private SubjectNameStrategy strategy;
  private boolean isKey;

  /**
   * @param client the client to use, which the caller keeps and closes; null to create one from the
   *     configuration
   */
  protected SchemaSerdeBase(final SchemaRegistryClient client) {
    this.client = client;
  }

  /** Reads a configuration map into this schema type's settings. */
  protected abstract C configOf(Map<String, ?> configs);

  /** Reads the configuration, and creates a client from it unless one was given. */
  public void configure(final Map<String, ?> configs, final boolean forKeys) {
    this.config = configOf(configs);
    this.strategy = config.subjectNameStrategy(forKeys);
    this.isKey = forKeys;
    if (client == null) {
      client = SchemaRegistryClients.fromConfig(configs);
      ownsClient = true;
    }
  }

  /** Fails clearly when Kafka or the caller forgot to configure this serde. */
  protected void requireConfigured() {
    if (config == null) {
      throw new SerializationException(
          getClass().getSimpleName() + " was used before it was configured");
    }
  }

  /**
   * The subject of a topic's records, as the configured strategy names it.
   *
   * @param recordName the full name of the record's type, or null when its schema has none
   */
  protected String subject(final String topic, final String recordName) {
    try {
      return strategy.subjectName(topic, isKey, recordName);
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
