package io.ksr.domain.protobuf;

import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.ksr.domain.ParsedSchema;
import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The message indexes that Confluent's Protobuf wire format writes after the schema id, saying
 * which message type of the schema's file a record holds, as a path of positions among message
 * types.
 *
 * <p>The path is written as a zig-zag varint count followed by one zig-zag varint per index. The
 * most common path, {@code [0]} (the file's first message), is written as the single byte {@code
 * 0x00}, and a count of 0 reads as {@code [0]}. Positions count message types only: enums, and the
 * map entry types that {@code map<K, V>} fields imply, take no position.
 */
public final class ProtobufMessageIndexes {
  private static final List<Integer> FIRST_MESSAGE = List.of(0);
  private static final int MAX_VARINT_BYTES = 5;

  private ProtobufMessageIndexes() {}

  /** The bytes for {@code indexes}, as Confluent's serializers write them. */
  public static byte[] encode(final List<Integer> indexes) {
    if (indexes.isEmpty()) {
      throw new IllegalArgumentException("A message index path has at least one index");
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (indexes.equals(FIRST_MESSAGE)) {
      writeVarint(0, out);
      return out.toByteArray();
    }
    writeVarint(indexes.size(), out);
    for (final int index : indexes) {
      if (index < 0) {
        throw new IllegalArgumentException("Negative message index " + index + " in " + indexes);
      }
      writeVarint(index, out);
    }
    return out.toByteArray();
  }

  /**
   * Reads a message index path at the buffer's position, and leaves the position after it, where
   * the Protobuf message starts.
   *
   * @throws IllegalArgumentException when the bytes are not a message index path
   */
  public static List<Integer> decode(final ByteBuffer buffer) {
    try {
      final int count = readVarint(buffer);
      if (count == 0) {
        return FIRST_MESSAGE;
      }
      // Each index takes at least one byte, which bounds a corrupt count before allocating.
      if (count < 0 || count > buffer.remaining()) {
        throw new IllegalArgumentException("Invalid message index count " + count);
      }
      final List<Integer> indexes = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        final int index = readVarint(buffer);
        if (index < 0) {
          throw new IllegalArgumentException("Invalid message index " + index);
        }
        indexes.add(index);
      }
      return List.copyOf(indexes);
    } catch (final BufferUnderflowException e) {
      throw new IllegalArgumentException("Message indexes end before they are complete", e);
    }
  }

  /**
   * The index path of the message type {@code fullName} (such as {@code com.acme.Order.Line}) in a
   * Protobuf schema.
   *
   * @throws IllegalArgumentException when the schema is not Protobuf or has no such message type
   */
  public static List<Integer> indexesOf(final ParsedSchema schema, final String fullName) {
    final ProtoFileElement file = file(schema);
    final String packagePrefix = file.getPackageName() == null ? "" : file.getPackageName() + ".";
    if (!fullName.startsWith(packagePrefix)) {
      throw noSuchMessage(fullName);
    }
    final List<Integer> indexes = new ArrayList<>();
    List<TypeElement> types = file.getTypes();
    for (final String name : fullName.substring(packagePrefix.length()).split("\\.", -1)) {
      final List<MessageElement> messages = messages(types);
      int position = 0;
      while (position < messages.size() && !messages.get(position).getName().equals(name)) {
        position++;
      }
      if (position == messages.size()) {
        throw noSuchMessage(fullName);
      }
      indexes.add(position);
      types = messages.get(position).getNestedTypes();
    }
    return List.copyOf(indexes);
  }

  /**
   * The full name of the message type at {@code indexes} in a Protobuf schema.
   *
   * @throws IllegalArgumentException when the schema is not Protobuf or has no message there
   */
  public static String nameOf(final ParsedSchema schema, final List<Integer> indexes) {
    final ProtoFileElement file = file(schema);
    if (indexes.isEmpty()) {
      throw new IllegalArgumentException("A message index path has at least one index");
    }
    final StringBuilder name = new StringBuilder();
    if (file.getPackageName() != null) {
      name.append(file.getPackageName()).append('.');
    }
    List<TypeElement> types = file.getTypes();
    for (final int index : indexes) {
      final List<MessageElement> messages = messages(types);
      if (index < 0 || index >= messages.size()) {
        throw new IllegalArgumentException("No message type at message indexes " + indexes);
      }
      final MessageElement message = messages.get(index);
      name.append(message.getName()).append('.');
      types = message.getNestedTypes();
    }
    return name.substring(0, name.length() - 1);
  }

  private static ProtoFileElement file(final ParsedSchema schema) {
    if (!(schema instanceof ProtobufSchema protobuf)) {
      throw new IllegalArgumentException(
          "Message indexes belong to PROTOBUF schemas, not " + schema.type());
    }
    return protobuf.fileElement();
  }

  private static List<MessageElement> messages(final List<TypeElement> types) {
    final List<MessageElement> messages = new ArrayList<>();
    for (final TypeElement type : types) {
      if (type instanceof MessageElement message) {
        messages.add(message);
      }
    }
    return messages;
  }

  private static IllegalArgumentException noSuchMessage(final String fullName) {
    return new IllegalArgumentException("The schema defines no message type " + fullName);
  }

  private static void writeVarint(final int value, final ByteArrayOutputStream out) {
    int zigZag = (value << 1) ^ (value >> 31);
    while ((zigZag & ~0x7F) != 0) {
      out.write((zigZag & 0x7F) | 0x80);
      zigZag >>>= 7;
    }
    out.write(zigZag);
  }

  private static int readVarint(final ByteBuffer buffer) {
    int value = 0;
    for (int i = 0; i < MAX_VARINT_BYTES; i++) {
      final int b = buffer.get();
      value |= (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return (value >>> 1) ^ -(value & 1);
      }
    }
    throw new IllegalArgumentException("A message index varint is longer than 5 bytes");
  }
}
