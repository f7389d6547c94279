package io.ksr.writer;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.Errors;
import io.ksr.domain.RegistryException;
import io.ksr.store.StoreProgress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RecordTooLargeException;

/**
 * Turns a write request on this instance into a command for the writer and waits for the result.
 *
 * <p>While a new writer is still reading {@code _schemas} it answers "not ready", and the command
 * is sent again until the request's deadline.
 *
 * <p>The result completes only when the writer has replied and this instance's own store shows what
 * the writer's decision was based on, so a client that reads right after writing, on the same
 * instance, sees its write.
 */
public final class CommandSubmitter implements AutoCloseable {
  private static final long RETRY_BACKOFF_MS = 100;
  private static final int ANSWER_THREADS = 2;

  private final Producer<byte[], byte[]> producer;
  private final String commandsTopic;
  private final ReplyListener replies;
  private final StoreProgress progress;
  private final WriterLocator locator;
  private final long timeoutMs;
  private final AtomicInteger answerThreads = new AtomicInteger();

  /**
   * Where a request's result is completed, and so where its HTTP response is written: not on the
   * threads that read replies and apply the store, which every waiting request and every other
   * write's read-back depends on.
   */
  private final ExecutorService answers =
      Executors.newFixedThreadPool(
          ANSWER_THREADS,
          task -> {
            final Thread thread =
                new Thread(task, "ksr-write-answers-" + answerThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param timeout how long a request may wait for the writer and the store ({@code
   *     kafkastore.timeout.ms})
   */
  public CommandSubmitter(
      final Producer<byte[], byte[]> producer,
      final String commandsTopic,
      final ReplyListener replies,
      final StoreProgress progress,
      final WriterLocator locator,
      final Duration timeout) {
    this.producer = Objects.requireNonNull(producer, "producer can't be null");
    this.commandsTopic = Objects.requireNonNull(commandsTopic, "commandsTopic can't be null");
    this.replies = Objects.requireNonNull(replies, "replies can't be null");
    this.progress = Objects.requireNonNull(progress, "progress can't be null");
    this.locator = Objects.requireNonNull(locator, "locator can't be null");
    this.timeoutMs = timeout.toMillis();
  }

  /**
   * Has the writer carry out a command; fails with the writer's error, or 50002 when it does not
   * answer in time.
   *
   * @param expected the outcome the command has when it succeeds
   */
  public <T extends Outcome> CompletableFuture<T> submit(
      final Command command, final Class<T> expected) {
    final long deadline = System.currentTimeMillis() + timeoutMs;
    final Attempts attempts = new Attempts(command, deadline);
    return attempts
        .next()
        .thenCompose(
            answer ->
                progress
                    .awaitCommand(answer.awaitCommandOffset())
                    .orTimeout(remaining(deadline), TimeUnit.MILLISECONDS)
                    .thenApply(applied -> answer.outcome()))
        .handleAsync((outcome, error) -> result(attempts, expected, outcome, error), answers);
  }

  @Override
  public void close() {
    answers.shutdownNow();
  }

  /** The sends of one request: again while the writer is not ready, until the deadline. */
  private final class Attempts {
    private final Command command;
    private final long deadline;
    private volatile boolean accepted;
    private volatile Outcome.NotReady lastNotReady;

    Attempts(final Command command, final long deadline) {
      this.command = command;
      this.deadline = deadline;
    }

    CompletableFuture<Reply> next() {
      return send()
          .thenCompose(
              reply -> {
                if (!(reply.outcome() instanceof Outcome.NotReady notReady)) {
                  return CompletableFuture.completedFuture(reply);
                }
                lastNotReady = notReady;
                if (remaining(deadline) <= RETRY_BACKOFF_MS) {
                  return CompletableFuture.completedFuture(reply);
                }
                return CompletableFuture.runAsync(
                        () -> {},
                        CompletableFuture.delayedExecutor(RETRY_BACKOFF_MS, TimeUnit.MILLISECONDS))
                    .thenCompose(ignored -> next());
              });
    }

    private CompletableFuture<Reply> send() {
      final String requestId = UUID.randomUUID().toString();
      final CompletableFuture<Reply> reply = replies.expect(requestId);
      final byte[] value =
          WriterJson.write(
              new CommandEnvelope(
                  CommandEnvelope.FORMAT, requestId, deadline, remaining(deadline), command));
      try {
        producer.send(
            new ProducerRecord<>(
                commandsTopic, 0, requestId.getBytes(StandardCharsets.UTF_8), value),
            (metadata, error) -> {
              if (error != null) {
                reply.completeExceptionally(error);
              } else {
                accepted = true;
              }
            });
      } catch (final KafkaException e) {
        reply.completeExceptionally(e);
      }
      return reply.orTimeout(remaining(deadline), TimeUnit.MILLISECONDS);
    }

    /** Why the request timed out, in words an operator can act on. */
    String whyTimedOut() {
      if (lastNotReady != null) {
        return "the writer " + writerName() + " was still starting: " + lastNotReady.reason();
      }
      if (!accepted) {
        return "Kafka did not accept the command; is the broker reachable?";
      }
      return locator
          .writer()
          .map(writer -> "the writer " + writer + " did not answer.")
          .orElse(
              "no instance is the writer at the moment; is an instance with"
                  + " leader.eligibility=true running?");
    }

    private String writerName() {
      return locator.writer().orElse("(unknown)");
    }
  }

  private <T extends Outcome> T result(
      final Attempts attempts,
      final Class<T> expected,
      final Outcome outcome,
      final Throwable error) {
    final Command command = attempts.command;
    if (error != null) {
      throw new CompletionException(failure(attempts, unwrap(error)));
    }
    if (outcome instanceof Outcome.NotReady) {
      throw new CompletionException(timeout(attempts));
    }
    if (outcome instanceof Outcome.Failed failed) {
      throw new CompletionException(
          new RegistryException(ErrorCode.fromCode(failed.errorCode()), failed.message()));
    }
    if (!expected.isInstance(outcome)) {
      throw new CompletionException(
          Errors.storeError("The writer answered " + outcome + " to " + command, null));
    }
    return expected.cast(outcome);
  }

  private RegistryException failure(final Attempts attempts, final Throwable error) {
    if (error instanceof RecordTooLargeException) {
      return new RegistryException(
          ErrorCode.SCHEMA_TOO_LARGE,
          attempts.command.operation()
              + " operation failed because schema is too large: Kafka refused the command ("
              + error.getMessage()
              + ")");
    }
    if (error instanceof TimeoutException
        || error instanceof org.apache.kafka.common.errors.TimeoutException) {
      return timeout(attempts);
    }
    return Errors.storeError(
        attempts.command.operation() + " operation failed to reach Kafka: " + error.getMessage(),
        error);
  }

  private RegistryException timeout(final Attempts attempts) {
    return Errors.operationTimeout(
        attempts.command.operation()
            + " operation timed out after "
            + timeoutMs
            + " ms (kafkastore.timeout.ms): "
            + attempts.whyTimedOut()
            + (attempts.accepted ? " It may still be applied." : ""));
  }

  private static Throwable unwrap(final Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  private static long remaining(final long deadline) {
    return Math.max(1, deadline - System.currentTimeMillis());
  }
}
