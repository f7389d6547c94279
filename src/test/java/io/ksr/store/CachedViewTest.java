package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The read cache in front of the local store: stale values are never served. */
class CachedViewTest {
  private final Map<Bytes, byte[]> values = new HashMap<>();
  private final AtomicLong writes = new AtomicLong();
  private int reads;

  /** A store that counts its reads, and that may be written while it answers one. */
  private final class Store implements KeyValueView {
    private Runnable duringRead = () -> {};

    @Override
    public byte[] get(final Bytes key) {
      reads++;
      final byte[] value = values.get(key);
      duringRead.run();
      return value;
    }

    @Override
    public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
      throw new UnsupportedOperationException();
    }
  }

  private final Store store = new Store();

  @Test
  void shouldReadAKeyFromTheStoreOnceWhileNothingIsWritten() {
    write("a", "1");
    final CachedView view = new CachedView(store, writes::get, 1024);

    assertEquals("1", read(view, "a"));
    assertEquals("1", read(view, "a"));
    assertNull(view.get(key("missing")));
    assertNull(view.get(key("missing")));

    assertEquals(2, reads);
  }

  @Test
  void shouldReadTheStoreAgainAfterAnyWrite() {
    write("a", "1");
    final CachedView view = new CachedView(store, writes::get, 1024);
    assertNull(view.get(key("b")));

    write("b", "2");
    write("a", "3");

    assertEquals("3", read(view, "a"));
    assertEquals("2", read(view, "b"));
    assertEquals(3, reads);
  }

  @Test
  void shouldNotKeepAValueReadWhileTheStoreWasWritten() {
    write("a", "1");
    final CachedView view = new CachedView(store, writes::get, 1024);
    store.duringRead = () -> write("a", "2");
    assertEquals("1", read(view, "a"));
    store.duringRead = () -> {};

    assertEquals("2", read(view, "a"));
    assertEquals("2", read(view, "a"));
    assertEquals(2, reads);
  }

  @Test
  void shouldStartOverPastItsBudget() {
    write("a", "0123456789");
    write("b", "0123456789");
    final CachedView view = new CachedView(store, writes::get, 15);

    read(view, "a");
    read(view, "b");
    read(view, "a");

    assertEquals(3, reads);
  }

  private void write(final String key, final String value) {
    values.put(key(key), value.getBytes(StandardCharsets.UTF_8));
    writes.incrementAndGet();
  }

  private static String read(final CachedView view, final String key) {
    final byte[] value = view.get(key(key));
    return new String(value, StandardCharsets.UTF_8);
  }

  private static Bytes key(final String key) {
    return Bytes.wrap(key.getBytes(StandardCharsets.UTF_8));
  }
}
