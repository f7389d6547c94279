package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A context whose ids, or a subject whose versions, have run out (an IMPORT took the highest one):
 * only what would need a new one is refused, with an error that says so, and the writer goes on.
 */
class ExhaustedNumbersTest {
  private static final int HIGHEST = Integer.MAX_VALUE;
  private static final String STRING = "\"string\"";
  private static final String INT = "\"int\"";
  private static final String LONG = "\"long\"";

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
  void shouldRefuseANewIdOnceTheContextHasNoneLeftAndKeepDoingEverythingElse() {
    assertEquals(new Outcome.Registered(HIGHEST, 1), imported("imported", STRING, HIGHEST, 1));
    writer.written();

    assertRefusedWritingNothing(
        Command.RegisterSchema.of("fresh", null, INT), "Context '.' has no schema ids left");
    assertEquals(
        new Outcome.Registered(HIGHEST, 1),
        writer.send(Command.RegisterSchema.of("other", null, STRING)),
        "a schema the context has keeps its id in another subject");
    assertEquals(
        new Outcome.Deleted(List.of(1)), writer.send(new Command.DeleteVersion("other", 1, false)));
    assertEquals(
        new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.NONE)),
        writer.send(noCompatibility(null)));
    assertEquals(
        new Outcome.Registered(1, 1),
        writer.send(Command.RegisterSchema.of(":.elsewhere:fresh", null, INT)),
        "another context has ids of its own");
  }

  @Test
  void shouldRefuseANewVersionOnceTheSubjectHasNoneLeftAndLetOtherSubjectsGrow() {
    assertEquals(new Outcome.Registered(5, HIGHEST), imported("full", STRING, 5, HIGHEST));
    writer.send(noCompatibility("full"));
    writer.written();

    assertRefusedWritingNothing(
        Command.RegisterSchema.of("full", null, INT), "Subject 'full' has no versions left");
    assertEquals(
        new Outcome.Registered(5, HIGHEST),
        writer.send(Command.RegisterSchema.of("full", null, STRING)),
        "the schema the subject has is still answered");
    assertEquals(
        new Outcome.Registered(6, 1), writer.send(Command.RegisterSchema.of("other", null, INT)));
    assertEquals(
        new Outcome.Registered(7, 2), writer.send(Command.RegisterSchema.of("other", null, LONG)));
  }

  @Test
  void shouldNeverLetAnImportedIdOrVersionOutOfRangeReachTheStore() {
    writer.send(new Command.UpdateMode("imported", "IMPORT", false));

    final Outcome.Failed noId =
        assertInstanceOf(Outcome.Failed.class, writer.send(importing("imported", STRING, -3, 1)));
    final Outcome nextVersion = writer.send(importing("imported", STRING, 4, -3));

    assertEquals(42205, noId.errorCode(), "a negative id names none, and IMPORT needs one");
    assertEquals(new Outcome.Registered(4, 1), nextVersion, "a version below 1 asks for the next");
  }

  private void assertRefusedWritingNothing(final Command command, final String why) {
    final Outcome.Failed refused = assertInstanceOf(Outcome.Failed.class, writer.send(command));
    assertEquals(42205, refused.errorCode(), refused.message());
    assertTrue(refused.message().startsWith(why), refused.message());
    assertTrue(writer.written().isEmpty());
  }

  private Outcome imported(
      final String subject, final String schema, final int id, final int version) {
    writer.send(new Command.UpdateMode(subject, "IMPORT", false));
    final Outcome outcome = writer.send(importing(subject, schema, id, version));
    writer.send(new Command.UpdateMode(subject, "READWRITE", false));
    return outcome;
  }

  private static Command.RegisterSchema importing(
      final String subject, final String schema, final int id, final int version) {
    return new Command.RegisterSchema(
        subject, null, schema, List.of(), null, null, id, version, false, false, null);
  }

  private static Command noCompatibility(final String subject) {
    return new Command.UpdateConfig(
        subject, JsonNodeFactory.instance.objectNode().put("compatibility", "NONE"));
  }
}
