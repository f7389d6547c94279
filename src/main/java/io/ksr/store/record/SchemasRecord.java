package io.ksr.store.record;

import java.util.Objects;

/** One record of {@code _schemas}; a null value is a tombstone. */
public record SchemasRecord(SchemasKey key, SchemasValue value) {
  public SchemasRecord {
    Objects.requireNonNull(key, "key can't be null");
  }

  public boolean isTombstone() {
    return value == null;
  }
}
