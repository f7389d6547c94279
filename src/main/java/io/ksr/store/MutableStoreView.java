package io.ksr.store;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/** A {@link MutableKeyValueView} over a Kafka Streams key-value store. */
final class MutableStoreView extends StoreView implements MutableKeyValueView {
  private final KeyValueStore<Bytes, byte[]> store;

  MutableStoreView(final KeyValueStore<Bytes, byte[]> store) {
    super(store);
    this.store = store;
  }

  @Override
  public void put(final Bytes key, final byte[] value) {
    store.put(key, value);
  }

  @Override
  public void delete(final Bytes key) {
    store.delete(key);
  }
}
