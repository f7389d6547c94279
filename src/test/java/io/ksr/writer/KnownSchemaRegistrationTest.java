package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.store.CandidateSchemas.Candidate;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registrations of schemas a subject already has: answered from the store by any instance ({@link
 * RegistrationCheck#prepare}) as Confluent's registry answers them before it involves its leader,
 * and answered the same way by the writer, in any mode and without a write.
 */
class KnownSchemaRegistrationTest {
  private static final String STRING = "\"string\"";
  private static final String INT = "\"int\"";
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
  private static final String ADDRESS_WITH_ZIP =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"},"
          + "{\"name\":\"zip\",\"type\":\"string\",\"default\":\"\"}]}";
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"to\",\"type\":\"Address\"}]}";

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
  void shouldAnswerAKnownSchemaInAReadOnlySubjectWithoutAWriteAndRefuseANewOne() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.send(new Command.UpdateMode("s", "READONLY", false));
    writer.written();

    final Command.RegisterSchema again = Command.RegisterSchema.of("s", null, " \"string\" ");
    assertEquals(Optional.of(new Outcome.Registered(1, 1)), prepare(again).known());
    assertEquals(new Outcome.Registered(1, 1), writer.send(again));
    assertTrue(writer.written().isEmpty());

    final RegistrationCheck.Prepared fresh = prepare(Command.RegisterSchema.of("s", null, INT));
    assertTrue(fresh.known().isEmpty());
    assertNotNull(fresh.command().sent(), "the identity travels with the command");
    assertEquals(42205, failed(writer.send(fresh.command())).errorCode());
  }

  @Test
  void shouldAnswerTheVersionWithTheSentMetadataNotTheOneALaterVersionWouldLendIt() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    final Outcome withOwner =
        writer.send(withMetadata(Command.RegisterSchema.of("s", null, STRING)));
    assertEquals(new Outcome.Registered(2, 2), withOwner);
    writer.written();

    final Command.RegisterSchema bare = Command.RegisterSchema.of("s", null, STRING);
    assertEquals(Optional.of(new Outcome.Registered(1, 1)), prepare(bare).known());
    assertEquals(new Outcome.Registered(1, 1), writer.send(bare));
    assertTrue(writer.written().isEmpty());
  }

  @Test
  void shouldLeaveItToTheWriterWhenTheConfigHasDefaultMetadata() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    final ObjectNode config = JsonNodeFactory.instance.objectNode();
    config.set("defaultMetadata", ownerMetadata());
    writer.send(new Command.UpdateConfig("s", config));

    assertTrue(prepare(Command.RegisterSchema.of("s", null, STRING)).known().isEmpty());
  }

  @Test
  void shouldRefuseAKnownSchemaSentWithAnotherIdOutsideImportMode() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    final Command.RegisterSchema withId = registration("s", STRING, 7, null);

    assertTrue(prepare(withId).known().isEmpty());
    assertEquals(42205, failed(writer.send(withId)).errorCode());
  }

  @Test
  void shouldAnswerAnImportOfAKnownSchemaUnderItsIdAndRefuseOneUnderAnotherSchemasId() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.send(Command.RegisterSchema.of("t", null, INT));
    writer.send(new Command.UpdateMode("s", "IMPORT", true));
    writer.written();

    final Command.RegisterSchema same = registration("s", STRING, 1, 1);
    assertEquals(Optional.of(new Outcome.Registered(1, 1)), prepare(same).known());
    assertEquals(new Outcome.Registered(1, 1), writer.send(same));

    final Command.RegisterSchema underIntsId = registration("s", STRING, 2, 2);
    assertTrue(prepare(underIntsId).known().isEmpty());
    final Outcome.Failed refused = failed(writer.send(underIntsId));
    assertEquals(42205, refused.errorCode());
    assertTrue(refused.message().contains("Overwrite new schema with id 2"), refused.message());
    assertTrue(writer.written().isEmpty());
  }

  @Test
  void shouldAnswerASchemaSentWithItsReferencesInlineWithTheVersionThatReferencesThem() {
    writer.send(Command.RegisterSchema.of("address", null, ADDRESS));
    writer.send(
        registration("order", ORDER, List.of(new SchemaReference("Address", "address", 1))));
    writer.written();

    final String inline = ORDER.replace("\"Address\"", ADDRESS);
    final Command.RegisterSchema sentInline = Command.RegisterSchema.of("order", null, inline);
    assertEquals(Optional.of(new Outcome.Registered(2, 1)), prepare(sentInline).known());
    assertEquals(new Outcome.Registered(2, 1), writer.send(sentInline));
    assertTrue(writer.written().isEmpty());
  }

  @Test
  void shouldNotTrustACarriedIdentityThatTheWritersReferencesWouldNotGive() {
    writer.send(Command.RegisterSchema.of("address", null, ADDRESS));
    final Command.RegisterSchema toLatest =
        registration("order", ORDER, List.of(new SchemaReference("Address", "address", -1)));
    assertEquals(new Outcome.Registered(2, 1), writer.send(toLatest));
    // What an instance that has not read address v2 yet computes, and sends with its command.
    final Candidate stale =
        writer
            .queries
            .candidates()
            .parse(
                "order", SchemaType.AVRO, ORDER, toLatest.references(), null, null, false, false);
    writer.send(Command.RegisterSchema.of("address", null, ADDRESS_WITH_ZIP));
    writer.written();

    final Outcome outcome =
        writer.send(
            toLatest.withSent(
                new Command.SentIdentity(
                    stale.identity().toString(), false, stale.entry().references())));

    assertEquals(new Outcome.Registered(4, 2), outcome, "order now references address v2");
  }

  private RegistrationCheck.Prepared prepare(final Command.RegisterSchema command) {
    return RegistrationCheck.prepare(command, writer.queries);
  }

  private static Outcome.Failed failed(final Outcome outcome) {
    return assertInstanceOf(Outcome.Failed.class, outcome);
  }

  private static Command.RegisterSchema registration(
      final String subject, final String schema, final Integer id, final Integer version) {
    return new Command.RegisterSchema(
        subject, null, schema, List.of(), null, null, id, version, false, false, null);
  }

  private static Command.RegisterSchema registration(
      final String subject, final String schema, final List<SchemaReference> references) {
    return new Command.RegisterSchema(
        subject, null, schema, references, null, null, null, null, false, false, null);
  }

  private static Command.RegisterSchema withMetadata(final Command.RegisterSchema command) {
    return new Command.RegisterSchema(
        command.subject(),
        command.schemaType(),
        command.schema(),
        command.references(),
        ownerMetadata(),
        null,
        null,
        null,
        false,
        false,
        null);
  }

  private static JsonNode ownerMetadata() {
    final ObjectNode metadata = JsonNodeFactory.instance.objectNode();
    metadata.putObject("properties").put("owner", "team-a");
    return metadata;
  }
}
