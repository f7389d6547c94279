package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.Versions;
import io.ksr.store.HeaderNames;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryTopology;
import io.ksr.store.StoreProgress;
import io.ksr.store.StoreView;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.store.TopicNames;
import io.ksr.testkit.DriverSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer and the global store together, driven record by record. */
class WriterTopologyTest {
  private static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");
  private static final String STRING = "{\"type\":\"string\"}";
  private static final String RECORD_A =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String RECORD_AB_WITH_DEFAULT =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"x\"}]}";
  private static final String RECORD_AB_NO_DEFAULT =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"b\",\"type\":\"string\"}]}";

  @TempDir Path stateDir;
  private CompletableFuture<Void> catchUp = CompletableFuture.completedFuture(null);
  private final WriterStatus status = new WriterStatus();
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> commands;
  private TestOutputTopic<byte[], byte[]> schemas;
  private TestOutputTopic<byte[], byte[]> replies;
  private RegistryQueries queries;

  @BeforeEach
  void startDriver() {
    startDriver(CompletableFuture.completedFuture(null));
  }

  private void startDriver(final CompletableFuture<Void> writerCatchUp) {
    catchUp = writerCatchUp;
    final StoreProgress progress = new StoreProgress();
    final SchemaProviders providers = SchemaProviders.builtIn();
    final WriterSupplier writer =
        new WriterSupplier(
            new CommandHandler(providers, CompatibilityLevel.BACKWARD),
            providers,
            progress,
            () -> catchUp,
            status,
            "node-1:8081");
    driver =
        new TopologyTestDriver(
            RegistryTopology.withWriter(TOPICS, progress, providers, writer),
            DriverSettings.properties("writer-test", stateDir),
            Instant.parse("2026-01-01T00:00:00Z"));
    final ByteArraySerializer serializer = new ByteArraySerializer();
    final ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
    commands = driver.createInputTopic(TOPICS.commands(), serializer, serializer);
    schemas = driver.createOutputTopic(TOPICS.schemas(), deserializer, deserializer);
    replies = driver.createOutputTopic(TOPICS.replies(), deserializer, deserializer);
    queries =
        RegistryQueries.over(
            new StoreView(driver.<Bytes, byte[]>getKeyValueStore(RegistryTopology.SCHEMAS_STORE)),
            providers,
            CompatibilityLevel.BACKWARD);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldRegisterFirstSchemaWithIdOneVersionOne() {
    final Outcome outcome = send(Command.RegisterSchema.of("t-value", null, STRING));

    assertEquals(new Outcome.Registered(1, 1), outcome);
    final List<TestRecord<byte[], byte[]>> written = schemas.readRecordsToList();
    assertEquals(1, written.size());
    assertEquals(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}",
        text(written.get(0).key()));
    assertEquals(
        "{\"subject\":\"t-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\","
            + "\"deleted\":false}",
        text(written.get(0).value()));
    assertEquals(
        "\"string\"", queries.subjects().version("t-value", Versions.LATEST).schema().schema());
    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());
  }

  @Test
  void shouldReturnExistingIdWithoutWritingWhenSameSchemaIsRegisteredAgain() {
    send(Command.RegisterSchema.of("t-value", null, STRING));
    schemas.readRecordsToList();

    final Outcome again = send(Command.RegisterSchema.of("t-value", null, " \"string\" "));

    assertEquals(new Outcome.Registered(1, 1), again);
    assertTrue(schemas.isEmpty());
    assertEquals(List.of(1), queries.subjects().versions("t-value", Visibility.LIVE));
  }

  @Test
  void shouldReuseIdAcrossSubjectsAndNumberVersionsPerSubject() {
    send(Command.RegisterSchema.of("a", null, RECORD_A));
    send(Command.RegisterSchema.of("a", null, RECORD_AB_WITH_DEFAULT));

    final Outcome other = send(Command.RegisterSchema.of("b", null, RECORD_AB_WITH_DEFAULT));
    final Outcome fresh = send(Command.RegisterSchema.of("b", null, STRING));

    assertEquals(new Outcome.Registered(2, 1), other);
    assertEquals(
        new Outcome.Failed(
            ErrorCode.INCOMPATIBLE_SCHEMA.code(), ((Outcome.Failed) fresh).message()),
        fresh);
    assertEquals(List.of("a", "b"), queries.subjects().subjects(null, Visibility.LIVE));
  }

  @Test
  void shouldAllocateIncreasingIdsAndVersions() {
    send(Command.RegisterSchema.of("s", null, RECORD_A));
    final Outcome second = send(Command.RegisterSchema.of("s", null, RECORD_AB_WITH_DEFAULT));
    final Outcome third = send(Command.RegisterSchema.of("other", null, STRING));

    assertEquals(new Outcome.Registered(2, 2), second);
    assertEquals(new Outcome.Registered(3, 1), third);
    assertEquals(List.of(1, 2), queries.subjects().versions("s", Visibility.LIVE));
  }

  @Test
  void shouldRejectIncompatibleSchemaWith40901NamingTheProblem() {
    send(Command.RegisterSchema.of("s", null, RECORD_A));
    schemas.readRecordsToList();

    final Outcome outcome = send(Command.RegisterSchema.of("s", null, RECORD_AB_NO_DEFAULT));

    final Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, outcome);
    assertEquals(40901, failed.errorCode());
    assertTrue(failed.message().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), failed.message());
    assertTrue(failed.message().contains("subject \"s\""), failed.message());
    assertTrue(schemas.isEmpty());
  }

  @Test
  void shouldAcceptAnySchemaOnceCompatibilityIsNone() {
    send(Command.RegisterSchema.of("s", null, RECORD_A));

    final Outcome config = send(updateLevel("s", "none"));
    final Outcome outcome = send(Command.RegisterSchema.of("s", null, RECORD_AB_NO_DEFAULT));

    assertEquals(new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.NONE)), config);
    assertEquals(new Outcome.Registered(2, 2), outcome);
    assertEquals(
        CompatibilityLevel.NONE, queries.settings().storedConfig("s").orElseThrow().level());
    assertEquals(CompatibilityLevel.BACKWARD, queries.settings().globalCompatibility());
  }

  @Test
  void shouldWriteGlobalConfigInConfluentsLayout() {
    final Outcome outcome = send(updateLevel(null, "FULL"));

    assertEquals(new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.FULL)), outcome);
    final TestRecord<byte[], byte[]> written = schemas.readRecord();
    assertEquals("{\"keytype\":\"CONFIG\",\"magic\":0}", text(written.key()));
    assertEquals("{\"compatibilityLevel\":\"FULL\"}", text(written.value()));
    assertEquals(CompatibilityLevel.FULL, queries.settings().globalCompatibility());
  }

  @Test
  void shouldRefuseInvalidInputWithConfluentCodes() {
    assertEquals(42201, failure(Command.RegisterSchema.of("s", null, "{\"type\":\"nope\"}")));
    assertEquals(42201, failure(Command.RegisterSchema.of("s", null, "")));
    assertEquals(42201, failure(Command.RegisterSchema.of("s", "XML", STRING)));
    assertEquals(42203, failure(updateLevel("s", "SIDEWAYS")));
    assertEquals(42208, failure(Command.RegisterSchema.of("bad\u0001subject", null, STRING)));
    assertTrue(schemas.isEmpty());
  }

  @Test
  void shouldDropCommandsWhoseDeadlinePassed() {
    final String requestId = UUID.randomUUID().toString();
    final long past = Instant.parse("2025-12-31T00:00:00Z").toEpochMilli();
    commands.pipeInput(
        requestId.getBytes(StandardCharsets.UTF_8),
        WriterJson.write(
            new CommandEnvelope(
                CommandEnvelope.FORMAT,
                requestId,
                past,
                Command.RegisterSchema.of("s", null, STRING))));

    final Reply reply = readReply();
    assertEquals(50002, ((Outcome.Failed) reply.outcome()).errorCode());
    assertTrue(schemas.isEmpty());
    final RegistryException missing =
        assertThrows(
            RegistryException.class, () -> queries.subjects().versions("s", Visibility.LIVE));
    assertEquals(ErrorCode.SUBJECT_NOT_FOUND, missing.errorCode());
  }

  @Test
  void shouldAskRequesterToWaitForTheCommandThatWroteWhatTheDecisionSaw() {
    send(Command.RegisterSchema.of("s", null, STRING));
    final Reply first = lastReply;
    send(Command.RegisterSchema.of("s", null, STRING));
    final Reply again = lastReply;

    assertEquals(0, first.awaitCommandOffset());
    assertEquals(0, again.awaitCommandOffset());
  }

  @Test
  void shouldSkipCommandsThatAreNotJson() {
    commands.pipeInput(
        "k".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8));

    assertTrue(replies.isEmpty());
    assertEquals(new Outcome.Registered(1, 1), send(Command.RegisterSchema.of("s", null, STRING)));
  }

  @Test
  void shouldAnswerNotReadyUntilItHasReadTheWholeSchemasTopic() {
    driver.close();
    final CompletableFuture<Void> barrier = new CompletableFuture<>();
    startDriver(barrier);

    final Outcome early = send(Command.RegisterSchema.of("s", null, STRING));
    final long earlyAwait = lastReply.awaitCommandOffset();
    barrier.complete(null);
    final Outcome later = send(Command.RegisterSchema.of("s", null, STRING));

    assertInstanceOf(Outcome.NotReady.class, early);
    assertEquals(-1, earlyAwait);
    assertEquals(new Outcome.Registered(1, 1), later);
    assertEquals(1, schemas.readRecordsToList().size());
  }

  @Test
  void shouldStampEveryRecordWithTheWriterAndTheLastWithTheCommandOffset() {
    send(updateLevel(null, "NONE"));
    send(Command.RegisterSchema.of("s", null, STRING));

    final List<TestRecord<byte[], byte[]>> written = schemas.readRecordsToList();
    assertEquals(2, written.size());
    for (int i = 0; i < written.size(); i++) {
      final var headers = written.get(i).headers();
      assertEquals("node-1:8081", text(headers.lastHeader(HeaderNames.WRITER).value()));
      assertEquals(
          Integer.toString(i), text(headers.lastHeader(HeaderNames.COMMAND_OFFSET).value()));
    }
  }

  @Test
  void shouldKnowWhileItIsTheWriter() {
    assertTrue(status.isWriter());

    driver.close();

    assertEquals(false, status.isWriter());
    startDriver();
  }

  private Reply lastReply;

  private Outcome send(final Command command) {
    final String requestId = UUID.randomUUID().toString();
    commands.pipeInput(
        requestId.getBytes(StandardCharsets.UTF_8),
        WriterJson.write(
            new CommandEnvelope(
                CommandEnvelope.FORMAT,
                requestId,
                Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofHours(1)).toEpochMilli(),
                command)));
    lastReply = readReply();
    assertEquals(requestId, lastReply.requestId());
    return lastReply.outcome();
  }

  private static Command updateLevel(final String subject, final String level) {
    return new Command.UpdateConfig(
        subject, JsonNodeFactory.instance.objectNode().put("compatibility", level));
  }

  private int failure(final Command command) {
    return assertInstanceOf(Outcome.Failed.class, send(command)).errorCode();
  }

  private Reply readReply() {
    try {
      return WriterJson.read(replies.readValue(), Reply.class);
    } catch (final IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String text(final byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
