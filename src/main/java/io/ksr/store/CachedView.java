package io.ksr.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keeps the values read by key, and small scans read in full, from a store that one thread writes,
 * for as long as that thread writes nothing. Kafka Streams' RocksDB store serves one read at a time
 * (its reads and writes are synchronized on the store), so without this every HTTP read queues
 * behind the others.
 *
 * <p>A value counts only if the store's write count is the same as when it was read: any write
 * makes every kept value stale, which keeps the cache correct without knowing which keys a write
 * touched. A scan is kept only when its visitor read it to the end and it had few entries (the
 * versions of a subject, say), so a scan over a large range is never held in memory.
 */
final class CachedView implements KeyValueView {
  /** Enough for the schemas of a large registry; past it, the cache starts over. */
  static final long DEFAULT_BUDGET_BYTES = 64L * 1024 * 1024;

  /** The most entries a kept scan has: enough for the versions of nearly every subject. */
  static final int MAX_KEPT_SCAN_ENTRIES = 128;

  /** What a key held as of the given count of writes; null when it held nothing. */
  private record Kept(long writes, byte[] value) {
    long size() {
      return value == null ? 0 : value.length;
    }
  }

  /** The entries a scan found as of the given count of writes. */
  private record KeptScan(long writes, List<Map.Entry<Bytes, byte[]>> entries, long size) {}

  private final KeyValueView store;
  private final LongSupplier writes;
  private final long budgetBytes;
  private final ConcurrentHashMap<Bytes, Kept> kept = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Bytes, KeptScan> keptScans = new ConcurrentHashMap<>();
  private final AtomicLong keptBytes = new AtomicLong();

  /**
   * @param writes counts the store's writes; it must move on after a write is in the store
   * @param budgetBytes how many bytes of keys and values are kept at most
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
      final Kept fresh = new Kept(before, value);
      final Kept replaced = kept.put(key, fresh);
      count(
          key.get().length + fresh.size(),
          replaced == null ? 0 : key.get().length + replaced.size());
    }
    return value;
  }

  @Override
  public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
    final long before = writes.getAsLong();
    final KeptScan found = keptScans.get(prefix);
    if (found != null && found.writes() == before) {
      for (final Map.Entry<Bytes, byte[]> entry : found.entries()) {
        if (!visitor.test(entry.getKey(), entry.getValue())) {
          return;
        }
      }
      return;
    }
    final List<Map.Entry<Bytes, byte[]>> entries = new ArrayList<>();
    final long[] size = {prefix.get().length};
    final boolean[] complete = {true};
    store.scan(
        prefix,
        (key, value) -> {
          if (entries.size() <= MAX_KEPT_SCAN_ENTRIES) {
            entries.add(Map.entry(key, value));
            size[0] += key.get().length + value.length;
          }
          final boolean more = visitor.test(key, value);
          complete[0] = more;
          return more;
        });
    if (complete[0] && entries.size() <= MAX_KEPT_SCAN_ENTRIES && writes.getAsLong() == before) {
      final KeptScan replaced =
          keptScans.put(prefix, new KeptScan(before, List.copyOf(entries), size[0]));
      count(size[0], replaced == null ? 0 : replaced.size());
    }
  }

  private void count(final long added, final long removed) {
    if (keptBytes.addAndGet(added - removed) > budgetBytes) {
      kept.clear();
      keptScans.clear();
      keptBytes.set(0);
    }
  }
}
