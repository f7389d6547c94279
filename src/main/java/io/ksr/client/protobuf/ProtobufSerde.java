package io.ksr.client.protobuf;

import com.google.protobuf.Message;
import io.ksr.client.SchemaRegistryClient;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka Streams Serde for Protobuf messages in Confluent's wire format. */
public final class ProtobufSerde<T extends Message> implements Serde<T> {
  private final KafkaProtobufSerializer<T> serializer;
  private final KafkaProtobufDeserializer<T> deserializer;

  /** A Serde that creates its registry client from the configuration. */
  public ProtobufSerde() {
    this.serializer = new KafkaProtobufSerializer<>();
    this.deserializer = new KafkaProtobufDeserializer<>();
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public ProtobufSerde(final SchemaRegistryClient client) {
    this.serializer = new KafkaProtobufSerializer<>(client);
    this.deserializer = new KafkaProtobufDeserializer<>(client);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    serializer.configure(configs, isKey);
    deserializer.configure(configs, isKey);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }

  @Override
  public void close() {
    serializer.close();
    deserializer.close();
  }
}
