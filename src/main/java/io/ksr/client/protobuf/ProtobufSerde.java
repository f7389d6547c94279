package io.ksr.client.protobuf;

import com.google.protobuf.Message;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaSerde;

/** A Kafka Streams Serde for Protobuf messages in Confluent's wire format. */
public final class ProtobufSerde<T extends Message> extends SchemaSerde<T> {
  /** A Serde that creates its registry client from the configuration. */
  public ProtobufSerde() {
    super(new KafkaProtobufSerializer<>(), new KafkaProtobufDeserializer<>());
  }

  /** A Serde that uses this client, which the caller keeps and closes. */
  public ProtobufSerde(final SchemaRegistryClient client) {
    super(new KafkaProtobufSerializer<>(client), new KafkaProtobufDeserializer<>(client));
  }
}
