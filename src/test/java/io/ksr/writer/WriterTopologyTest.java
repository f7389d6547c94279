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
import io.ksr.domain.Versions;
import io.ksr.store.HeaderNames;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.store.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
  private WriterDriver writer;

  @BeforeEach
  void startDriver() {
    writer = new WriterDriver(stateDir, CompletableFuture.completedFuture(null));
  }

  @AfterEach
  void closeDriver() {
    writer.close();
  }

  @Test
  void shouldRegisterFirstSchemaWithIdOneVersionOne() {
    final Outcome outcome = writer.send(Command.RegisterSchema.of("t-value", null, STRING));

    assertEquals(new Outcome.Registered(1, 1), outcome);
    final List<TestRecord<byte[], byte[]>> written = writer.schemas.readRecordsToList();
    assertEquals(1, written.size());
    assertEquals(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"t-value\",\"version\":1,\"magic\":1}",
        WriterDriver.text(written.get(0).key()));
    assertEquals(
        "{\"subject\":\"t-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\","
            + "\"deleted\":false}",
        WriterDriver.text(written.get(0).value()));
    assertEquals(
        "\"string\"",
        writer.queries.subjects().version("t-value", Versions.LATEST).schema().schema());
    assertEquals("\"string\"", writer.queries.schemas().schemaById(1).schema());
  }

  @Test
  void shouldReturnExistingIdWithoutWritingWhenSameSchemaIsRegisteredAgain() {
    writer.send(Command.RegisterSchema.of("t-value", null, STRING));
    writer.schemas.readRecordsToList();

    final Outcome again = writer.send(Command.RegisterSchema.of("t-value", null, " \"string\" "));

    assertEquals(new Outcome.Registered(1, 1), again);
    assertTrue(writer.schemas.isEmpty());
    assertEquals(List.of(1), writer.queries.subjects().versions("t-value", Visibility.LIVE));
  }

  @Test
  void shouldReuseIdAcrossSubjectsAndNumberVersionsPerSubject() {
    writer.send(Command.RegisterSchema.of("a", null, RECORD_A));
    writer.send(Command.RegisterSchema.of("a", null, RECORD_AB_WITH_DEFAULT));

    final Outcome other = writer.send(Command.RegisterSchema.of("b", null, RECORD_AB_WITH_DEFAULT));
    final Outcome fresh = writer.send(Command.RegisterSchema.of("b", null, STRING));

    assertEquals(new Outcome.Registered(2, 1), other);
    assertEquals(
        new Outcome.Failed(
            ErrorCode.INCOMPATIBLE_SCHEMA.code(), ((Outcome.Failed) fresh).message()),
        fresh);
    assertEquals(List.of("a", "b"), writer.queries.subjects().subjects(null, Visibility.LIVE));
  }

  @Test
  void shouldAllocateIncreasingIdsAndVersions() {
    writer.send(Command.RegisterSchema.of("s", null, RECORD_A));
    final Outcome second =
        writer.send(Command.RegisterSchema.of("s", null, RECORD_AB_WITH_DEFAULT));
    final Outcome third = writer.send(Command.RegisterSchema.of("other", null, STRING));

    assertEquals(new Outcome.Registered(2, 2), second);
    assertEquals(new Outcome.Registered(3, 1), third);
    assertEquals(List.of(1, 2), writer.queries.subjects().versions("s", Visibility.LIVE));
  }

  @Test
  void shouldRejectIncompatibleSchemaWith40901NamingTheProblem() {
    writer.send(Command.RegisterSchema.of("s", null, RECORD_A));
    writer.schemas.readRecordsToList();

    final Outcome outcome = writer.send(Command.RegisterSchema.of("s", null, RECORD_AB_NO_DEFAULT));

    final Outcome.Failed failed = assertInstanceOf(Outcome.Failed.class, outcome);
    assertEquals(40901, failed.errorCode());
    assertTrue(failed.message().contains("READER_FIELD_MISSING_DEFAULT_VALUE"), failed.message());
    assertTrue(failed.message().contains("subject \"s\""), failed.message());
    assertTrue(writer.schemas.isEmpty());
  }

  @Test
  void shouldAcceptAnySchemaOnceCompatibilityIsNone() {
    writer.send(Command.RegisterSchema.of("s", null, RECORD_A));

    final Outcome config = writer.send(updateLevel("s", "none"));
    final Outcome outcome = writer.send(Command.RegisterSchema.of("s", null, RECORD_AB_NO_DEFAULT));

    assertEquals(new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.NONE)), config);
    assertEquals(new Outcome.Registered(2, 2), outcome);
    assertEquals(
        CompatibilityLevel.NONE, writer.queries.settings().storedConfig("s").orElseThrow().level());
    assertEquals(CompatibilityLevel.BACKWARD, writer.queries.settings().globalCompatibility());
  }

  @Test
  void shouldWriteGlobalConfigInConfluentsLayout() {
    final Outcome outcome = writer.send(updateLevel(null, "FULL"));

    assertEquals(new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.FULL)), outcome);
    final TestRecord<byte[], byte[]> written = writer.schemas.readRecord();
    assertEquals("{\"keytype\":\"CONFIG\",\"magic\":0}", WriterDriver.text(written.key()));
    assertEquals("{\"compatibilityLevel\":\"FULL\"}", WriterDriver.text(written.value()));
    assertEquals(CompatibilityLevel.FULL, writer.queries.settings().globalCompatibility());
  }

  @Test
  void shouldRefuseInvalidInputWithConfluentCodes() {
    assertEquals(42201, failure(Command.RegisterSchema.of("s", null, "{\"type\":\"nope\"}")));
    assertEquals(42201, failure(Command.RegisterSchema.of("s", null, "")));
    assertEquals(42201, failure(Command.RegisterSchema.of("s", "XML", STRING)));
    assertEquals(42203, failure(updateLevel("s", "SIDEWAYS")));
    assertEquals(42208, failure(Command.RegisterSchema.of("bad\u0001subject", null, STRING)));
    assertTrue(writer.schemas.isEmpty());
  }

  @Test
  void shouldDropCommandsWhoseRequesterStoppedWaitingByTheBrokersClock() {
    // The requester's clock runs an hour ahead: its own deadline has not passed.
    writer.brokerNow = WriterDriver.START.plusSeconds(11);
    final Outcome outcome =
        writer.send(
            Command.RegisterSchema.of("s", null, STRING),
            WriterDriver.START,
            Duration.ofSeconds(10),
            WriterDriver.START.plus(Duration.ofHours(1)));

    assertEquals(50002, ((Outcome.Failed) outcome).errorCode());
    assertTrue(writer.schemas.isEmpty());
    assertTrue(
        writer.status.lagging(Duration.ofSeconds(10)).orElseThrow().contains("11000 ms"),
        "the writer says it does not keep up");
    final RegistryException missing =
        assertThrows(
            RegistryException.class,
            () -> writer.queries.subjects().versions("s", Visibility.LIVE));
    assertEquals(ErrorCode.SUBJECT_NOT_FOUND, missing.errorCode());
  }

  @Test
  void shouldApplyACommandInTimeByTheBrokersClockWhateverTheRequestersClockSays() {
    // The requester's clock runs an hour behind: by it, the deadline passed long ago.
    writer.brokerNow = WriterDriver.START.plusSeconds(9);
    final Outcome outcome =
        writer.send(
            Command.RegisterSchema.of("s", null, STRING),
            WriterDriver.START,
            Duration.ofSeconds(10),
            WriterDriver.START.minus(Duration.ofHours(1)));

    assertEquals(new Outcome.Registered(1, 1), outcome);
  }

  @Test
  void shouldReadPastTheProbesThatMeasureTheBrokersClock() {
    writer.commands.pipeInput(BrokerClock.PROBE_KEY, (byte[]) null);

    assertTrue(writer.replies.isEmpty());
    assertEquals(
        new Outcome.Registered(1, 1), writer.send(Command.RegisterSchema.of("s", null, STRING)));
  }

  @Test
  void shouldAskRequesterToWaitForTheCommandThatWroteWhatTheDecisionSaw() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    final Reply first = writer.lastReply();
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    final Reply again = writer.lastReply();

    assertEquals(0, first.awaitCommandOffset());
    assertEquals(0, again.awaitCommandOffset());
  }

  @Test
  void shouldSkipCommandsThatAreNotJson() {
    writer.commands.pipeInput(
        "k".getBytes(StandardCharsets.UTF_8), "garbage".getBytes(StandardCharsets.UTF_8));

    assertTrue(writer.replies.isEmpty());
    assertEquals(
        new Outcome.Registered(1, 1), writer.send(Command.RegisterSchema.of("s", null, STRING)));
  }

  @Test
  void shouldAnswerNotReadyUntilItHasReadTheWholeSchemasTopic() {
    writer.close();
    final CompletableFuture<Void> barrier = new CompletableFuture<>();
    writer = new WriterDriver(stateDir, barrier);

    final Outcome early = writer.send(Command.RegisterSchema.of("s", null, STRING));
    final long earlyAwait = writer.lastReply().awaitCommandOffset();
    barrier.complete(null);
    final Outcome later = writer.send(Command.RegisterSchema.of("s", null, STRING));

    assertInstanceOf(Outcome.NotReady.class, early);
    assertEquals(-1, earlyAwait);
    assertEquals(new Outcome.Registered(1, 1), later);
    assertEquals(1, writer.schemas.readRecordsToList().size());
  }

  @Test
  void shouldStampEveryRecordWithTheWriterAndTheLastWithTheCommandOffsetAndTopic() {
    writer.send(updateLevel(null, "NONE"));
    writer.send(Command.RegisterSchema.of("s", null, STRING));

    final List<TestRecord<byte[], byte[]>> written = writer.schemas.readRecordsToList();
    assertEquals(2, written.size());
    for (int i = 0; i < written.size(); i++) {
      final var headers = written.get(i).headers();
      assertEquals(
          "node-1:8081", WriterDriver.text(headers.lastHeader(HeaderNames.WRITER).value()));
      assertEquals(
          Integer.toString(i),
          WriterDriver.text(headers.lastHeader(HeaderNames.COMMAND_OFFSET).value()));
      assertEquals(
          "command-topic-id",
          WriterDriver.text(headers.lastHeader(HeaderNames.COMMAND_TOPIC).value()));
    }
  }

  @Test
  void shouldKnowWhileItIsTheWriter() {
    assertTrue(writer.status.isWriter());

    writer.close();

    assertEquals(false, writer.status.isWriter());
    startDriver();
  }

  private static Command updateLevel(final String subject, final String level) {
    return new Command.UpdateConfig(
        subject, JsonNodeFactory.instance.objectNode().put("compatibility", level));
  }

  private int failure(final Command command) {
    return assertInstanceOf(Outcome.Failed.class, writer.send(command)).errorCode();
  }
}
