package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.SchemaReference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deletes of referenced versions, as Confluent 8 decides them: a soft delete counts live referrers
 * only, a hard delete counts soft-deleted ones too, so that no schema is ever left with a reference
 * that cannot be resolved.
 */
class ReferencedDeleteTest {
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
  private static final String ORDER =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"to\",\"type\":\"Address\"}]}";

  @TempDir Path stateDir;
  private WriterDriver writer;

  @BeforeEach
  void registerAnOrderThatReferencesAnAddressThenSoftDeleteBoth() {
    writer = new WriterDriver(stateDir, CompletableFuture.completedFuture(null));
    writer.send(Command.RegisterSchema.of("address", null, ADDRESS));
    writer.send(
        new Command.RegisterSchema(
            "order",
            null,
            ORDER,
            List.of(new SchemaReference("Address", "address", 1)),
            null,
            null,
            null,
            null,
            false,
            false,
            null));
    assertEquals(42206, failed(writer.send(new Command.DeleteSubject("address", false))));
    writer.send(new Command.DeleteSubject("order", false));
    assertEquals(
        new Outcome.Deleted(List.of(1)),
        writer.send(new Command.DeleteVersion("address", 1, false)));
    writer.written();
  }

  @AfterEach
  void closeDriver() {
    writer.close();
  }

  @Test
  void shouldRefuseToHardDeleteAVersionThatASoftDeletedSchemaReferences() {
    assertEquals(42206, failed(writer.send(new Command.DeleteVersion("address", 1, true))));
    assertTrue(writer.written().isEmpty());

    writer.send(new Command.DeleteVersion("order", 1, true));
    assertEquals(
        new Outcome.Deleted(List.of(1)),
        writer.send(new Command.DeleteVersion("address", 1, true)));
  }

  @Test
  void shouldRefuseToHardDeleteASubjectThatASoftDeletedSchemaReferences() {
    assertEquals(42206, failed(writer.send(new Command.DeleteSubject("address", true))));
    assertTrue(writer.written().isEmpty());
    assertEquals(1, writer.queries.reader().versions("order").size());

    writer.send(new Command.DeleteSubject("order", true));
    assertEquals(
        new Outcome.Deleted(List.of(1)), writer.send(new Command.DeleteSubject("address", true)));
  }

  private static int failed(final Outcome outcome) {
    return assertInstanceOf(Outcome.Failed.class, outcome).errorCode();
  }
}
