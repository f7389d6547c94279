package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command whose records the writer's own view refuses is answered, none of it is written, and the
 * writer goes on with the next command.
 */
class UnappliableCommandTest {
  private static final String STRING = "\"string\"";
  private static final String INT = "\"int\"";
  private static final String BYTES = "\"bytes\"";

  @TempDir Path stateDir;

  /**
   * Between a write and its store reading it back, the writer decides from its own view. If another
   * registry sharing the topic takes the next id in that window, the writer's view still thinks the
   * id is free, and the record it decides contradicts the store.
   */
  @Test
  void shouldAnswerARegistrationItsOwnViewRefusesWriteNoneOfItAndGoOn() {
    try (WriterDriver writer = WriterDriver.withLaggingStore(stateDir)) {
      assertEquals(
          new Outcome.Registered(1, 1),
          writer.send(Command.RegisterSchema.of("mine", null, STRING)));
      writer.written();
      writer.appendByAnotherRegistry(
          "{\"keytype\":\"SCHEMA\",\"subject\":\"theirs\",\"version\":1,\"magic\":1}",
          "{\"subject\":\"theirs\",\"version\":1,\"id\":2,\"schema\":\"\\\"bytes\\\"\","
              + "\"deleted\":false}");

      final Outcome.Failed failed =
          assertInstanceOf(
              Outcome.Failed.class, writer.send(Command.RegisterSchema.of("fresh", null, INT)));

      assertEquals(500, failed.errorCode(), failed.message());
      assertTrue(failed.message().startsWith("Register operation failed"), failed.message());
      assertTrue(writer.written().isEmpty(), "nothing of the refused command is written");
      assertEquals(
          new Outcome.Registered(1, 1),
          writer.send(Command.RegisterSchema.of("again", null, STRING)));
      assertEquals(
          new Outcome.ConfigChanged(SchemaConfig.ofLevel(CompatibilityLevel.NONE)),
          writer.send(
              new Command.UpdateConfig(
                  null, JsonNodeFactory.instance.objectNode().put("compatibility", "NONE"))));
      assertEquals(
          new Outcome.Registered(1, 1),
          writer.send(Command.RegisterSchema.of(":.elsewhere:fresh", null, INT)));
      assertEquals(4, writer.written().size(), "a version, a config, a context and a version");
    }
  }

  /**
   * A registration in a context the writer's view has deleted carries a CONTEXT record before its
   * SCHEMA record. When the SCHEMA record is refused, the CONTEXT record must leave the view too,
   * or the view would show a context that no record announced.
   */
  @Test
  void shouldDropEveryRecordOfARefusedCommandFromItsOwnView() {
    try (WriterDriver writer = WriterDriver.withLaggingStore(stateDir)) {
      writer.send(Command.RegisterSchema.of(":.new:mine", null, STRING));
      writer.send(new Command.DeleteSubject(":.new:mine", false));
      writer.send(new Command.DeleteSubject(":.new:mine", true));
      assertEquals(new Outcome.Deleted(List.of()), writer.send(new Command.DeleteContext(".new")));
      writer.written();
      writer.appendByAnotherRegistry(
          "{\"keytype\":\"SCHEMA\",\"subject\":\":.new:theirs\",\"version\":1,\"magic\":1}",
          "{\"subject\":\":.new:theirs\",\"version\":1,\"id\":2,"
              + "\"schema\":\"\\\"bytes\\\"\",\"deleted\":false}");

      final Outcome refused = writer.send(Command.RegisterSchema.of(":.new:fresh", null, INT));
      final Outcome reused = writer.send(Command.RegisterSchema.of(":.new:other", null, BYTES));

      assertEquals(500, assertInstanceOf(Outcome.Failed.class, refused).errorCode());
      assertEquals(new Outcome.Registered(2, 1), reused);
      final List<String> written = writer.written();
      assertEquals(2, written.size(), written.toString());
      assertTrue(written.get(0).contains("\"keytype\":\"CONTEXT\""), written.toString());
    }
  }
}
