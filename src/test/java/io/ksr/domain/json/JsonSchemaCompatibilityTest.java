package io.ksr.domain.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.CompatibilityVerdicts;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** JSON Schema changes and the verdict of each compatibility level on them. */
class JsonSchemaCompatibilityTest {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  private static final String STRING = "{'type':'string'}";
  private static final String INTEGER = "{'type':'integer'}";
  private static final String CLOSED = ",'additionalProperties':false";

  /** An object schema with the given properties and further keywords. */
  private static String object(final String properties, final String extra) {
    return "{'type':'object','properties':{" + properties + "}" + extra + "}";
  }

  private static String typed(final String type, final String extra) {
    return "{'type':'" + type + "'" + extra + "}";
  }

  static Stream<Arguments> changes() {
    // change, old, new, BACKWARD, FORWARD, FULL
    return Stream.of(
        Arguments.of(
            "add optional property to closed model",
            object("'a':" + STRING, CLOSED),
            object("'a':" + STRING + ",'b':" + STRING, CLOSED),
            true,
            false,
            false),
        Arguments.of(
            "add optional property to open model",
            object("'a':" + STRING, ""),
            object("'a':" + STRING + ",'b':" + STRING, ""),
            false,
            true,
            false),
        Arguments.of(
            "add required property to open model",
            object("'a':" + STRING, ""),
            object("'a':" + STRING + ",'b':" + STRING, ",'required':['b']"),
            false,
            true,
            false),
        Arguments.of(
            "add property with empty schema to open model",
            object("'a':" + STRING, ""),
            object("'a':" + STRING + ",'b':{}", ""),
            true,
            true,
            true),
        Arguments.of(
            "remove property from open model",
            object("'a':" + STRING + ",'b':" + STRING, ""),
            object("'a':" + STRING, ""),
            true,
            false,
            false),
        Arguments.of(
            "remove property from closed model",
            object("'a':" + STRING + ",'b':" + STRING, CLOSED),
            object("'a':" + STRING, CLOSED),
            false,
            true,
            false),
        Arguments.of(
            "add required property with default to closed model",
            object("'a':" + STRING, CLOSED),
            object(
                "'a':" + STRING + ",'b':{'type':'string','default':'x'}",
                ",'required':['b']" + CLOSED),
            true,
            false,
            false),
        Arguments.of(
            "add required property without default to closed model",
            object("'a':" + STRING, CLOSED),
            object("'a':" + STRING + ",'b':" + STRING, ",'required':['b']" + CLOSED),
            false,
            false,
            false),
        Arguments.of(
            "add property covered by partially open model",
            object("'a':" + STRING, ",'additionalProperties':" + STRING),
            object("'a':" + STRING + ",'b':" + STRING, ",'additionalProperties':" + STRING),
            true,
            true,
            true),
        Arguments.of(
            "add property not covered by partially open model",
            object("'a':" + STRING, ",'additionalProperties':" + STRING),
            object("'a':" + STRING + ",'b':" + INTEGER, ",'additionalProperties':" + STRING),
            false,
            false,
            false),
        Arguments.of(
            "add property covered by patternProperties",
            object("'a':" + STRING, ",'patternProperties':{'^x_':" + STRING + "}"),
            object(
                "'a':" + STRING + ",'x_b':" + STRING,
                ",'patternProperties':{'^x_':" + STRING + "}"),
            true,
            true,
            true),
        Arguments.of(
            "make property required without default",
            object("'a':" + STRING, ""),
            object("'a':" + STRING, ",'required':['a']"),
            false,
            true,
            false),
        Arguments.of(
            "make property required with default",
            object("'a':" + STRING, ""),
            object("'a':{'type':'string','default':'x'}", ",'required':['a']"),
            true,
            true,
            true),
        Arguments.of(
            "make required property optional",
            object("'a':" + STRING, ",'required':['a']"),
            object("'a':" + STRING, ""),
            true,
            false,
            false),
        Arguments.of("widen integer to number", INTEGER, typed("number", ""), true, false, false),
        Arguments.of("narrow number to integer", typed("number", ""), INTEGER, false, true, false),
        Arguments.of("change string to integer", STRING, INTEGER, false, false, false),
        Arguments.of(
            "make string nullable", STRING, "{'type':['string','null']}", true, false, false),
        Arguments.of(
            "add enum value", "{'enum':['a','b']}", "{'enum':['a','b','c']}", true, false, false),
        Arguments.of(
            "remove enum value", "{'enum':['a','b']}", "{'enum':['a']}", false, true, false),
        Arguments.of(
            "change enum values", "{'enum':['a','b']}", "{'enum':['a','c']}", false, false, false),
        Arguments.of(
            "add enum value to typed enum",
            typed("string", ",'enum':['a']"),
            typed("string", ",'enum':['a','b']"),
            true,
            false,
            false),
        Arguments.of("change const", "{'const':'a'}", "{'const':'b'}", false, false, false),
        Arguments.of(
            "close an open model",
            object("'a':" + STRING, ""),
            object("'a':" + STRING, CLOSED),
            false,
            true,
            false),
        Arguments.of(
            "open a closed model",
            object("'a':" + STRING, CLOSED),
            object("'a':" + STRING, ""),
            true,
            false,
            false),
        Arguments.of(
            "narrow additionalProperties to a schema",
            object("'a':" + STRING, ""),
            object("'a':" + STRING, ",'additionalProperties':" + STRING),
            false,
            true,
            false),
        Arguments.of(
            "lower maximum",
            typed("number", ",'maximum':100"),
            typed("number", ",'maximum':50"),
            false,
            true,
            false),
        Arguments.of(
            "raise minimum",
            typed("number", ",'minimum':0"),
            typed("number", ",'minimum':10"),
            false,
            true,
            false),
        Arguments.of(
            "add exclusiveMinimum",
            typed("number", ""),
            typed("number", ",'exclusiveMinimum':0"),
            false,
            true,
            false),
        Arguments.of(
            "raise exclusiveMaximum",
            typed("number", ",'exclusiveMaximum':10"),
            typed("number", ",'exclusiveMaximum':10.5"),
            true,
            false,
            false),
        Arguments.of(
            "multipleOf becomes a multiple of itself",
            typed("integer", ",'multipleOf':2"),
            typed("integer", ",'multipleOf':4"),
            false,
            true,
            false),
        Arguments.of(
            "multipleOf becomes a divisor of itself",
            typed("number", ",'multipleOf':0.5"),
            typed("number", ",'multipleOf':0.25"),
            true,
            false,
            false),
        Arguments.of(
            "multipleOf changes otherwise",
            typed("integer", ",'multipleOf':2"),
            typed("integer", ",'multipleOf':3"),
            false,
            false,
            false),
        Arguments.of(
            "increase maxLength",
            typed("string", ",'maxLength':10"),
            typed("string", ",'maxLength':20"),
            true,
            false,
            false),
        Arguments.of(
            "add maxLength", STRING, typed("string", ",'maxLength':10"), false, true, false),
        Arguments.of(
            "add minLength", STRING, typed("string", ",'minLength':1"), false, true, false),
        Arguments.of("add pattern", STRING, typed("string", ",'pattern':'^a'"), false, true, false),
        Arguments.of(
            "change pattern",
            typed("string", ",'pattern':'^a'"),
            typed("string", ",'pattern':'^b'"),
            false,
            false,
            false),
        Arguments.of(
            "change array item type",
            typed("array", ",'items':" + STRING),
            typed("array", ",'items':" + INTEGER),
            false,
            false,
            false),
        Arguments.of(
            "widen array item type",
            typed("array", ",'items':" + INTEGER),
            typed("array", ",'items':{'type':'number'}"),
            true,
            false,
            false),
        Arguments.of(
            "lower maxItems",
            typed("array", ",'maxItems':10"),
            typed("array", ",'maxItems':5"),
            false,
            true,
            false),
        Arguments.of(
            "remove minItems",
            typed("array", ",'minItems':1"),
            typed("array", ""),
            true,
            false,
            false),
        Arguments.of(
            "add uniqueItems",
            typed("array", ""),
            typed("array", ",'uniqueItems':true"),
            false,
            true,
            false),
        Arguments.of(
            "add item to closed tuple",
            typed("array", ",'items':[" + STRING + "],'additionalItems':false"),
            typed("array", ",'items':[" + STRING + "," + INTEGER + "],'additionalItems':false"),
            true,
            false,
            false),
        Arguments.of(
            "add oneOf alternative",
            "{'oneOf':[" + STRING + "," + INTEGER + "]}",
            "{'oneOf':[" + STRING + "," + INTEGER + ",{'type':'boolean'}]}",
            true,
            false,
            false),
        Arguments.of(
            "remove anyOf alternative",
            "{'anyOf':[" + STRING + "," + INTEGER + "]}",
            "{'anyOf':[" + STRING + "]}",
            false,
            true,
            false),
        Arguments.of(
            "reorder anyOf alternatives",
            "{'anyOf':[" + STRING + "," + INTEGER + "]}",
            "{'anyOf':[" + INTEGER + "," + STRING + "]}",
            true,
            true,
            true),
        Arguments.of(
            "add allOf subschema",
            "{'allOf':[" + STRING + "]}",
            "{'allOf':[" + STRING + ",{'maxLength':5}]}",
            false,
            true,
            false),
        Arguments.of(
            "change oneOf to anyOf",
            "{'oneOf':[" + STRING + "," + INTEGER + "]}",
            "{'anyOf':[" + STRING + "," + INTEGER + "]}",
            true,
            false,
            false),
        Arguments.of(
            "exclude more with not",
            "{'not':{'enum':['a']}}",
            "{'not':{'enum':['a','b']}}",
            false,
            true,
            false),
        Arguments.of(
            "change the type a $ref points at",
            object("'a':{'$ref':'#/definitions/t'}", ",'definitions':{'t':" + STRING + "}"),
            object("'a':{'$ref':'#/definitions/t'}", ",'definitions':{'t':" + INTEGER + "}"),
            false,
            false,
            false),
        Arguments.of(
            "widen the type a $ref points at, in $defs",
            object("'a':{'$ref':'#/$defs/t'}", ",'$defs':{'t':" + INTEGER + "}"),
            object("'a':{'$ref':'#/$defs/t'}", ",'$defs':{'t':{'type':'number'}}"),
            true,
            false,
            false),
        Arguments.of(
            "leave a recursive schema as it is",
            object("'value':" + STRING + ",'next':{'$ref':'#'}", ""),
            object("'value':" + STRING + ",'next':{'$ref':'#'}", ""),
            true,
            true,
            true),
        Arguments.of(
            "change a recursive schema",
            object("'value':" + STRING + ",'next':{'$ref':'#'}", ""),
            object("'value':" + INTEGER + ",'next':{'$ref':'#'}", ""),
            false,
            false,
            false),
        Arguments.of(
            "add property dependency",
            object("'a':" + STRING + ",'b':" + STRING, ""),
            object("'a':" + STRING + ",'b':" + STRING, ",'dependencies':{'a':['b']}"),
            false,
            true,
            false),
        Arguments.of(
            "extend dependentRequired",
            "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                + "'dependentRequired':{'a':['b']}}",
            "{'$schema':'https://json-schema.org/draft/2020-12/schema','type':'object',"
                + "'dependentRequired':{'a':['b','c']}}",
            false,
            true,
            false),
        Arguments.of(
            "add schema dependency",
            object("'a':" + STRING, ""),
            object("'a':" + STRING, ",'dependencies':{'a':{'required':['b']}}"),
            false,
            true,
            false),
        Arguments.of(
            "change title and description only",
            "{'type':'string','title':'A','description':'a'}",
            "{'type':'string','title':'B','description':'b'}",
            true,
            true,
            true),
        Arguments.of("accept anything", STRING, "true", true, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changes")
  void shouldJudgeEachChangeAsConfluentDoes(
      final String change,
      final String oldSchema,
      final String newSchema,
      final boolean backward,
      final boolean forward,
      final boolean full) {
    CompatibilityVerdicts.assertVerdicts(
        SchemaType.JSON, json(oldSchema), json(newSchema), backward, forward, full);
  }

  @Test
  void shouldCheckEveryVersionOnlyWhenTransitive() {
    final List<PreviousVersion> history =
        List.of(
            previous(2, typed("string", ",'maxLength':5")),
            previous(1, typed("string", ",'maxLength':20")));
    final ParsedSchema candidate = parse(typed("string", ",'maxLength':10"));

    assertEquals(
        List.of(), CompatibilityChecker.check(candidate, history, CompatibilityLevel.BACKWARD));
    final List<String> transitive =
        CompatibilityChecker.check(candidate, history, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertTrue(
        transitive.get(0).startsWith("{errorType:\"MAX_LENGTH_DECREASED\""), transitive.get(0));
    assertEquals("{oldSchemaVersion: 1}", transitive.get(1));
  }

  @Test
  void shouldListProblemsThenOldVersionThenOldSchemaThenLevel() {
    final String old = object("'age':{'type':'integer','maximum':100}", "");

    final List<String> messages =
        CompatibilityChecker.check(
            parse(object("'age':{'type':'integer','maximum':50}", "")),
            List.of(previous(3, old)),
            CompatibilityLevel.BACKWARD);

    assertEquals(
        List.of(
            "{errorType:\"MAXIMUM_DECREASED\", description:\"The value at path"
                + " '#/properties/age/maximum' in the new schema is less than its value in the old"
                + " schema\"}",
            "{oldSchemaVersion: 3}",
            "{oldSchema: '" + json(old) + "'}",
            "{validateFields: 'false', compatibility: 'BACKWARD'}"),
        messages);
  }

  @Test
  void shouldNameTheOldSchemaAsReaderWhenCheckingForward() {
    final List<String> messages =
        CompatibilityChecker.check(
            parse(object("'a':" + STRING + ",'b':" + STRING, "")),
            List.of(previous(1, object("'a':" + STRING, ""))),
            CompatibilityLevel.FULL);

    assertEquals(
        "{errorType:\"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\", description:\"The new schema"
            + " has an open content model and has a property or item at path '#/properties/b'"
            + " which is missing in the old schema\"}",
        messages.get(0));
    assertEquals(4, messages.size(), messages.toString());
    final List<String> forward =
        CompatibilityChecker.check(
            parse(typed("string", ",'maxLength':20")),
            List.of(previous(1, typed("string", ",'maxLength':10"))),
            CompatibilityLevel.FORWARD);
    assertEquals(
        "{errorType:\"MAX_LENGTH_DECREASED\", description:\"The value at path '#/maxLength' in the"
            + " old schema is less than its value in the new schema\"}",
        forward.get(0));
  }

  @Test
  void shouldReportEachIncompatibleDifferenceWithItsPath() {
    final List<String> messages =
        CompatibilityChecker.check(
            parse(
                object(
                    "'a':{'type':'string','maxLength':3},'c':" + INTEGER,
                    ",'required':['a']" + CLOSED)),
            List.of(previous(1, object("'a':" + STRING + ",'b':" + STRING, CLOSED))),
            CompatibilityLevel.BACKWARD);

    assertEquals(
        List.of(
            "REQUIRED_ATTRIBUTE_ADDED #/required/a",
            "MAX_LENGTH_ADDED #/properties/a/maxLength",
            "PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b"),
        messages.subList(0, 3).stream().map(JsonSchemaCompatibilityTest::typeAndPath).toList());
  }

  @Test
  void shouldReportAChangedDefinitionWhereverItIsUsed() {
    final String uses = "'a':{'$ref':'#/definitions/t'},'b':{'items':{'$ref':'#/definitions/t'}}";

    final List<String> messages =
        CompatibilityChecker.check(
            parse(object(uses, ",'definitions':{'t':{'type':'string','maxLength':3}}")),
            List.of(previous(1, object(uses, ",'definitions':{'t':" + STRING + "}"))),
            CompatibilityLevel.BACKWARD);

    assertEquals(
        List.of(
            "MAX_LENGTH_ADDED #/properties/a/maxLength",
            "MAX_LENGTH_ADDED #/properties/b/items/maxLength"),
        messages.subList(0, 2).stream().map(JsonSchemaCompatibilityTest::typeAndPath).toList());
    assertEquals("{oldSchemaVersion: 1}", messages.get(2));
  }

  @Test
  void shouldNotCompareAJsonSchemaWithAnAvroSchema() {
    final ParsedSchema avro = PROVIDERS.parse(SchemaType.AVRO, "\"string\"", List.of(), false);

    assertEquals(
        "Incompatible because of different schema type",
        CompatibilityChecker.check(
                parse(STRING), List.of(new PreviousVersion(1, avro)), CompatibilityLevel.BACKWARD)
            .get(0));
  }

  /** "TYPE #/path" from a message, so that tests can say what was found where. */
  private static String typeAndPath(final String message) {
    final String type = message.substring("{errorType:\"".length(), message.indexOf("\","));
    final int pathStart = message.indexOf("'#/") + 1;
    return type + " " + message.substring(pathStart, message.indexOf('\'', pathStart));
  }

  private static PreviousVersion previous(final int version, final String schema) {
    return new PreviousVersion(version, parse(schema));
  }

  private static ParsedSchema parse(final String schema) {
    return PROVIDERS.parse(SchemaType.JSON, json(schema), List.of(), false);
  }

  /** Schemas in this test are written with single quotes, so that they read as JSON does. */
  private static String json(final String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
