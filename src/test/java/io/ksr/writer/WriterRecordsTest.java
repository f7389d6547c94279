package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ksr.domain.SchemaReference;
import io.ksr.store.SubjectQueries.Visibility;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code _schemas} records each kind of write appends, byte for byte as Confluent's registry
 * writes them, and what the store shows after reading them back.
 */
class WriterRecordsTest {
  private static final String STRING = "\"string\"";
  private static final String INT = "\"int\"";
  private static final String V1 =
      "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}";
  private static final String V2 =
      "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}";

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
  void shouldSoftDeleteAVersionByRewritingItsRecord() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.written();

    assertEquals(
        new Outcome.Deleted(List.of(1)), writer.send(new Command.DeleteVersion("s", 1, false)));

    assertEquals(
        List.of(
            V1
                + " -> {\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\","
                + "\"deleted\":true}"),
        writer.written());
    assertEquals(List.of(1), writer.queries.subjects().versions("s", Visibility.DELETED_ONLY));
  }

  @Test
  void shouldHardDeleteWithATombstoneAndDropTheSubjectsSettingsWithItsLastVersion() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.send(new Command.UpdateConfig("s", level("NONE")));
    writer.send(new Command.UpdateMode("s", "READWRITE", false));
    writer.send(new Command.DeleteSubject("s", false));
    writer.written();

    assertEquals(
        new Outcome.Deleted(List.of(1)), writer.send(new Command.DeleteSubject("s", true)));

    assertEquals(
        List.of(
            V1 + " -> null",
            "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0} -> null",
            "{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0} -> null"),
        writer.written());
    assertTrue(writer.queries.reader().allSubjects().isEmpty());
    assertTrue(writer.queries.settings().storedConfig("s").isEmpty());
  }

  @Test
  void shouldSoftDeleteASubjectWithOneDeleteSubjectRecord() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.send(new Command.UpdateConfig("s", level("NONE")));
    writer.send(Command.RegisterSchema.of("s", null, INT));
    writer.written();

    assertEquals(
        new Outcome.Deleted(List.of(1, 2)), writer.send(new Command.DeleteSubject("s", false)));

    assertEquals(
        List.of(
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"
                + " -> {\"subject\":\"s\",\"version\":2}"),
        writer.written());
    assertEquals(List.of("s"), writer.queries.subjects().subjects(null, Visibility.DELETED_ONLY));
  }

  @Test
  void shouldSupersedeASoftDeletedVersionWithTheSameIdWhenTheSchemaComesBack() {
    writer.send(Command.RegisterSchema.of("s", null, STRING));
    writer.send(new Command.DeleteSubject("s", false));
    writer.written();

    assertEquals(
        new Outcome.Registered(1, 2), writer.send(Command.RegisterSchema.of("s", null, STRING)));

    final List<String> written = writer.written();
    assertEquals(2, written.size());
    assertEquals(V1 + " -> null", written.get(0));
    assertTrue(written.get(1).startsWith(V2), written.get(1));
  }

  @Test
  void shouldKeepTheIdAndVersionAnImportGives() {
    assertEquals(
        new Outcome.ModeChanged("IMPORT"),
        writer.send(new Command.UpdateMode(null, "IMPORT", false)));
    final Outcome imported =
        writer.send(
            new Command.RegisterSchema(
                "s", null, STRING, List.of(), null, null, 42, 7, false, false, null));
    writer.send(new Command.UpdateMode(null, "READWRITE", false));
    final Outcome next = writer.send(Command.RegisterSchema.of("t", null, INT));

    assertEquals(new Outcome.Registered(42, 7), imported);
    assertEquals(new Outcome.Registered(43, 1), next);
    assertEquals(
        List.of(
            "{\"keytype\":\"CLEAR_SUBJECT\",\"magic\":0} -> {}",
            "{\"keytype\":\"MODE\",\"magic\":0} -> {\"mode\":\"IMPORT\"}",
            "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":7,\"magic\":1} ->"
                + " {\"subject\":\"s\",\"version\":7,\"id\":42,\"schema\":\"\\\"string\\\"\","
                + "\"deleted\":false}"),
        writer.written().subList(0, 3));
  }

  @Test
  void shouldAnnounceANewContextBeforeItsFirstSchema() {
    assertEquals(
        new Outcome.Registered(1, 1),
        writer.send(Command.RegisterSchema.of(":.ctx:s", null, STRING)));
    assertEquals(
        new Outcome.Registered(1, 1), writer.send(Command.RegisterSchema.of("s", null, INT)));

    final List<String> written = writer.written();
    assertEquals(
        "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx\",\"magic\":0}"
            + " -> {\"tenant\":\"default\",\"context\":\".ctx\"}",
        written.get(0));
    assertTrue(
        written.get(1).startsWith("{\"keytype\":\"SCHEMA\",\"subject\":\":.ctx:s\""),
        written.get(1));
    assertEquals(3, written.size());
    assertEquals(List.of(".", ".ctx"), writer.queries.schemas().contexts());
  }

  @Test
  void shouldStoreConcreteReferenceVersionsAndRefuseToDeleteWhatIsReferenced() {
    writer.send(
        Command.RegisterSchema.of(
            "addr",
            null,
            "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"s\",\"type\":\"string\"}]}"));
    final Outcome user =
        writer.send(
            new Command.RegisterSchema(
                "user",
                null,
                "{\"type\":\"record\",\"name\":\"User\",\"fields\":[{\"name\":\"a\",\"type\":\"Address\"}]}",
                List.of(new SchemaReference("Address", "addr", -1)),
                null,
                null,
                null,
                null,
                false,
                false,
                null));

    assertEquals(new Outcome.Registered(2, 1), user);
    assertTrue(
        writer
            .written()
            .get(1)
            .contains(
                "\"references\":[{\"name\":\"Address\",\"subject\":\"addr\",\"version\":1}]"));
    final Outcome.Failed refused =
        assertInstanceOf(
            Outcome.Failed.class, writer.send(new Command.DeleteVersion("addr", 1, false)));
    assertEquals(42206, refused.errorCode());
    assertEquals(List.of(2), writer.queries.subjects().referencedBy("addr", 1, subject -> true));
  }

  @Test
  void shouldMergeAConfigUpdateIntoWhatIsStored() {
    writer.send(new Command.UpdateConfig(null, level("FULL")));
    writer.written();

    final Outcome changed =
        writer.send(
            new Command.UpdateConfig(
                null, JsonNodeFactory.instance.objectNode().put("normalize", true)));

    assertEquals(
        List.of(
            "{\"keytype\":\"CONFIG\",\"magic\":0} ->"
                + " {\"normalize\":true,\"compatibilityLevel\":\"FULL\"}"),
        writer.written());
    assertEquals(
        "{\"normalize\":true,\"compatibility\":\"FULL\"}",
        ((Outcome.ConfigChanged) changed).config().asUpdate().toString());
  }

  @Test
  void shouldRefuseASchemaTooLargeForOneKafkaRecordWithoutWritingIt() {
    final String doc = "x".repeat(WriterProcessor.MAX_RECORD_BYTES);
    final Outcome outcome =
        writer.send(
            Command.RegisterSchema.of(
                "s",
                null,
                "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"" + doc + "\",\"fields\":[]}"));

    assertEquals(42209, assertInstanceOf(Outcome.Failed.class, outcome).errorCode());
    assertTrue(writer.written().isEmpty());
    assertEquals(
        new Outcome.Registered(1, 1), writer.send(Command.RegisterSchema.of("s", null, STRING)));
  }

  private static com.fasterxml.jackson.databind.node.ObjectNode level(final String level) {
    return JsonNodeFactory.instance.objectNode().put("compatibility", level);
  }
}
