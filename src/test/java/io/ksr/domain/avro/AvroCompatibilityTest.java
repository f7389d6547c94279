package io.ksr.domain.avro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.CompatibilityVerdicts;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Avro schema changes and the verdict of each compatibility level on them. */
class AvroCompatibilityTest {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  private static String record(final String fields) {
    return "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"fields\":[" + fields + "]}";
  }

  private static String enumOf(final String symbols, final String extra) {
    return "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[" + symbols + "]" + extra + "}";
  }

  static Stream<Arguments> changes() {
    // change, old, new, BACKWARD, FORWARD, FULL
    return Stream.of(
        Arguments.of(
            "add field with default",
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            record(
                "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}"),
            true,
            true,
            true),
        Arguments.of(
            "add field without default",
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}"),
            false,
            true,
            false),
        Arguments.of(
            "remove field that had a default",
            record(
                "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\",\"default\":0}"),
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            true,
            true,
            true),
        Arguments.of(
            "remove field without default",
            record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}"),
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            true,
            false,
            false),
        Arguments.of("widen int to long", "\"int\"", "\"long\"", true, false, false),
        Arguments.of("widen long to double", "\"long\"", "\"double\"", true, false, false),
        Arguments.of("widen float to double", "\"float\"", "\"double\"", true, false, false),
        Arguments.of("narrow long to int", "\"long\"", "\"int\"", false, true, false),
        Arguments.of("string to bytes", "\"string\"", "\"bytes\"", true, true, true),
        Arguments.of("string to int", "\"string\"", "\"int\"", false, false, false),
        Arguments.of(
            "add enum symbol",
            enumOf("\"A\",\"B\"", ""),
            enumOf("\"A\",\"B\",\"C\"", ""),
            true,
            false,
            false),
        Arguments.of(
            "add enum symbol, old enum has a default",
            enumOf("\"A\",\"B\"", ",\"default\":\"A\""),
            enumOf("\"A\",\"B\",\"C\"", ",\"default\":\"A\""),
            true,
            true,
            true),
        Arguments.of(
            "remove enum symbol",
            enumOf("\"A\",\"B\",\"C\"", ""),
            enumOf("\"A\",\"B\"", ""),
            false,
            true,
            false),
        Arguments.of("T to null-or-T", "\"string\"", "[\"null\",\"string\"]", true, false, false),
        Arguments.of("null-or-T to T", "[\"null\",\"string\"]", "\"string\"", false, true, false),
        Arguments.of(
            "rename field, new field aliases old name",
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            record("{\"name\":\"b\",\"type\":\"int\",\"aliases\":[\"a\"]}"),
            true,
            false,
            false),
        Arguments.of(
            "rename record, new record aliases old name",
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            "{\"type\":\"record\",\"name\":\"S\",\"namespace\":\"n\",\"aliases\":[\"n.R\"],"
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
            true,
            false,
            false),
        Arguments.of(
            "change namespace only",
            record("{\"name\":\"a\",\"type\":\"int\"}"),
            "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"other\","
                + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
            true,
            true,
            true),
        Arguments.of(
            "change fixed size",
            "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}",
            "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}",
            false,
            false,
            false),
        Arguments.of(
            "reorder fields and change doc",
            record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}"),
            record(
                "{\"name\":\"b\",\"type\":\"int\",\"doc\":\"x\"},{\"name\":\"a\",\"type\":\"int\"}"),
            true,
            true,
            true),
        Arguments.of(
            "array items widen",
            "{\"type\":\"array\",\"items\":\"int\"}",
            "{\"type\":\"array\",\"items\":\"long\"}",
            true,
            false,
            false),
        Arguments.of(
            "map values change type",
            "{\"type\":\"map\",\"values\":\"int\"}",
            "{\"type\":\"map\",\"values\":\"string\"}",
            false,
            false,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void shouldJudgeEachChangeAsAvroDoes(
      final String change,
      final String oldSchema,
      final String newSchema,
      final boolean backward,
      final boolean forward,
      final boolean full) {
    CompatibilityVerdicts.assertVerdicts(
        SchemaType.AVRO, oldSchema, newSchema, backward, forward, full);
  }

  @Test
  void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
    final List<PreviousVersion> history =
        List.of(
            previous(
                2, record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}")),
            previous(1, record("{\"name\":\"a\",\"type\":\"int\"}")));
    final ParsedSchema removesA = parse(record("{\"name\":\"b\",\"type\":\"int\"}"));

    assertTrue(
        CompatibilityChecker.check(removesA, history, CompatibilityLevel.FORWARD).size() > 0);
    final ParsedSchema addsC =
        parse(
            record(
                "{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"},{\"name\":\"c\",\"type\":\"int\"}"));
    assertEquals(List.of(), CompatibilityChecker.check(addsC, history, CompatibilityLevel.FORWARD));
    final ParsedSchema dropsB = parse(record("{\"name\":\"a\",\"type\":\"int\"}"));
    assertEquals(
        List.of(),
        CompatibilityChecker.check(
            dropsB, history.subList(1, 2), CompatibilityLevel.FORWARD_TRANSITIVE));
    final List<String> transitive =
        CompatibilityChecker.check(dropsB, history, CompatibilityLevel.FORWARD_TRANSITIVE);
    assertTrue(transitive.contains("{oldSchemaVersion: 2}"), transitive.toString());
  }

  @Test
  void shouldListProblemsThenOldVersionThenOldSchemaThenLevel() {
    final List<String> messages =
        CompatibilityChecker.check(
            parse(record("{\"name\":\"a\",\"type\":\"int\"},{\"name\":\"b\",\"type\":\"int\"}")),
            List.of(previous(3, record("{\"name\":\"a\",\"type\":\"int\"}"))),
            CompatibilityLevel.BACKWARD);

    assertEquals(4, messages.size(), messages.toString());
    assertTrue(messages.get(0).startsWith("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE'"));
    assertTrue(messages.get(0).contains("'b'"));
    assertEquals("{oldSchemaVersion: 3}", messages.get(1));
    assertTrue(messages.get(2).startsWith("{oldSchema: '{\"type\":\"record\""));
    assertEquals("{validateFields: 'false', compatibility: 'BACKWARD'}", messages.get(3));
  }

  @Test
  void shouldStoreAvrosCompactTextAndValidateDefaultsOnlyForNewSchemas() {
    assertEquals("\"string\"", parse("{ \"type\" : \"string\" }").canonicalString());
    final String badDefault = record("{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}");

    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> PROVIDERS.parse(SchemaType.AVRO, badDefault, List.of(), true));
    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertTrue(error.getMessage().startsWith("Invalid schema of type AVRO"), error.getMessage());
    assertTrue(
        PROVIDERS
            .parse(SchemaType.AVRO, badDefault, List.of(), false)
            .canonicalString()
            .contains("\"default\":\"x\""));
  }

  @Test
  void shouldNameTheUnsupportedTypeClearly() {
    final SchemaProviders avroOnly = new SchemaProviders(List.of(new AvroSchemaProvider()));

    final RegistryException error =
        assertThrows(
            RegistryException.class, () -> avroOnly.parse(SchemaType.JSON, "{}", List.of(), true));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertTrue(error.getMessage().contains("JSON"), error.getMessage());
  }

  private static PreviousVersion previous(final int version, final String schema) {
    return new PreviousVersion(version, parse(schema));
  }

  private static ParsedSchema parse(final String schema) {
    return PROVIDERS.parse(SchemaType.AVRO, schema, List.of(), false);
  }
}
