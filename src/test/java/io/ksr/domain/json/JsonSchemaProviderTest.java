package io.ksr.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Schema drafts, validation, canonical and normal text, and references to other subjects. */
class JsonSchemaProviderTest {
  private static final JsonSchemaProvider PROVIDER = new JsonSchemaProvider();

  private static final ResolvedReference ADDRESS =
      reference(
          "address.json",
          1,
          "{'type':'object','properties':{'city':{'type':'string'}},"
              + "'definitions':{'zip':{'type':'string','maxLength':5}}}");
  private static final ResolvedReference CUSTOMER =
      reference(
          "https://example.com/schemas/customer.json",
          1,
          "{'$id':'https://example.com/schemas/customer.json','type':'object',"
              + "'properties':{'name':{'type':'string'},'home':{'$ref':'address.json'}}}");

  static Stream<Arguments> drafts() {
    return Stream.of(
        Arguments.of(
            "draft 4",
            "{'$schema':'http://json-schema.org/draft-04/schema#','id':'http://x/a',"
                + "'type':'number','maximum':5,'exclusiveMaximum':true}"),
        Arguments.of(
            "draft 6",
            "{'$schema':'http://json-schema.org/draft-06/schema#','$id':'http://x/a',"
                + "'const':1,'exclusiveMaximum':5}"),
        Arguments.of(
            "draft 7",
            "{'$schema':'http://json-schema.org/draft-07/schema#','if':{'type':'string'},"
                + "'then':{'minLength':1},'else':{'type':'number'}}"),
        Arguments.of(
            "draft 2019-09",
            "{'$schema':'https://json-schema.org/draft/2019-09/schema','type':'object',"
                + "'dependentRequired':{'a':['b']},'$defs':{'s':{'$anchor':'s','type':'string'}},"
                + "'properties':{'a':{'$ref':'#s'}}}"),
        Arguments.of(
            "draft 2020-12",
            "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'array',"
                + "'prefixItems':[{'type':'string'}],'items':false}"),
        Arguments.of("no $schema, as draft 7", "{'type':'string','contentMediaType':'text/x'}"),
        Arguments.of("formats not asserted", "{'$id':'not a URI','type':'string'}"),
        Arguments.of("boolean schema", "true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drafts")
  void shouldParseEachDraft(final String draft, final String schema) {
    assertEquals(json(schema), parse(schema).canonicalString());
  }

  static Stream<Arguments> invalidSchemas() {
    return Stream.of(
        Arguments.of("{'type':", "not valid JSON"),
        Arguments.of("{'type':'string'} {}", "not valid JSON"),
        Arguments.of("5", "not a valid draft-07 JSON Schema: #: integer found"),
        Arguments.of("{'type':'strin'}", "#/type: does not have a value in the enumeration"),
        Arguments.of("{'properties':{'a':{'minLength':-1}}}", "#/properties/a/minLength"),
        // Draft 4 spells an exclusive limit as a boolean, later drafts as a number.
        Arguments.of(
            "{'$schema':'http://json-schema.org/draft-04/schema#','exclusiveMinimum':5}",
            "not a valid draft-04 JSON Schema: #/exclusiveMinimum: integer found, boolean expected"),
        Arguments.of("{'exclusiveMinimum':true}", "#/exclusiveMinimum: boolean found, number"),
        Arguments.of("{'pattern':'['}", "the regular expression '[' in the schema is invalid"),
        Arguments.of(
            "{'$schema':'https://json-schema.org/draft/2020-12/schema',"
                + "'patternProperties':{'(':{}}}",
            "the regular expression '(' in the schema is invalid"),
        Arguments.of(
            "{'properties':{'a':{'$ref':'#/definitions/missing'}}}",
            "$ref '#/definitions/missing' points at no schema"),
        Arguments.of(
            "{'properties':{'a':{'$ref':'other.json#/definitions/b'}}}",
            "$ref 'other.json#/definitions/b' points at 'other.json', which is not one of the"
                + " schema's references"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidSchemas")
  void shouldRejectInvalidSchemasSayingWhatIsWrong(final String schema, final String problem) {
    final RegistryException error = assertThrows(RegistryException.class, () -> parse(schema));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertTrue(
        error.getMessage().startsWith("Invalid schema of type JSON, details: "),
        error.getMessage());
    assertTrue(error.getMessage().contains(problem), error.getMessage());
  }

  @Test
  void shouldRejectReservedPropertyNamesOnlyInNewSchemas() {
    final String schema = json("{'type':'object','properties':{'$$a':{'type':'string'}}}");

    final RegistryException error =
        assertThrows(RegistryException.class, () -> PROVIDER.parse(schema, List.of(), true));
    assertEquals(
        "Invalid schema of type JSON, details: #/properties/$$a: Field names cannot start with $$"
            + " prefix",
        error.getMessage());
    assertEquals(schema, PROVIDER.parse(schema, List.of(), false).canonicalString());
  }

  @Test
  void shouldStoreCompactTextInWrittenOrderAndNormalizeToSortedKeys() {
    final ParsedSchema schema =
        parse(
            "{ 'type' : 'object',\n 'required' : [ 'b', 'a' ],\n 'properties' : {"
                + " 'b' : { 'enum' : [ 'z', 'y' ], 'default' : { 'q' : 1, 'p' : 2 } },"
                + " 'a' : { 'type' : 'number', 'maximum' : 1.50, 'minimum' : 1e2 } } }");

    assertEquals(
        json(
            "{'type':'object','required':['b','a'],'properties':{"
                + "'b':{'enum':['z','y'],'default':{'q':1,'p':2}},"
                + "'a':{'type':'number','maximum':1.50,'minimum':1E+2}}}"),
        schema.canonicalString());
    final String normal =
        json(
            "{'properties':{'a':{'maximum':1.50,'minimum':1E+2,'type':'number'},"
                + "'b':{'default':{'p':2,'q':1},'enum':['z','y']}},"
                + "'required':['b','a'],'type':'object'}");
    assertEquals(normal, schema.normalize().canonicalString());
    assertEquals(normal, schema.normalize().normalize().canonicalString());
    assertEquals(List.of(), schema.normalize().readProblems(schema, true));
    assertEquals(schema.canonicalString(), schema.formatted("unknown"));
  }

  @Test
  void shouldResolveReferencesByNameAndByUriAgainstTheBase() {
    final ParsedSchema byName =
        parse(
            "{'type':'object','properties':{'home':{'$ref':'address.json'},"
                + "'zip':{'$ref':'./address.json#/definitions/zip'}}}",
            ADDRESS);
    final ParsedSchema byUri =
        parse(
            "{'$id':'https://example.com/schemas/order.json','type':'object',"
                + "'properties':{'buyer':{'$ref':'customer.json'}}}",
            ADDRESS,
            CUSTOMER);

    assertTrue(byName.canonicalString().contains("address.json"));
    assertTrue(byUri.canonicalString().contains("customer.json"));
  }

  @Test
  void shouldRejectAMissingOrNonJsonReference() {
    final String order =
        "{'properties':{'buyer':{'$ref':'https://example.com/schemas/customer.json'}}}";

    final RegistryException missing =
        assertThrows(RegistryException.class, () -> parse(order, CUSTOMER));
    assertEquals(ErrorCode.INVALID_SCHEMA, missing.errorCode());
    assertEquals(
        "Invalid schema of type JSON, details: $ref 'address.json' points at 'address.json',"
            + " which is not one of the schema's references",
        missing.getMessage());
    final ResolvedReference avro =
        new ResolvedReference("address.json", "address-value", 1, SchemaType.AVRO, "\"string\"");
    final RegistryException notJson =
        assertThrows(RegistryException.class, () -> parse(order, avro, CUSTOMER));
    assertEquals(
        "Invalid schema of type JSON, details: reference 'address.json' is a AVRO schema",
        notJson.getMessage());
  }

  @Test
  void shouldInlineReferencesWhenResolved() {
    final ParsedSchema order =
        parse(
            "{'$id':'https://example.com/schemas/order.json','type':'object',"
                + "'properties':{'buyer':{'$ref':'customer.json'},"
                + "'zip':{'$ref':'address.json#/definitions/zip'}},"
                + "'definitions':{'note':{'type':'string'}}}",
            ADDRESS,
            CUSTOMER);

    final String resolved = order.formatted(JsonSchemaProvider.RESOLVED_FORMAT);

    assertEquals(
        json(
            "{'$id':'https://example.com/schemas/order.json','type':'object','properties':{"
                + "'buyer':{'$ref':'#/definitions/https:~1~1example.com~1schemas~1customer.json'},"
                + "'zip':{'$ref':'#/definitions/address.json/definitions/zip'}},"
                + "'definitions':{'note':{'type':'string'},"
                + "'https://example.com/schemas/customer.json':{'type':'object','properties':{"
                + "'name':{'type':'string'},'home':{'$ref':'#/definitions/address.json'}}},"
                + "'address.json':{'type':'object','properties':{'city':{'type':'string'}},"
                + "'definitions':{'zip':{'type':'string','maxLength':5}}}}}"),
        resolved);
    final ParsedSchema standalone = PROVIDER.parse(resolved, List.of(), true);
    assertEquals(List.of(), standalone.readProblems(order, true));
    assertEquals(List.of(), order.readProblems(standalone, false));
  }

  @Test
  void shouldInlineIntoDefsFromDraft201909() {
    final ParsedSchema schema =
        parse(
            "{'$schema':'https://json-schema.org/draft/2020-12/schema',"
                + "'properties':{'home':{'$ref':'address.json'}}}",
            ADDRESS);

    assertEquals(
        json(
            "{'$schema':'https://json-schema.org/draft/2020-12/schema',"
                + "'properties':{'home':{'$ref':'#/$defs/address.json'}},"
                + "'$defs':{'address.json':{'type':'object','properties':{'city':{'type':'string'}},"
                + "'definitions':{'zip':{'type':'string','maxLength':5}}}}}"),
        schema.formatted(JsonSchemaProvider.RESOLVED_FORMAT));
  }

  @Test
  void shouldCompareWhatReferencesPointAt() {
    final String order = "{'type':'object','properties':{'buyer':{'$ref':'customer.json'}}}";
    final ResolvedReference customer2 =
        reference(
            "customer.json",
            2,
            "{'type':'object','properties':{'name':{'type':'string','maxLength':10},"
                + "'home':{'$ref':'address.json'}}}");
    final List<PreviousVersion> history =
        List.of(new PreviousVersion(1, parse(order, ADDRESS, renamed(CUSTOMER, "customer.json"))));

    final List<String> problems =
        CompatibilityChecker.check(
            parse(order, ADDRESS, customer2), history, CompatibilityLevel.BACKWARD);

    assertEquals(4, problems.size(), problems.toString());
    assertEquals(
        "{errorType:\"MAX_LENGTH_ADDED\", description:\"The keyword at path"
            + " '#/properties/buyer/properties/name/maxLength' in the new schema is not present in"
            + " the old schema\"}",
        problems.get(0));
  }

  private static ResolvedReference renamed(final ResolvedReference reference, final String name) {
    return new ResolvedReference(
        name, reference.subject(), reference.version(), reference.type(), reference.schema());
  }

  private static ResolvedReference reference(
      final String name, final int version, final String schema) {
    return new ResolvedReference(name, name + "-value", version, SchemaType.JSON, json(schema));
  }

  private static ParsedSchema parse(final String schema, final ResolvedReference... references) {
    return PROVIDER.parse(json(schema), List.of(references), false);
  }

  /** Schemas in this test are written with single quotes, so that they read as JSON does. */
  private static String json(final String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
