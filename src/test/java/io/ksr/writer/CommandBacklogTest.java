package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class CommandBacklogTest {
  private static final TopicPartition COMMANDS = new TopicPartition("_schemas_commands", 0);

  @Test
  void aCommandIsLastWhenNothingWasFetchedAfterIt() throws Exception {
    onOwnThread(
        () -> {
          final CommandBacklog backlog = new CommandBacklog();
          backlog.onConsume(fetched(3, 4, 5));

          assertFalse(CommandBacklog.isLastFetched(3));
          assertFalse(CommandBacklog.isLastFetched(4));
          assertTrue(CommandBacklog.isLastFetched(5));

          backlog.onConsume(fetched(6));
          assertFalse(CommandBacklog.isLastFetched(5));
          assertTrue(CommandBacklog.isLastFetched(6));
        });
  }

  @Test
  void anEmptyFetchLeavesTheLastCommandAsItWas() throws Exception {
    onOwnThread(
        () -> {
          final CommandBacklog backlog = new CommandBacklog();
          backlog.onConsume(fetched(7, 8));
          backlog.onConsume(fetched());

          assertFalse(CommandBacklog.isLastFetched(7));
          assertTrue(CommandBacklog.isLastFetched(8));
        });
  }

  @Test
  void eachStreamThreadKeepsItsOwnBacklog() throws Exception {
    onOwnThread(() -> new CommandBacklog().onConsume(fetched(100, 101)));

    onOwnThread(() -> assertTrue(CommandBacklog.isLastFetched(0)));
  }

  @Test
  void aWriterWithoutTheInterceptorCommitsEveryCommandAtOnce() throws Exception {
    onOwnThread(() -> assertTrue(CommandBacklog.isLastFetched(0)));
  }

  private static ConsumerRecords<byte[], byte[]> fetched(final long... offsets) {
    final List<ConsumerRecord<byte[], byte[]>> records =
        Arrays.stream(offsets)
            .mapToObj(
                offset ->
                    new ConsumerRecord<byte[], byte[]>(
                        COMMANDS.topic(), COMMANDS.partition(), offset, new byte[0], new byte[0]))
            .toList();
    return new ConsumerRecords<>(
        records.isEmpty() ? Map.of() : Map.of(COMMANDS, records), Map.of());
  }

  /** Stream threads are threads of their own; so is each case here. */
  private static void onOwnThread(final Runnable check) throws Exception {
    final CompletableFuture<Void> done = new CompletableFuture<>();
    final Thread thread =
        new Thread(
            () -> {
              try {
                check.run();
                done.complete(null);
              } catch (final Throwable e) {
                done.completeExceptionally(e);
              }
            });
    thread.start();
    try {
      done.get();
    } catch (final ExecutionException e) {
      throw Optional.ofNullable(e.getCause()).map(Exception.class::cast).orElse(e);
    }
  }
}
