package io.ksr.store.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaReference;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code _schemas} bytes are the contract with Confluent's registry and Karapace. */
class SchemasRecordCodecTest {

  static Stream<Arguments> keys() {
    return Stream.of(
        Arguments.of(
            new SchemasKey.SchemaVersion("orders-value", 1),
            "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":1,\"magic\":1}"),
        Arguments.of(new SchemasKey.Config(null), "{\"keytype\":\"CONFIG\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.Config("orders-value"),
            "{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0}"),
        Arguments.of(new SchemasKey.Mode(null), "{\"keytype\":\"MODE\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.Mode("s"), "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.DeleteSubject("s"),
            "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.ClearSubject("s"),
            "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"s\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.ClearSubject(null), "{\"keytype\":\"CLEAR_SUBJECT\",\"magic\":0}"),
        Arguments.of(new SchemasKey.Noop(), "{\"keytype\":\"NOOP\",\"magic\":0}"),
        Arguments.of(
            new SchemasKey.Context("default", ".ctx"),
            "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx\",\"magic\":0}"));
  }

  @ParameterizedTest
  @MethodSource("keys")
  void shouldWriteKeysExactlyAsConfluentDoes(final SchemasKey key, final String expected) {
    assertEquals(expected, text(SchemasRecordCodec.encodeKey(key)));
    assertEquals(key, SchemasRecordCodec.decodeKey(bytes(expected)));
  }

  @Test
  void shouldEscapeSubjectsAsJacksonDoes() {
    final SchemasKey key = new SchemasKey.SchemaVersion("a\"b\\c/é", 2);

    assertEquals(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"a\\\"b\\\\c/é\",\"version\":2,\"magic\":1}",
        text(SchemasRecordCodec.encodeKey(key)));
  }

  @Test
  void shouldWriteSchemaValuesInConfluentsFieldOrderWithoutSchemaTypeForAvro() throws Exception {
    final SchemasValue.Schema value =
        new SchemasValue.Schema(
            "s", 3, 7, null, List.of(), null, null, "{\"type\":\"string\"}", false);

    assertEquals(
        "{\"subject\":\"s\",\"version\":3,\"id\":7,\"schema\":\"{\\\"type\\\":\\\"string\\\"}\","
            + "\"deleted\":false}",
        text(SchemasRecordCodec.encodeValue(value)));

    final ObjectMapper json = new ObjectMapper();
    final SchemasValue.Schema full =
        new SchemasValue.Schema(
            "s",
            1,
            2,
            "PROTOBUF",
            List.of(new SchemaReference("other.proto", "other", 1)),
            json.readTree("{\"properties\":{\"owner\":\"team\"}}"),
            json.readTree("{\"domainRules\":[]}"),
            "syntax = \"proto3\";",
            true);
    final String expected =
        "{\"subject\":\"s\",\"version\":1,\"id\":2,\"schemaType\":\"PROTOBUF\","
            + "\"references\":[{\"name\":\"other.proto\",\"subject\":\"other\",\"version\":1}],"
            + "\"metadata\":{\"properties\":{\"owner\":\"team\"}},"
            + "\"ruleSet\":{\"domainRules\":[]},"
            + "\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":true}";
    assertEquals(expected, text(SchemasRecordCodec.encodeValue(full)));
    assertEquals(
        full,
        SchemasRecordCodec.decodeValue(new SchemasKey.SchemaVersion("s", 1), bytes(expected)));
  }

  @Test
  void shouldWriteOtherValuesAsConfluentDoes() {
    assertEquals(
        "{\"compatibilityLevel\":\"FULL\"}",
        text(
            SchemasRecordCodec.encodeValue(
                new SchemasValue.Config(null, SchemaConfig.ofLevel(CompatibilityLevel.FULL)))));
    assertEquals(
        "{\"subject\":\"s\",\"compatibilityLevel\":\"NONE\"}",
        text(
            SchemasRecordCodec.encodeValue(
                new SchemasValue.Config("s", SchemaConfig.ofLevel(CompatibilityLevel.NONE)))));
    assertEquals(
        "{\"subject\":\"s\",\"mode\":\"IMPORT\"}",
        text(SchemasRecordCodec.encodeValue(new SchemasValue.Mode("s", "IMPORT"))));
    assertEquals(
        "{\"subject\":\"s\",\"version\":3}",
        text(SchemasRecordCodec.encodeValue(new SchemasValue.DeleteSubject("s", 3))));
    assertNull(SchemasRecordCodec.encodeValue(null));
  }

  @Test
  void shouldReadKeysThatOlderWritersLaidOutDifferently() {
    assertEquals(
        new SchemasKey.SchemaVersion("s", 4),
        SchemasRecordCodec.decodeKey(
            bytes("{\"subject\":\"s\",\"version\":4,\"magic\":0,\"keytype\":\"SCHEMA\"}")));
    assertEquals(
        new SchemasKey.Config(null),
        SchemasRecordCodec.decodeKey(
            bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}")));
  }

  @Test
  void shouldReadValuesOfEveryConfluentVersion() {
    final SchemasKey.SchemaVersion key = new SchemasKey.SchemaVersion("s", 1);

    final SchemasValue.Schema withoutDeleted =
        (SchemasValue.Schema)
            SchemasRecordCodec.decodeValue(
                key,
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"int\\\"\"}"));
    final SchemasValue.Schema explicitAvro =
        (SchemasValue.Schema)
            SchemasRecordCodec.decodeValue(
                key,
                bytes(
                    "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schemaType\":\"AVRO\","
                        + "\"schema\":\"\\\"int\\\"\",\"deleted\":false,\"ts\":1,\"guid\":\"x\"}"));

    assertEquals(false, withoutDeleted.deleted());
    assertNull(explicitAvro.schemaType());
    assertEquals(withoutDeleted, explicitAvro);
    assertEquals(
        new SchemasValue.Config("s", SchemaConfig.ofLevel(CompatibilityLevel.FULL)),
        SchemasRecordCodec.decodeValue(
            new SchemasKey.Config("s"), bytes("{\"compatibilityLevel\":\"FULL\"}")));
    assertNull(SchemasRecordCodec.decodeValue(key, null));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "not json",
        "[1,2]",
        "{}",
        "{\"keytype\":\"ASSOCIATION\",\"magic\":0}",
        "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"magic\":1}",
        "{\"keytype\":7}"
      })
  void shouldRejectKeysItCannotUnderstand(final String key) {
    assertThrows(MalformedRecordException.class, () -> SchemasRecordCodec.decodeKey(bytes(key)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"subject\":\"s\",\"version\":1,\"schema\":\"x\"}",
        "{\"subject\":\"s\",\"version\":1,\"id\":\"one\",\"schema\":\"x\"}",
        "{\"subject\":\"s\",\"version\":1,\"id\":1}",
        "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"x\",\"references\":{}}",
        "\"just a string\""
      })
  void shouldRejectSchemaValuesItCannotUnderstand(final String value) {
    assertThrows(
        MalformedRecordException.class,
        () -> SchemasRecordCodec.decodeValue(new SchemasKey.SchemaVersion("s", 1), bytes(value)));
  }

  private static byte[] bytes(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(final byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
