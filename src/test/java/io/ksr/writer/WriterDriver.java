package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryTopology;
import io.ksr.store.StoreProgress;
import io.ksr.store.StoreView;
import io.ksr.store.TopicNames;
import io.ksr.testkit.DriverSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The registry's topology (writer and global store) under {@link TopologyTestDriver}: sends
 * commands as any instance would and reads the writer's replies and {@code _schemas} records.
 */
final class WriterDriver implements AutoCloseable {
  static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");
  static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  final WriterStatus status = new WriterStatus();
  final TopologyTestDriver driver;
  final TestInputTopic<byte[], byte[]> commands;
  final TestInputTopic<byte[], byte[]> sharedSchemas;
  final TestOutputTopic<byte[], byte[]> schemas;
  final TestOutputTopic<byte[], byte[]> replies;
  final RegistryQueries queries;
  private Reply lastReply;

  /** The time on the broker's clock, which stamps commands and which the writer reads. */
  Instant brokerNow = START;

  /**
   * @param catchUp completes when the writer may handle commands
   */
  WriterDriver(final Path stateDir, final CompletableFuture<Void> catchUp) {
    this(stateDir, catchUp, new StoreProgress("command-topic-id"), true);
  }

  private WriterDriver(
      final Path stateDir,
      final CompletableFuture<Void> catchUp,
      final StoreProgress progress,
      final boolean writerSeesProgress) {
    final SchemaProviders providers = SchemaProviders.builtIn();
    final WriterSupplier writer =
        new WriterSupplier(
            new CommandHandler(providers, CompatibilityLevel.BACKWARD),
            providers,
            writerSeesProgress ? progress : new StoreProgress(progress.commandTopicId()),
            () -> catchUp,
            new CommandClock() {
              @Override
              public void measure() {}

              @Override
              public OptionalLong now() {
                return OptionalLong.of(brokerNow.toEpochMilli());
              }
            },
            Integer.MAX_VALUE,
            status,
            "node-1:8081");
    driver =
        new TopologyTestDriver(
            RegistryTopology.withWriter(TOPICS, progress, providers, writer),
            DriverSettings.properties("writer-test", stateDir),
            START);
    final ByteArraySerializer serializer = new ByteArraySerializer();
    final ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
    commands = driver.createInputTopic(TOPICS.commands(), serializer, serializer);
    sharedSchemas = driver.createInputTopic(TOPICS.schemas(), serializer, serializer);
    schemas = driver.createOutputTopic(TOPICS.schemas(), deserializer, deserializer);
    replies = driver.createOutputTopic(TOPICS.replies(), deserializer, deserializer);
    queries =
        RegistryQueries.over(
            new StoreView(driver.<Bytes, byte[]>getKeyValueStore(RegistryTopology.SCHEMAS_STORE)),
            providers,
            CompatibilityLevel.BACKWARD);
  }

  /**
   * A writer whose global store never seems to show its writes, as a store that lags behind the
   * writer looks to it between a write and the store reading it back: the writer keeps deciding
   * from its own view of what it wrote.
   */
  static WriterDriver withLaggingStore(final Path stateDir) {
    return new WriterDriver(
        stateDir,
        CompletableFuture.completedFuture(null),
        new StoreProgress("command-topic-id"),
        false);
  }

  /** Appends a record to {@code _schemas} as another registry sharing the topic would. */
  void appendByAnotherRegistry(final String key, final String value) {
    sharedSchemas.pipeInput(
        key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a command that its requester waits an hour for, and returns the writer's outcome. */
  Outcome send(final Command command) {
    return send(command, brokerNow, Duration.ofHours(1), brokerNow.plus(Duration.ofHours(1)));
  }

  /**
   * Sends a command and returns the writer's outcome.
   *
   * @param appendedAt when the broker appended it, by the broker's clock
   * @param timeout how long after that the requester waits
   * @param requesterDeadline the deadline on the requester's clock, for writers that read it
   */
  Outcome send(
      final Command command,
      final Instant appendedAt,
      final Duration timeout,
      final Instant requesterDeadline) {
    final String requestId = UUID.randomUUID().toString();
    commands.pipeInput(
        requestId.getBytes(StandardCharsets.UTF_8),
        WriterJson.write(
            new CommandEnvelope(
                CommandEnvelope.FORMAT,
                requestId,
                requesterDeadline.toEpochMilli(),
                timeout.toMillis(),
                command)),
        appendedAt);
    lastReply = readReply();
    assertEquals(requestId, lastReply.requestId());
    return lastReply.outcome();
  }

  /** The reply to the last command sent. */
  Reply lastReply() {
    return lastReply;
  }

  /** Reads the next reply. */
  Reply readReply() {
    try {
      return WriterJson.read(replies.readValue(), Reply.class);
    } catch (final IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The {@code _schemas} records written since the last call, as "key -> value" text. */
  List<String> written() {
    return schemas.readRecordsToList().stream().map(WriterDriver::describe).toList();
  }

  static String text(final byte[] bytes) {
    return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
  }

  private static String describe(final TestRecord<byte[], byte[]> record) {
    return text(record.key()) + " -> " + text(record.value());
  }

  @Override
  public void close() {
    driver.close();
  }
}
