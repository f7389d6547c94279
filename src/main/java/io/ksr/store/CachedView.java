package io.ksr.store;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keeps the values read by key from a store that one thread writes, for as long as that thread
 * writes nothing. Kafka Streams' RocksDB store serves one read at a time (its reads and writes are
 * synchronized on the store), so without this every HTTP read queues behind the others.
 *
 * <p>A value counts only if the store's write count is the same as when it was read: any write
 * makes every kept value stale, which keeps the cache correct without knowing which keys a write
 * touched. Scans are not kept.
 */
final class CachedView implements KeyValueView {
  /** Enough for the schemas of a large registry; past it, the cache starts over. */
  static final long DEFAULT_BUDGET_BYTES = 64L * 1024 * 1024;

  /** What a key held as of the given count of writes; null when it held nothing. */
  private record Kept(long writes, byte[] value) {
    long size() {
      return value == null ? 0 : value.length;
    }
  }

  private final KeyValueView store;
  private final LongSupplier writes;
  private final long budgetBytes;
  private final ConcurrentHashMap<Bytes, Kept> kept = new ConcurrentHashMap<>();
  private final AtomicLong keptBytes = new AtomicLong();

  /**
   * @param writes counts the store's writes; it must move on after a write is in the store
   * @param budgetBytes how many bytes of values are kept at most
   */
  CachedView(final KeyValueView store, final LongSupplier writes, final long budgetBytes) {
    this.store = store;
    this.writes = writes;
    this.budgetBytes = budgetBytes;
  }

  @Override
  public byte[] get(final Bytes key) {
    final long before = writes.getAsLong();
    final Kept found = kept.get(key);
    if (found != null && found.writes() == before) {
      return found.value();
    }
    final byte[] value = store.get(key);
    // A write during the read may or may not be in the value: keep only what no write overlapped.
    if (writes.getAsLong() == before) {
      keep(key, new Kept(before, value));
    }
    return value;
  }

  @Override
  public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
    store.scan(prefix, visitor);
  }

  private void keep(final Bytes key, final Kept value) {
    final Kept replaced = kept.put(key, value);
    final long added = key.get().length + value.size();
    final long removed = replaced == null ? 0 : key.get().length + replaced.size();
    if (keptBytes.addAndGet(added - removed) > budgetBytes) {
      kept.clear();
      keptBytes.set(0);
    }
  }
}
