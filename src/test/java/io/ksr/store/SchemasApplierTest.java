package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.Versions;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.store.record.MalformedRecordException;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasRecordCodec;
import io.ksr.store.record.SchemasValue;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiPredicate;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

/** What each {@code _schemas} record means for the registry's state. */
class SchemasApplierTest {
  private static final KeyValueView EMPTY =
      new KeyValueView() {
        @Override
        public byte[] get(final Bytes key) {
          return null;
        }

        @Override
        public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {}
      };

  private final OverlayView state = new OverlayView(EMPTY);
  private final SchemasApplier applier = new SchemasApplier(state, SchemaProviders.builtIn());
  private final RegistryQueries queries =
      RegistryQueries.over(state, SchemaProviders.builtIn(), CompatibilityLevel.BACKWARD);
  private final RegistryReader reader = new RegistryReader(state);

  @Test
  void shouldIndexASchemaByIdSubjectAndVersion() {
    schema("s", 1, 1, "\"string\"", false);

    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());
    assertEquals(1, queries.subjects().version("s", Versions.LATEST).id());
    assertEquals(List.of("s"), queries.subjects().subjects(null, Visibility.LIVE));
    assertEquals(1, reader.maxId("."));
  }

  @Test
  void shouldHideSoftDeletedVersionsButKeepTheirIds() {
    schema("s", 1, 1, "\"string\"", false);
    schema("s", 2, 2, "\"int\"", false);
    apply(new SchemasKey.DeleteSubject("s"), new SchemasValue.DeleteSubject("s", 1));

    assertEquals(List.of(2), queries.subjects().versions("s", Visibility.LIVE));
    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());
    assertError(ErrorCode.VERSION_NOT_FOUND, () -> queries.subjects().version("s", 1));

    apply(new SchemasKey.DeleteSubject("s"), new SchemasValue.DeleteSubject("s", 2));
    assertEquals(List.of(), queries.subjects().subjects(null, Visibility.LIVE));
    assertEquals(List.of("s"), reader.allSubjects());
    assertError(
        ErrorCode.SUBJECT_NOT_FOUND, () -> queries.subjects().versions("s", Visibility.LIVE));
  }

  @Test
  void shouldForgetAnIdOnceNoVersionCarriesIt() {
    schema("a", 1, 1, "\"string\"", false);
    schema("b", 1, 1, "\"string\"", false);

    apply(new SchemasKey.SchemaVersion("a", 1), null);
    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());

    apply(new SchemasKey.SchemaVersion("b", 1), null);
    assertError(ErrorCode.SCHEMA_NOT_FOUND, () -> queries.schemas().schemaById(1));
    assertEquals(List.of(), reader.allSubjects());
    assertEquals(1, reader.maxId("."), "ids only grow");
  }

  @Test
  void shouldRefuseAnIdThatAlreadyStandsForAnotherSchema() {
    schema("a", 1, 1, "\"string\"", false);

    assertThrows(MalformedRecordException.class, () -> schema("b", 1, 1, "\"int\"", false));
    assertEquals(List.of("a"), queries.subjects().subjects(null, Visibility.LIVE));
    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());
  }

  @Test
  void shouldRefuseSchemaTypesItDoesNotKnow() {
    assertThrows(
        MalformedRecordException.class,
        () ->
            apply(
                new SchemasKey.SchemaVersion("s", 1),
                new SchemasValue.Schema("s", 1, 1, "XML", List.of(), null, null, "<x/>", false)));
  }

  @Test
  void shouldForgetSoftDeletedVersionsOnClearSubject() {
    schema("s", 1, 1, "\"string\"", true);
    schema("s", 2, 2, "\"int\"", false);
    schema("t", 1, 3, "\"long\"", true);

    apply(new SchemasKey.ClearSubject(null), new SchemasValue.ClearSubject(null));

    assertEquals(List.of("s"), reader.allSubjects());
    assertEquals(1, reader.versions("s").size());
    assertError(ErrorCode.SCHEMA_NOT_FOUND, () -> queries.schemas().schemaById(1));
  }

  @Test
  void shouldRefuseASchemaThatNoLongerParsesButKeepTypesItCannotJudge() {
    assertThrows(
        MalformedRecordException.class, () -> schema("s", 1, 1, "{\"type\":\"nope\"}", false));
    apply(
        new SchemasKey.SchemaVersion("p", 1),
        new SchemasValue.Schema(
            "p", 1, 2, "PROTOBUF", List.of(), null, null, "syntax = \"proto3\";", false));

    assertEquals(List.of("p"), queries.subjects().subjects(null, Visibility.LIVE));
  }

  @Test
  void shouldSetAndRemoveCompatibilityLevels() {
    apply(
        new SchemasKey.Config(null),
        new SchemasValue.Config(null, SchemaConfig.ofLevel(CompatibilityLevel.FULL)));
    apply(
        new SchemasKey.Config("s"),
        new SchemasValue.Config("s", SchemaConfig.ofLevel(CompatibilityLevel.NONE)));

    assertEquals(CompatibilityLevel.FULL, queries.settings().globalCompatibility());
    assertEquals(CompatibilityLevel.NONE, queries.settings().effectiveCompatibility("s"));
    assertEquals(CompatibilityLevel.FULL, queries.settings().effectiveCompatibility("other"));

    apply(new SchemasKey.Config("s"), null);
    assertEquals(CompatibilityLevel.FULL, queries.settings().effectiveCompatibility("s"));
  }

  @Test
  void shouldRememberKeyBytesOnlyWhenTheyDifferFromTodaysLayout() {
    final byte[] oldLayout =
        "{\"subject\":\"s\",\"version\":1,\"magic\":0,\"keytype\":\"SCHEMA\"}"
            .getBytes(StandardCharsets.UTF_8);
    applier.apply(
        new SchemasRecord(new SchemasKey.SchemaVersion("s", 1), value("s", 1, 1, "\"int\"", false)),
        oldLayout);
    schema("s", 2, 2, "\"long\"", false);

    assertArrayEquals(oldLayout, reader.version("s", 1).orElseThrow().rawKey());
    assertNull(reader.version("s", 2).orElseThrow().rawKey());
  }

  @Test
  void shouldIgnoreNoopsAndTombstonesOfRecordsWithoutTombstoneMeaning() {
    schema("s", 1, 1, "\"string\"", false);

    apply(new SchemasKey.Noop(), null);
    apply(new SchemasKey.DeleteSubject("s"), null);

    assertEquals(List.of(1), queries.subjects().versions("s", Visibility.LIVE));
  }

  private void schema(
      final String subject,
      final int version,
      final int id,
      final String text,
      final boolean deleted) {
    apply(
        new SchemasKey.SchemaVersion(subject, version), value(subject, version, id, text, deleted));
  }

  private static SchemasValue.Schema value(
      final String subject,
      final int version,
      final int id,
      final String text,
      final boolean deleted) {
    return new SchemasValue.Schema(
        subject, version, id, null, List.of(), null, null, text, deleted);
  }

  private void apply(final SchemasKey key, final SchemasValue value) {
    applier.apply(new SchemasRecord(key, value), SchemasRecordCodec.encodeKey(key));
  }

  private static void assertError(final ErrorCode code, final Runnable call) {
    final RegistryException error = assertThrows(RegistryException.class, call::run);
    assertEquals(code, error.errorCode());
    assertTrue(error.getMessage().length() > 0);
  }
}
