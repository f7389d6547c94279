package io.ksr.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;

/**
 * The registry's key-value state in memory, for a registry that lives inside a test ({@code
 * mock://}). Not thread-safe: its user serializes access.
 */
public final class MemoryStore implements MutableKeyValueView {
  private final TreeMap<Bytes, byte[]> entries = new TreeMap<>();

  @Override
  public byte[] get(final Bytes key) {
    return entries.get(key);
  }

  @Override
  public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
    for (final Map.Entry<Bytes, byte[]> entry : entries.tailMap(prefix, true).entrySet()) {
      if (!StoreKeys.startsWith(entry.getKey(), prefix)
          || !visitor.test(entry.getKey(), entry.getValue())) {
        return;
      }
    }
  }

  @Override
  public void put(final Bytes key, final byte[] value) {
    entries.put(key, Objects.requireNonNull(value, "value can't be null"));
  }

  @Override
  public void delete(final Bytes key) {
    entries.remove(key);
  }
}
