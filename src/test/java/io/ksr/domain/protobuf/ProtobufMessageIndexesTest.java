package io.ksr.domain.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ksr.domain.ParsedSchema;
import io.ksr.domain.avro.AvroSchemaProvider;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Confluent's Protobuf message indexes: their bytes, and the message types they stand for. */
class ProtobufMessageIndexesTest {
  private static final ParsedSchema SCHEMA =
      new ProtobufSchemaProvider()
          .parse(
              """
              syntax = "proto3";
              package shop;
              enum Status { UNKNOWN = 0; }
              message Order {
                map<string, Line> lines = 1;
                enum Kind { A = 0; }
                message Line { Detail detail = 1; message Detail { string s = 1; } }
                message Note { string s = 1; }
              }
              message Customer { string name = 1; }
              """,
              List.of(),
              true);

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(List.of(0), "00"),
        Arguments.of(List.of(1), "0202"),
        Arguments.of(List.of(0, 2), "040004"),
        Arguments.of(List.of(0, 0), "040000"),
        Arguments.of(List.of(64), "028001"),
        Arguments.of(List.of(3, 1, 2), "06060204"));
  }

  @ParameterizedTest(name = "{0} is {1}")
  @MethodSource("vectors")
  void shouldWriteAndReadConfluentsBytes(final List<Integer> indexes, final String hex) {
    final byte[] bytes = HexFormat.of().parseHex(hex);

    assertArrayEquals(bytes, ProtobufMessageIndexes.encode(indexes));
    final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    assertEquals(indexes, ProtobufMessageIndexes.decode(buffer));
    assertEquals(bytes.length, buffer.position());
  }

  @Test
  void shouldReadACountOfZeroAsTheFirstMessageAndStopBeforeThePayload() {
    final ByteBuffer buffer = ByteBuffer.wrap(new byte[] {0x00, 0x0A, 0x01});

    assertEquals(List.of(0), ProtobufMessageIndexes.decode(buffer));
    assertEquals(1, buffer.position());
    final ByteBuffer explicit = ByteBuffer.wrap(new byte[] {0x02, 0x00, 0x0A});
    assertEquals(List.of(0), ProtobufMessageIndexes.decode(explicit));
    assertEquals(2, explicit.position());
  }

  @Test
  void shouldRejectBytesThatAreNoIndexes() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtobufMessageIndexes.decode(ByteBuffer.wrap(new byte[] {0x04, 0x02})));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtobufMessageIndexes.decode(ByteBuffer.wrap(new byte[] {0x01})));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            ProtobufMessageIndexes.decode(
                ByteBuffer.wrap(
                    new byte[] {
                      (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01
                    })));
    assertThrows(IllegalArgumentException.class, () -> ProtobufMessageIndexes.encode(List.of()));
    assertThrows(
        IllegalArgumentException.class, () -> ProtobufMessageIndexes.encode(List.of(0, -1)));
  }

  @Test
  void shouldFindTheIndexesOfAMessageByItsFullName() {
    assertEquals(List.of(0), ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Order"));
    assertEquals(List.of(1), ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Customer"));
    // The map field's entry type and the enums take no position.
    assertEquals(List.of(0, 0), ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Order.Line"));
    assertEquals(List.of(0, 1), ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Order.Note"));
    assertEquals(
        List.of(0, 0, 0), ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Order.Line.Detail"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtobufMessageIndexes.indexesOf(SCHEMA, "shop.Status"));
    assertThrows(
        IllegalArgumentException.class,
        () -> ProtobufMessageIndexes.indexesOf(SCHEMA, "other.Order"));
  }

  @Test
  void shouldNameTheMessageAtIndexes() {
    assertEquals("shop.Order", ProtobufMessageIndexes.nameOf(SCHEMA, List.of(0)));
    assertEquals("shop.Customer", ProtobufMessageIndexes.nameOf(SCHEMA, List.of(1)));
    assertEquals("shop.Order.Note", ProtobufMessageIndexes.nameOf(SCHEMA, List.of(0, 1)));
    assertEquals("shop.Order.Line.Detail", ProtobufMessageIndexes.nameOf(SCHEMA, List.of(0, 0, 0)));
    assertThrows(
        IllegalArgumentException.class, () -> ProtobufMessageIndexes.nameOf(SCHEMA, List.of(2)));
    assertThrows(
        IllegalArgumentException.class, () -> ProtobufMessageIndexes.nameOf(SCHEMA, List.of(0, 2)));
  }

  @Test
  void shouldRoundTripEveryMessageOfTheSchema() {
    for (final String name :
        List.of(
            "shop.Order",
            "shop.Order.Line",
            "shop.Order.Line.Detail",
            "shop.Order.Note",
            "shop.Customer")) {
      final List<Integer> indexes = ProtobufMessageIndexes.indexesOf(SCHEMA, name);
      final byte[] bytes = ProtobufMessageIndexes.encode(indexes);

      assertEquals(
          name,
          ProtobufMessageIndexes.nameOf(
              SCHEMA, ProtobufMessageIndexes.decode(ByteBuffer.wrap(bytes))));
    }
  }

  @Test
  void shouldWorkWithoutAPackage() {
    final ParsedSchema schema =
        new ProtobufSchemaProvider()
            .parse(
                "syntax = \"proto3\";\nmessage A {}\nmessage B { message C {} }", List.of(), true);

    assertEquals(List.of(1, 0), ProtobufMessageIndexes.indexesOf(schema, "B.C"));
    assertEquals("B.C", ProtobufMessageIndexes.nameOf(schema, List.of(1, 0)));
  }

  @Test
  void shouldRefuseASchemaThatIsNotProtobuf() {
    final ParsedSchema avro = new AvroSchemaProvider().parse("\"string\"", List.of(), true);

    assertThrows(
        IllegalArgumentException.class, () -> ProtobufMessageIndexes.indexesOf(avro, "x.Y"));
  }
}
