package io.ksr.writer;

import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasRecordCodec;

/**
 * A record the writer appends to {@code _schemas}, parsed and encoded.
 *
 * @param key the key bytes: the layout the key already has in the topic, so that compaction
 *     supersedes it, or today's layout for a new key
 */
public record WriteRecord(SchemasRecord record, byte[] key, byte[] value) {

  /**
   * Encodes a record.
   *
   * @param existingKey the key's bytes as they are in the topic, or null to use today's layout
   */
  public static WriteRecord of(final SchemasRecord record, final byte[] existingKey) {
    return new WriteRecord(
        record,
        existingKey != null ? existingKey : SchemasRecordCodec.encodeKey(record.key()),
        SchemasRecordCodec.encodeValue(record.value()));
  }

  /** How many bytes the key and value take. */
  public int sizeInBytes() {
    return key.length + (value == null ? 0 : value.length);
  }
}
