package io.ksr.store;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;

/**
 * A view of the store with pending changes layered on top.
 *
 * <p>The writer decides from this view: the global store shows everything up to the writer's last
 * committed transaction once its thread has read it, and the overlay holds what the writer wrote
 * since, so two commands in a row never miss each other's writes.
 */
public final class OverlayView implements MutableKeyValueView {
  private final KeyValueView base;
  private final TreeMap<Bytes, Change> changes = new TreeMap<>();

  /**
   * While {@link #allOrNothing} runs: for each key it changed, the change pending before (null for
   * none).
   */
  private Map<Bytes, Change> before;

  /** A put ({@code value} set) or a delete ({@code value} null). */
  private record Change(byte[] value) {}

  public OverlayView(final KeyValueView base) {
    this.base = Objects.requireNonNull(base, "base can't be null");
  }

  @Override
  public byte[] get(final Bytes key) {
    final Change change = changes.get(key);
    return change != null ? change.value() : base.get(key);
  }

  @Override
  public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
    final TreeMap<Bytes, byte[]> merged = new TreeMap<>();
    base.scan(
        prefix,
        (key, value) -> {
          merged.put(key, value);
          return true;
        });
    for (final Map.Entry<Bytes, Change> change : changes.tailMap(prefix, true).entrySet()) {
      if (!StoreKeys.startsWith(change.getKey(), prefix)) {
        break;
      }
      if (change.getValue().value() == null) {
        merged.remove(change.getKey());
      } else {
        merged.put(change.getKey(), change.getValue().value());
      }
    }
    for (final Map.Entry<Bytes, byte[]> entry : merged.entrySet()) {
      if (!visitor.test(entry.getKey(), entry.getValue())) {
        return;
      }
    }
  }

  @Override
  public void put(final Bytes key, final byte[] value) {
    Objects.requireNonNull(value, "value can't be null");
    remember(key);
    changes.put(key, new Change(value));
  }

  @Override
  public void delete(final Bytes key) {
    remember(key);
    changes.put(key, new Change(null));
  }

  /**
   * Makes every change that {@code change} makes, or none when it throws: the view is then as it
   * was before, and the exception goes on to the caller. So a write of several records never shows
   * half done.
   */
  public void allOrNothing(final Runnable change) {
    before = new HashMap<>();
    boolean done = false;
    try {
      change.run();
      done = true;
    } finally {
      if (!done) {
        before.forEach(
            (key, pending) -> {
              if (pending == null) {
                changes.remove(key);
              } else {
                changes.put(key, pending);
              }
            });
      }
      before = null;
    }
  }

  private void remember(final Bytes key) {
    if (before != null && !before.containsKey(key)) {
      before.put(key, changes.get(key));
    }
  }

  /** Drops the pending changes, once the base shows them. */
  public void clear() {
    changes.clear();
  }
}
