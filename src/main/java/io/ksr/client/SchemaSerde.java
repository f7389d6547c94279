package io.ksr.client;

import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka Streams Serde made of one of this library's serializers and its deserializer, which it
 * configures and closes together.
 *
 * @param <T> the type of the values; the pair may handle a wider one
 */
public class SchemaSerde<T> implements Serde<T> {
  private final Serializer<? super T> serializer;
  private final Deserializer<?> deserializer;

  protected SchemaSerde(
      final Serializer<? super T> serializer, final Deserializer<?> deserializer) {
    this.serializer = serializer;
    this.deserializer = deserializer;
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
