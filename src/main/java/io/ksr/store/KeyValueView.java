package io.ksr.store;

import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;

/** Read access to the registry's key-value state, whichever store holds it. */
public interface KeyValueView {
  /** The value of {@code key}, or null. */
  byte[] get(Bytes key);

  /**
   * Visits the entries whose keys start with {@code prefix}, in key order, until the visitor
   * returns false.
   */
  void scan(Bytes prefix, BiPredicate<Bytes, byte[]> visitor);
}
