package io.ksr.writer;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.HeaderNames;
import io.ksr.store.OverlayView;
import io.ksr.store.RegistryTopology;
import io.ksr.store.SchemasApplier;
import io.ksr.store.StoreProgress;
import io.ksr.store.StoreView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer: turns each command into {@code _schemas} records and a reply, in the same
 * exactly-once transaction as the command's offset commit.
 *
 * <p>Kafka Streams runs this processor on the one instance that owns the command topic's only
 * partition. If that instance stalls and the partition moves, the stalled instance can no longer
 * commit, so whatever it appended is aborted and never read (the global store reads committed
 * records only).
 *
 * <p>It decides from the global store plus an overlay of what it wrote and its global store has not
 * shown yet. Before its first command it waits until its store has read a barrier record appended
 * after everything earlier writers committed.
 */
final class WriterProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(WriterProcessor.class);
  private static final long NOTHING_TO_AWAIT = -1;

  /**
   * A command that comes this long after the one before finds the writer idle. Shorter than a
   * registration's round trip, so that one client registering schemas one after another is never
   * kept waiting; longer than the gaps between the commands of many clients at once, so that those
   * share the interval's commits.
   */
  private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

  /** Below Kafka's default limits for one record (1 MiB), with room for its headers. */
  static final int MAX_RECORD_BYTES = 1_000_000;

  /** What a record batch holding one record adds to it, headers included, with room to spare. */
  private static final int BATCH_OVERHEAD_BYTES = 1_024;

  private final CommandHandler handler;
  private final SchemaProviders providers;
  private final StoreProgress progress;
  private final WriterCatchUp catchUp;
  private final CommandClock clock;
  private final int maxRecordBytes;
  private final WriterStatus status;
  private final byte[] instanceId;
  private final byte[] commandTopicId;

  private ProcessorContext<byte[], byte[]> context;
  private OverlayView overlay;
  private SchemasApplier overlayApplier;
  private CompletableFuture<Void> caughtUp;
  private long lastWrittenCommand = -1;
  private long lastCommandNanos = System.nanoTime() - QUIET_NANOS;

  WriterProcessor(
      final CommandHandler handler,
      final SchemaProviders providers,
      final StoreProgress progress,
      final WriterCatchUp catchUp,
      final CommandClock clock,
      final int maxMessageBytes,
      final WriterStatus status,
      final String instanceId) {
    this.handler = handler;
    this.providers = providers;
    this.progress = progress;
    this.catchUp = catchUp;
    this.clock = clock;
    // A topic that takes less than Kafka's default would refuse the append, fail the transaction
    // and the command with it, again and again.
    this.maxRecordBytes = Math.min(MAX_RECORD_BYTES, maxMessageBytes - BATCH_OVERHEAD_BYTES);
    this.status = status;
    this.instanceId = instanceId.getBytes(StandardCharsets.UTF_8);
    this.commandTopicId = progress.commandTopicId().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void init(final ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    final ReadOnlyKeyValueStore<Bytes, byte[]> store =
        context.getStateStore(RegistryTopology.SCHEMAS_STORE);
    this.overlay = new OverlayView(new StoreView(store));
    this.overlayApplier = SchemasApplier.forOwnWrites(overlay, providers);
    this.caughtUp = catchUp.begin();
    clock.measure();
    caughtUp.thenRun(
        () -> LOG.info("The writer has read all of the schemas topic; handling commands"));
    status.set(true);
    LOG.info("This instance is now the registry's writer (task {})", context.taskId());
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    final long offset = context.recordMetadata().map(RecordMetadata::offset).orElseThrow();
    final long arrived = System.nanoTime();
    final boolean foundIdle = arrived - lastCommandNanos >= QUIET_NANOS;
    lastCommandNanos = arrived;
    if (record.value() == null && Arrays.equals(record.key(), BrokerClock.PROBE_KEY)) {
      return;
    }
    final CommandEnvelope envelope;
    try {
      envelope = WriterJson.read(record.value(), CommandEnvelope.class);
    } catch (final IOException e) {
      LOG.warn("Skipped command at offset {}: it is not a command ({})", offset, e.getMessage());
      return;
    }
    if (envelope.format() > CommandEnvelope.FORMAT) {
      final Outcome unreadable =
          new Outcome.Failed(
              ErrorCode.INTERNAL_SERVER_ERROR.code(),
              "The writer runs an older version that cannot read command format "
                  + envelope.format());
      reply(record, envelope, unreadable, NOTHING_TO_AWAIT);
    } else if (expired(record, envelope)) {
      reply(
          record,
          envelope,
          timedOut(envelope, "it expired before the writer got to it"),
          NOTHING_TO_AWAIT);
    } else if (!caughtUp()) {
      // Waiting here would hold the stream thread, and possibly an open transaction; the
      // requester asks again instead.
      reply(
          record,
          envelope,
          new Outcome.NotReady("the writer has not yet read all of the schemas topic"),
          NOTHING_TO_AWAIT);
    } else {
      final Outcome outcome = decide(envelope.command(), offset);
      // The requester answers once its own store shows everything this decision could see.
      reply(
          record, envelope, outcome, Math.max(lastWrittenCommand, progress.appliedCommandOffset()));
    }
    maybeCommit(offset, foundIdle);
  }

  /**
   * Commits at once a command that found the writer idle and has no fetched command behind it; the
   * commands of a busy writer share the commit interval's transactions instead of taking one each.
   */
  private void maybeCommit(final long offset, final boolean foundIdle) {
    if (foundIdle && CommandBacklog.isLastFetched(offset)) {
      context.commit();
    }
  }

  private void reply(
      final Record<byte[], byte[]> command,
      final CommandEnvelope envelope,
      final Outcome outcome,
      final long awaitCommandOffset) {
    context.forward(
        new Record<>(
            envelope.requestId().getBytes(StandardCharsets.UTF_8),
            WriterJson.write(new Reply(envelope.requestId(), outcome, awaitCommandOffset)),
            command.timestamp()),
        RegistryTopology.REPLIES_SINK);
  }

  @Override
  public void close() {
    status.set(false);
    LOG.info("This instance stopped being the registry's writer");
  }

  private Outcome decide(final Command command, final long offset) {
    if (progress.appliedCommandOffset() >= lastWrittenCommand) {
      overlay.clear();
    }
    final Decision decision;
    try {
      decision = handler.handle(command, overlay);
    } catch (final RegistryException e) {
      return new Outcome.Failed(e.errorCode().code(), e.getMessage());
    } catch (final RuntimeException e) {
      return failed(command, offset, "could not be decided", e);
    }
    for (final WriteRecord record : decision.records()) {
      if (record.sizeInBytes() > maxRecordBytes) {
        // Kafka would refuse the record and fail the transaction, and the command with it, again
        // and again: refuse it here instead.
        return new Outcome.Failed(
            ErrorCode.SCHEMA_TOO_LARGE.code(),
            command.operation()
                + " operation failed because schema is too large: the record would have "
                + record.sizeInBytes()
                + " bytes, more than the "
                + maxRecordBytes
                + " that the schemas topic takes");
      }
    }
    // Every record goes into the writer's view before any is sent, so that a record the view
    // refuses leaves nothing of its command behind: the command is answered and skipped, where a
    // failed task would read it again, and fail again, for good.
    try {
      overlay.allOrNothing(
          () -> {
            for (final WriteRecord record : decision.records()) {
              overlayApplier.apply(record.record(), record.key());
            }
          });
    } catch (final RuntimeException e) {
      return failed(
          command, offset, "was refused by the writer's own view, so none of it is written", e);
    }
    write(decision.records(), offset);
    return decision.outcome();
  }

  /**
   * The answer to a command that failed for a reason of its own, which the writer logs and skips.
   * Kafka Streams' own exceptions say the task failed, not the command: the transaction is lost
   * with everything it held, so they go on to Kafka Streams, which starts the task again.
   */
  private static Outcome failed(
      final Command command, final long offset, final String what, final RuntimeException e) {
    if (e instanceof StreamsException streams) {
      throw streams;
    }
    LOG.error("Command at offset {} {}: {}", offset, what, command, e);
    return new Outcome.Failed(
        ErrorCode.INTERNAL_SERVER_ERROR.code(), command.operation() + " operation failed: " + e);
  }

  /**
   * Sends a decision's records, which the writer's view already shows. Only Kafka fails a send (a
   * fenced or failed producer), and then the transaction is lost: the exception reaches Kafka
   * Streams, which drops this processor and its view with it.
   */
  private void write(final List<WriteRecord> records, final long offset) {
    for (int i = 0; i < records.size(); i++) {
      final WriteRecord record = records.get(i);
      final RecordHeaders headers = new RecordHeaders();
      headers.add(HeaderNames.WRITER, instanceId);
      if (i == records.size() - 1) {
        headers.add(
            HeaderNames.COMMAND_OFFSET, Long.toString(offset).getBytes(StandardCharsets.UTF_8));
        headers.add(HeaderNames.COMMAND_TOPIC, commandTopicId);
      }
      context.forward(
          new Record<>(record.key(), record.value(), context.currentSystemTimeMs(), headers),
          RegistryTopology.SCHEMAS_SINK);
    }
    if (!records.isEmpty()) {
      lastWrittenCommand = offset;
    }
  }

  private boolean caughtUp() {
    if (caughtUp.isCompletedExceptionally()) {
      LOG.warn("The writer could not mark the end of the schemas topic; trying again");
      caughtUp = catchUp.begin();
    }
    return caughtUp.isDone() && !caughtUp.isCompletedExceptionally();
  }

  /**
   * Whether the requester has stopped waiting for a command: its timeout has passed since the
   * broker appended it, both read on the broker's clock. An envelope without a timeout comes from
   * an older requester and carries only a deadline on that requester's clock.
   */
  private boolean expired(final Record<byte[], byte[]> record, final CommandEnvelope envelope) {
    if (envelope.timeoutMs() <= 0) {
      return context.currentSystemTimeMs() > envelope.deadline();
    }
    final OptionalLong now = clock.now();
    if (now.isEmpty() || now.getAsLong() - record.timestamp() <= envelope.timeoutMs()) {
      return false;
    }
    status.commandExpired(now.getAsLong() - record.timestamp());
    return true;
  }

  private static Outcome timedOut(final CommandEnvelope envelope, final String why) {
    return new Outcome.Failed(
        ErrorCode.OPERATION_TIMEOUT.code(),
        envelope.command().operation() + " operation timed out: " + why);
  }
}
