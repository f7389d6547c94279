package io.ksr.writer;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the writer's replies and hands each to the request on this instance that waits for it.
 * Every instance reads every reply; replies to other instances' requests are simply not expected.
 */
public final class ReplyListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReplyListener.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(500);

  private final Consumer<byte[], byte[]> consumer;
  private final TopicPartition partition;
  private final Map<String, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param consumer a consumer that reads committed records only and belongs to no group
   */
  public ReplyListener(final Consumer<byte[], byte[]> consumer, final String repliesTopic) {
    this.consumer = Objects.requireNonNull(consumer, "consumer can't be null");
    this.partition = new TopicPartition(repliesTopic, 0);
    this.thread = new Thread(this::run, "ksr-reply-listener");
    this.thread.setDaemon(true);
  }

  /** Starts reading at the end of the reply topic; replies sent before this are not needed. */
  public void start() {
    consumer.assign(List.of(partition));
    consumer.seekToEnd(List.of(partition));
    // Resolve the end offset now, so no reply to a request sent after start() can be skipped.
    consumer.position(partition);
    thread.start();
  }

  /** A future for the reply to {@code requestId}; register it before sending the command. */
  public CompletableFuture<Reply> expect(final String requestId) {
    final CompletableFuture<Reply> future = new CompletableFuture<>();
    pending.put(requestId, future);
    future.whenComplete((reply, error) -> pending.remove(requestId, future));
    return future;
  }

  /** How many sent commands still await their reply. */
  public int pendingCount() {
    return pending.size();
  }

  private void run() {
    while (running) {
      try {
        for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL_TIMEOUT)) {
          deliver(record);
        }
      } catch (final WakeupException e) {
        return;
      } catch (final RuntimeException e) {
        LOG.warn("Reading replies failed; retrying: {}", e.toString());
        pause();
      }
    }
  }

  private void deliver(final ConsumerRecord<byte[], byte[]> record) {
    final Reply reply;
    try {
      reply = WriterJson.read(record.value(), Reply.class);
    } catch (final IOException e) {
      LOG.warn("Skipped reply at offset {}: {}", record.offset(), e.getMessage());
      return;
    }
    final CompletableFuture<Reply> waiting = pending.get(reply.requestId());
    if (waiting != null) {
      waiting.complete(reply);
    }
  }

  private void pause() {
    try {
      Thread.sleep(POLL_TIMEOUT.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      thread.join(Duration.ofSeconds(10).toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    consumer.close();
  }
}
