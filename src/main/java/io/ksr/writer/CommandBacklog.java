package io.ksr.writer;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Tells the writer whether a command it processes is the last one its stream thread has fetched, so
 * that it can commit at once instead of waiting for the commit interval.
 *
 * <p>Kafka Streams commits on its interval, and between two checks of it the stream thread may wait
 * in its next poll: a lone command would wait that long for its transaction. Committing after every
 * command would instead give each of many concurrent commands a transaction of its own. Committing
 * when the fetched commands run out does both: a lone command commits at once, and commands that
 * arrived together share one transaction. Kafka calls this interceptor on the stream thread that
 * then processes the records, which is why a thread-local value is enough. A value left from before
 * a rewind (the writer reading commands again after an aborted transaction) can only make a command
 * wait for the interval's commit; it never keeps one from being committed.
 */
public final class CommandBacklog implements ConsumerInterceptor<byte[], byte[]> {
  private static final long NONE_FETCHED = -1;
  private static final ThreadLocal<long[]> LAST_FETCHED =
      ThreadLocal.withInitial(() -> new long[] {NONE_FETCHED});

  /** Whether the stream thread has fetched no command after the one at this offset. */
  static boolean isLastFetched(final long offset) {
    return offset >= LAST_FETCHED.get()[0];
  }

  @Override
  public ConsumerRecords<byte[], byte[]> onConsume(final ConsumerRecords<byte[], byte[]> records) {
    final long[] last = LAST_FETCHED.get();
    for (final ConsumerRecord<byte[], byte[]> record : records) {
      last[0] = Math.max(last[0], record.offset());
    }
    return records;
  }

  @Override
  public void onCommit(final Map<TopicPartition, OffsetAndMetadata> offsets) {}

  @Override
  public void close() {}

  @Override
  public void configure(final Map<String, ?> configs) {}
}
