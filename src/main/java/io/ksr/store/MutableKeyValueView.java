package io.ksr.store;

import org.apache.kafka.common.utils.Bytes;

/** Read and write access to the registry's key-value state. */
public interface MutableKeyValueView extends KeyValueView {
  void put(Bytes key, byte[] value);

  void delete(Bytes key);
}
