package io.ksr.client;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format for Kafka record payloads: a magic byte {@code 0}, the schema id as four
 * big-endian bytes, then the payload in the schema's encoding.
 */
public final class WireFormat {
  public static final byte MAGIC_BYTE = 0;
  public static final int HEADER_SIZE = 5;

  private WireFormat() {}

  /** The five bytes that precede a payload written with schema {@code id}. */
  public static byte[] header(final int id) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(id).array();
  }

  /**
   * Reads the header of a payload, leaving the buffer at the start of the encoded data.
   *
   * @return the schema id
   * @throws SerializationException when the bytes do not start with Confluent's header
   */
  public static int readHeader(final ByteBuffer buffer) {
    if (buffer.remaining() < HEADER_SIZE) {
      throw new SerializationException(
          "Record is "
              + buffer.remaining()
              + " bytes long, too short for the 5-byte schema registry header");
    }
    final byte magic = buffer.get();
    if (magic != MAGIC_BYTE) {
      throw new SerializationException(
          "Unknown magic byte " + magic + ": the record was not written with a schema id header");
    }
    return buffer.getInt();
  }
}
