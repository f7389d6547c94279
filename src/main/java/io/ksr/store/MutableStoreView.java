package io.ksr.store;

import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/** A {@link MutableKeyValueView} over a Kafka Streams key-value store. */
final class MutableStoreView extends StoreView implements MutableKeyValueView {
  private final KeyValueStore<Bytes, byte[]> store;
  private final Runnable afterWrite;

  /**
   * @param afterWrite runs after each write, once the store holds it
   */
  MutableStoreView(final KeyValueStore<Bytes, byte[]> store, final Runnable afterWrite) {
    super(store);
    this.store = store;
    this.afterWrite = afterWrite;
  }

  @Override
  public void put(final Bytes key, final byte[] value) {
    store.put(key, value);
    afterWrite.run();
  }

  @Override
  public void delete(final Bytes key) {
    store.delete(key);
    afterWrite.run();
  }
}
