package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** The read cache in front of the local store: stale values and scans are never served. */
class CachedViewTest {
  private final TreeMap<Bytes, byte[]> values = new TreeMap<>();
  private final AtomicLong writes = new AtomicLong();
  private int reads;
  private int scans;

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
      scans++;
      for (final Map.Entry<Bytes, byte[]> entry : List.copyOf(values.tailMap(prefix).entrySet())) {
        if (!startsWith(entry.getKey(), prefix)
            || !visitor.test(entry.getKey(), entry.getValue())) {
          return;
        }
        duringRead.run();
      }
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

  @Test
  void shouldScanAPrefixOnceWhileNothingIsWrittenAndAgainAfterAWrite() {
    write("v/s/1", "a");
    write("v/s/2", "b");
    write("v/t/1", "c");
    final CachedView view = new CachedView(store, writes::get, 1024);

    assertEquals(List.of("v/s/1=a", "v/s/2=b"), scan(view, "v/s/"));
    assertEquals(List.of("v/s/1=a", "v/s/2=b"), scan(view, "v/s/"));
    assertEquals(1, scans);

    write("v/s/3", "d");
    assertEquals(List.of("v/s/1=a", "v/s/2=b", "v/s/3=d"), scan(view, "v/s/"));
    assertEquals(2, scans);
  }

  @Test
  void shouldNotKeepAScanItsVisitorStoppedOrAStoreWriteOverlapped() {
    write("v/s/1", "a");
    write("v/s/2", "b");
    final CachedView view = new CachedView(store, writes::get, 1024);

    view.scan(key("v/s/"), (key, value) -> false);
    store.duringRead = () -> write("v/s/9", "z");
    scan(view, "v/s/");
    store.duringRead = () -> {};
    scan(view, "v/s/");
    scan(view, "v/s/");

    assertEquals(3, scans);
  }

  @Test
  void shouldNotKeepAScanOfManyEntries() {
    for (int n = 0; n <= CachedView.MAX_KEPT_SCAN_ENTRIES; n++) {
      write("v/s/" + n, "x");
    }
    final CachedView view = new CachedView(store, writes::get, 1 << 20);

    scan(view, "v/s/");
    scan(view, "v/s/");

    assertEquals(2, scans);
  }

  private List<String> scan(final CachedView view, final String prefix) {
    final List<String> entries = new ArrayList<>();
    view.scan(
        key(prefix),
        (key, value) ->
            entries.add(
                new String(key.get(), StandardCharsets.UTF_8)
                    + "="
                    + new String(value, StandardCharsets.UTF_8)));
    return entries;
  }

  private static boolean startsWith(final Bytes key, final Bytes prefix) {
    final byte[] k = key.get();
    final byte[] p = prefix.get();
    return k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
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
