package io.ksr.store;

import java.util.Objects;
import java.util.function.BiPredicate;
import org.apache.kafka.common.serialization.BytesSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** A {@link KeyValueView} over a Kafka Streams key-value store. */
public class StoreView implements KeyValueView {
  private static final BytesSerializer PREFIX_SERIALIZER = new BytesSerializer();

  private final ReadOnlyKeyValueStore<Bytes, byte[]> store;

  public StoreView(final ReadOnlyKeyValueStore<Bytes, byte[]> store) {
    this.store = Objects.requireNonNull(store, "store can't be null");
  }

  @Override
  public byte[] get(final Bytes key) {
    return store.get(key);
  }

  @Override
  public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
    try (KeyValueIterator<Bytes, byte[]> entries = store.prefixScan(prefix, PREFIX_SERIALIZER)) {
      while (entries.hasNext()) {
        final KeyValue<Bytes, byte[]> entry = entries.next();
        if (!visitor.test(entry.key, entry.value)) {
          return;
        }
      }
    }
  }
}
