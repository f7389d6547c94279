package io.ksr.store;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how far the store has read {@code _schemas} while an instance catches up at start-up, so
 * that a long catch-up shows progress instead of silence.
 */
public final class CatchUpLogger implements StateRestoreListener {
  private static final Logger LOG = LoggerFactory.getLogger(CatchUpLogger.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private long startOffset;
  private long endOffset;
  private long started;
  private long lastLogged;

  @Override
  public void onRestoreStart(
      final TopicPartition partition,
      final String storeName,
      final long startingOffset,
      final long endingOffset) {
    startOffset = startingOffset;
    endOffset = endingOffset;
    started = System.nanoTime();
    lastLogged = started;
    LOG.info(
        "Catching up on {}: reading offsets {} to {} ({} records at most)",
        partition,
        startingOffset,
        endingOffset,
        endingOffset - startingOffset);
  }

  @Override
  public void onBatchRestored(
      final TopicPartition partition,
      final String storeName,
      final long batchEndOffset,
      final long numRestored) {
    final long now = System.nanoTime();
    if (now - lastLogged >= LOG_EVERY_NANOS) {
      lastLogged = now;
      final long total = Math.max(1, endOffset - startOffset);
      LOG.info(
          "Catching up on {}: at offset {} of {} ({}%)",
          partition, batchEndOffset, endOffset, (batchEndOffset - startOffset) * 100 / total);
    }
  }

  @Override
  public void onRestoreEnd(
      final TopicPartition partition, final String storeName, final long totalRestored) {
    LOG.info(
        "Caught up on {}: read {} records in {} ms",
        partition,
        totalRestored,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }
}
