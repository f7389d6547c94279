package io.ksr.client.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ksr.client.MockSchemaRegistry;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SerdeConfig;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.domain.protobuf.ProtobufSchema;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Protobuf serializer and deserializer against an in-memory registry: the wire format with
 * message indexes, generated and dynamic messages, and imports registered as references.
 */
class KafkaProtobufSerdeTest {
  private static final String SCOPE = "protobuf-serde-test";
  private static final Map<String, Object> CONFIG =
      Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();
  private static final String MONEY =
      "syntax = \"proto3\"; package common; message Money { int64 cents = 1; }";
  private static final String ORDER =
      "syntax = \"proto3\"; package shop; import \"common.proto\";"
          + " message Order { string id = 1; common.Money total = 2; }";

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldWriteTheMessageIndexPathBeforeTheMessage() {
    final Descriptor inner =
        descriptor(
                "syntax = \"proto3\"; package t;"
                    + " message Outer { message Inner { string s = 1; } Inner i = 1; }",
                List.of(),
                "Outer")
            .findNestedTypeByName("Inner");
    final DynamicMessage message =
        DynamicMessage.newBuilder(inner).setField(inner.findFieldByName("s"), "hi").build();

    final byte[] written = serializer(CONFIG).serialize("t", message);

    assertEquals("0000000001" + "040000" + "0a026869", HexFormat.of().formatHex(written));
    final DynamicMessage read =
        assertInstanceOf(DynamicMessage.class, deserializer(CONFIG).deserialize("t", written));
    assertEquals("t.Outer.Inner", read.getDescriptorForType().getFullName());
    assertEquals("hi", read.getField(read.getDescriptorForType().findFieldByName("s")));
  }

  @Test
  void shouldReadGeneratedClassesBackAsThemselvesOrAsDynamicMessages() {
    final Timestamp moment = Timestamp.newBuilder().setSeconds(5).setNanos(7).build();

    final byte[] written = serializer(CONFIG).serialize("moments", moment);

    assertEquals("000000000100", HexFormat.of().formatHex(written, 0, 6));
    final Map<String, Object> specific =
        Map.of(
            SerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            ProtobufSerdeConfig.SPECIFIC_VALUE_TYPE,
            Timestamp.class.getName());
    assertEquals(moment, deserializer(specific).deserialize("moments", written));
    final Message dynamic = deserializer(CONFIG).deserialize("moments", written);
    assertEquals(5L, dynamic.getField(dynamic.getDescriptorForType().findFieldByName("seconds")));
  }

  @Test
  void shouldRegisterImportedFilesAsReferencedSubjects() {
    final Descriptor orderType =
        descriptor(
            ORDER,
            List.of(new ResolvedReference("common.proto", "any", 1, SchemaType.PROTOBUF, MONEY)),
            "Order");
    final Descriptor moneyType = orderType.findFieldByName("total").getMessageType();
    final DynamicMessage order =
        DynamicMessage.newBuilder(orderType)
            .setField(orderType.findFieldByName("id"), "o-1")
            .setField(
                orderType.findFieldByName("total"),
                DynamicMessage.newBuilder(moneyType)
                    .setField(moneyType.findFieldByName("cents"), 250L)
                    .build())
            .build();

    final byte[] written = serializer(CONFIG).serialize("orders", order);

    final SchemaRegistryClient registry = MockSchemaRegistry.clientForScope(SCOPE);
    assertEquals(List.of("common.proto", "orders-value"), registry.subjects());
    assertEquals(
        List.of(new SchemaReference("common.proto", "common.proto", 1)),
        registry.getLatest("orders-value").schema().references());
    final Message read = deserializer(CONFIG).deserialize("orders", written);
    final Message total =
        (Message) read.getField(read.getDescriptorForType().findFieldByName("total"));
    assertEquals(250L, total.getField(total.getDescriptorForType().findFieldByName("cents")));
  }

  private static Descriptor descriptor(
      final String schema, final List<ResolvedReference> references, final String message) {
    final ParsedSchema parsed = PROVIDERS.parse(SchemaType.PROTOBUF, schema, references, false);
    return ((ProtobufSchema) parsed).fileDescriptor().findMessageTypeByName(message);
  }

  private static KafkaProtobufSerializer<Message> serializer(final Map<String, Object> config) {
    final KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>();
    serializer.configure(config, false);
    return serializer;
  }

  private static KafkaProtobufDeserializer<Message> deserializer(final Map<String, Object> config) {
    final KafkaProtobufDeserializer<Message> deserializer = new KafkaProtobufDeserializer<>();
    deserializer.configure(config, false);
    return deserializer;
  }
}
