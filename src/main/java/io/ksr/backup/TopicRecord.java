package io.ksr.backup;

/**
 * One record of the {@code _schemas} topic as a backup keeps it: the key and value bytes exactly as
 * they were, without headers, which only describe the registry that wrote them.
 *
 * @param key null only for a record without a key, which a compacted topic cannot take back
 * @param value null for a tombstone
 */
record TopicRecord(long offset, long timestamp, byte[] key, byte[] value) {}
