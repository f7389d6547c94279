package io.ksr.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A thread-safe map that forgets its least recently used entry once it holds too many. */
final class LruCache<K, V> {
  private final Map<K, V> entries;

  LruCache(final int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
    }
    this.entries =
        new LinkedHashMap<>(16, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(final Map.Entry<K, V> eldest) {
            return size() > capacity;
          }
        };
  }

  /**
   * The cached value, or the loader's, then cached. The loader runs outside the lock so that a slow
   * registry call does not block other keys; two threads missing the same key both load it.
   */
  V get(final K key, final Supplier<V> loader) {
    synchronized (entries) {
      final V cached = entries.get(key);
      if (cached != null) {
        return cached;
      }
    }
    final V loaded = loader.get();
    synchronized (entries) {
      entries.put(key, loaded);
    }
    return loaded;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
