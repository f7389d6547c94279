package io.ksr.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Confluent's rule for a sent schema that has not the exact identity of a registered version. */
class LookupRuleTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"acme\","
          + "\"fields\":[{\"name\":\"city\",\"type\":\"string\"}]}";
  private static final String ORDER_BY_NAME =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
          + "\"fields\":[{\"name\":\"to\",\"type\":\"Address\"}]}";
  private static final String ORDER_INLINE =
      "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"acme\","
          + "\"fields\":[{\"name\":\"to\",\"type\":"
          + ADDRESS
          + "}]}";
  private static final List<SchemaReference> TO_ADDRESS =
      List.of(new SchemaReference("acme.Address", "address-value", 1));
  private static final String STRING = "\"string\"";

  @Test
  void shouldFindAnAvroSchemaRegisteredWithReferencesWhenSentWithThemInline() {
    final LookupRule.Described registered = orderWithReference(null);

    assertTrue(LookupRule.matches(avro(ORDER_INLINE, null), registered, 1));
    assertFalse(
        LookupRule.matches(avro(ORDER_INLINE.replace("city", "town"), null), registered, 1),
        "another referenced type is another schema");
    assertFalse(
        LookupRule.matches(avro(ORDER_INLINE, metadata("{\"owner\":\"x\"}")), registered, 1),
        "other metadata is another schema");
  }

  @Test
  void shouldNotFindAJsonSchemaRegisteredWithReferencesWhenSentWithThemInline() {
    final String referenced =
        "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}";
    final LookupRule.Described registered =
        described(
            SchemaType.JSON,
            "{\"type\":\"object\",\"properties\":{\"to\":{\"$ref\":\"address.json\"}}}",
            List.of(new SchemaReference("address.json", "address-value", 1)),
            List.of(
                new ResolvedReference(
                    "address.json", "address-value", 1, SchemaType.JSON, referenced)),
            null);
    final LookupRule.Described inline =
        described(
            SchemaType.JSON,
            "{\"type\":\"object\",\"properties\":{\"to\":" + referenced + "}}",
            List.of(),
            List.of(),
            null);

    assertFalse(LookupRule.matches(inline, registered, 1));
  }

  @Test
  void shouldFindAVersionWithConfluentVersionWhenSentWithoutIt() {
    final LookupRule.Described registered =
        avro(STRING, metadata("{\"confluent:version\":\"3\",\"owner\":\"x\"}"));

    assertTrue(LookupRule.matches(avro(STRING, metadata("{\"owner\":\"x\"}")), registered, 3));
    assertFalse(
        LookupRule.matches(avro(STRING, null), registered, 3),
        "the rest of the metadata still counts");
    assertTrue(
        LookupRule.matches(
            avro(STRING, null), avro(STRING, metadata("{\"confluent:version\":\"2\"}")), 2));
  }

  @Test
  void shouldFindAVersionWithoutConfluentVersionOnlyByItsOwnNumber() {
    final LookupRule.Described registered = avro(STRING, null);

    assertTrue(
        LookupRule.matches(avro(STRING, metadata("{\"confluent:version\":\"2\"}")), registered, 2));
    assertFalse(
        LookupRule.matches(avro(STRING, metadata("{\"confluent:version\":\"1\"}")), registered, 2));
  }

  @Test
  void shouldNotFindAVersionWhoseConfluentVersionDiffers() {
    assertFalse(
        LookupRule.matches(
            avro(STRING, metadata("{\"confluent:version\":\"1\"}")),
            avro(STRING, metadata("{\"confluent:version\":\"2\"}")),
            2));
  }

  @Test
  void shouldNotFindAVersionWithAnotherTypeReferencesOrRuleSet() {
    final LookupRule.Described registered = avro(STRING, null);
    final JsonNode ruleSet =
        json("{\"domainRules\":[{\"name\":\"r\",\"kind\":\"CONDITION\",\"type\":\"CEL\"}]}");

    assertFalse(
        LookupRule.matches(
            described(SchemaType.JSON, "{\"type\":\"string\"}", List.of(), List.of(), null),
            registered,
            1));
    assertFalse(
        LookupRule.matches(
            LookupRule.Described.of(
                parse(SchemaType.AVRO, STRING, List.of()), List.of(), null, ruleSet),
            registered,
            1));
    final ResolvedReference address =
        new ResolvedReference("acme.Address", "address-value", 1, SchemaType.AVRO, ADDRESS);
    assertFalse(
        LookupRule.matches(
            LookupRule.Described.of(
                parse(SchemaType.AVRO, ORDER_BY_NAME, List.of(address)),
                List.of(new SchemaReference("acme.Address", "address-value", 2)),
                null,
                null),
            orderWithReference(null),
            1),
        "the same text referencing another version is another schema");
  }

  private static LookupRule.Described orderWithReference(final JsonNode metadata) {
    return described(
        SchemaType.AVRO,
        ORDER_BY_NAME,
        TO_ADDRESS,
        List.of(
            new ResolvedReference("acme.Address", "address-value", 1, SchemaType.AVRO, ADDRESS)),
        metadata);
  }

  private static LookupRule.Described avro(final String text, final JsonNode metadata) {
    return described(SchemaType.AVRO, text, List.of(), List.of(), metadata);
  }

  private static LookupRule.Described described(
      final SchemaType type,
      final String text,
      final List<SchemaReference> references,
      final List<ResolvedReference> resolved,
      final JsonNode metadata) {
    return LookupRule.Described.of(parse(type, text, resolved), references, metadata, null);
  }

  private static ParsedSchema parse(
      final SchemaType type, final String text, final List<ResolvedReference> resolved) {
    return PROVIDERS.parse(type, text, resolved, false);
  }

  private static JsonNode metadata(final String properties) {
    return json("{\"properties\":" + properties + "}");
  }

  private static JsonNode json(final String text) {
    try {
      return JSON.readTree(text);
    } catch (final Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
