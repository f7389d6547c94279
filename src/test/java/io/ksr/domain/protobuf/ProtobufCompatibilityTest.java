package io.ksr.domain.protobuf;

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

/** Protobuf schema changes and the verdict of each compatibility level on them. */
class ProtobufCompatibilityTest {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  private static String proto3(final String body) {
    return "syntax = \"proto3\";\npackage acme;\n" + body;
  }

  private static String proto2(final String body) {
    return "syntax = \"proto2\";\npackage acme;\n" + body;
  }

  private static String m(final String fields) {
    return proto3("message M {\n" + fields + "\n}\n");
  }

  private static String m2(final String fields) {
    return proto2("message M {\n" + fields + "\n}\n");
  }

  private static String withTypes(final String fields) {
    return m(fields)
        + "message A { string s = 1; }\nmessage B { string s = 1; }\nenum E { E0 = 0; E1 = 1; }\n";
  }

  static Stream<Arguments> changes() {
    // change, old, new, BACKWARD, FORWARD, FULL
    return Stream.of(
        Arguments.of(
            "add a field", m("string a = 1;"), m("string a = 1; int32 b = 2;"), true, true, true),
        Arguments.of(
            "remove a field",
            m("string a = 1; int32 b = 2;"),
            m("string a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "rename a field, same number",
            m("string a = 1;"),
            m("string b = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "add a message type",
            m("string a = 1;"),
            m("string a = 1;") + "message N { int32 x = 1; }\n",
            true,
            false,
            false),
        Arguments.of(
            "remove a message type",
            m("string a = 1;") + "message N { int32 x = 1; }\n",
            m("string a = 1;"),
            false,
            true,
            false),
        Arguments.of(
            "reorder message types",
            proto3("message M { int32 x = 1; }\nmessage N { int32 y = 1; }\n"),
            proto3("message N { int32 y = 1; }\nmessage M { int32 x = 1; }\n"),
            true,
            true,
            true),
        Arguments.of(
            "reorder nested types and fields",
            m("int32 x = 1; int32 y = 2; message P { int32 p = 1; } message Q { int32 q = 1; }"),
            m("message Q { int32 q = 1; } message P { int32 p = 1; } int32 y = 2; int32 x = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "change the package",
            m("string a = 1;"),
            "syntax = \"proto3\";\npackage other;\nmessage M { string a = 1; }\n",
            false,
            false,
            false),
        Arguments.of("int32 to int64", m("int32 a = 1;"), m("int64 a = 1;"), true, true, true),
        Arguments.of("uint32 to bool", m("uint32 a = 1;"), m("bool a = 1;"), true, true, true),
        Arguments.of(
            "int32 to an enum", withTypes("int32 a = 1;"), withTypes("E a = 1;"), true, true, true),
        Arguments.of("sint32 to sint64", m("sint32 a = 1;"), m("sint64 a = 1;"), true, true, true),
        Arguments.of("string to bytes", m("string a = 1;"), m("bytes a = 1;"), true, true, true),
        Arguments.of(
            "fixed32 to sfixed32", m("fixed32 a = 1;"), m("sfixed32 a = 1;"), true, true, true),
        Arguments.of(
            "sfixed64 to fixed64", m("sfixed64 a = 1;"), m("fixed64 a = 1;"), true, true, true),
        Arguments.of("int32 to sint32", m("int32 a = 1;"), m("sint32 a = 1;"), false, false, false),
        Arguments.of(
            "int64 to fixed64", m("int64 a = 1;"), m("fixed64 a = 1;"), false, false, false),
        Arguments.of("float to double", m("float a = 1;"), m("double a = 1;"), false, false, false),
        Arguments.of("string to int32", m("string a = 1;"), m("int32 a = 1;"), false, false, false),
        Arguments.of(
            "scalar to message",
            withTypes("string a = 1;"),
            withTypes("A a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "message to map",
            withTypes("A a = 1;"),
            withTypes("map<string, A> a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "scalar to map",
            m("int32 a = 1;"),
            m("map<string, int32> a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "map value int32 to int64",
            m("map<string, int32> a = 1;"),
            m("map<string, int64> a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "map value int32 to string",
            m("map<string, int32> a = 1;"),
            m("map<string, string> a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "field's message type renamed",
            withTypes("A a = 1;"),
            withTypes("B a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "message type written fully qualified",
            withTypes("A a = 1;"),
            withTypes(".acme.A a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "incompatible change inside a used message",
            proto3("message M { N n = 1; }\nmessage N { int32 q = 1; }\n"),
            proto3("message M { N n = 1; }\nmessage N { string q = 1; }\n"),
            false,
            false,
            false),
        Arguments.of(
            "well-known message type changed",
            "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\n"
                + "import \"google/protobuf/duration.proto\";\n"
                + "message M { google.protobuf.Timestamp t = 1; }\n",
            "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\n"
                + "import \"google/protobuf/duration.proto\";\n"
                + "message M { google.protobuf.Duration t = 1; }\n",
            false,
            false,
            false),
        Arguments.of(
            "proto2 optional to repeated on a number",
            m2("optional int32 a = 1;"),
            m2("repeated int32 a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "proto3 optional to repeated on a number",
            m("optional int64 a = 1;"),
            m("repeated int64 a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "proto3 field without label to repeated, whose labels Confluent does not compare",
            m("int64 a = 1;"),
            m("repeated int64 a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "proto2 optional to repeated on a string",
            m2("optional string a = 1;"),
            m2("repeated string a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "proto3 optional to repeated on bytes",
            m("optional bytes a = 1;"),
            m("repeated bytes a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "proto2 required to optional on a number",
            m2("required int32 a = 1;"),
            m2("optional int32 a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "add a proto2 required field",
            m2("optional string a = 1;"),
            m2("optional string a = 1; required string b = 2;"),
            false,
            false,
            false),
        Arguments.of(
            "remove a proto2 required field",
            m2("optional string a = 1; required string b = 2;"),
            m2("optional string a = 1;"),
            false,
            false,
            false),
        Arguments.of(
            "remove a proto2 group",
            m2("optional string a = 1; optional group G = 2 { optional int32 x = 1; }"),
            m2("optional string a = 1;"),
            true,
            true,
            true),
        Arguments.of(
            "add an enum constant",
            proto3("enum E { A = 0; }\n"),
            proto3("enum E { A = 0; B = 1; }\n"),
            true,
            true,
            true),
        Arguments.of(
            "remove an enum constant",
            proto3("enum E { A = 0; B = 1; }\n"),
            proto3("enum E { A = 0; }\n"),
            true,
            true,
            true),
        Arguments.of(
            "rename an enum constant",
            proto3("enum E { A = 0; B = 1; }\n"),
            proto3("enum E { A = 0; C = 1; }\n"),
            true,
            true,
            true),
        Arguments.of(
            "add an enum type",
            m("string a = 1;"),
            m("string a = 1;") + "enum F { F0 = 0; }\n",
            true,
            true,
            true),
        Arguments.of(
            "add a oneof",
            m("string a = 1;"),
            m("string a = 1; oneof o { int32 b = 2; string c = 3; }"),
            true,
            true,
            true),
        Arguments.of(
            "add a field to a oneof",
            m("oneof o { int32 b = 2; }"),
            m("oneof o { int32 b = 2; string c = 3; }"),
            true,
            false,
            false),
        Arguments.of(
            "remove a field from a oneof",
            m("oneof o { int32 b = 2; string c = 3; }"),
            m("oneof o { int32 b = 2; }"),
            false,
            true,
            false),
        Arguments.of(
            "move one field into a new oneof",
            m("string a = 1; string b = 2;"),
            m("string a = 1; oneof o { string b = 2; int32 c = 3; }"),
            true,
            true,
            true),
        Arguments.of(
            "move a oneof field to the top level",
            m("oneof o { string a = 1; string b = 2; }"),
            m("string a = 1; oneof o { string b = 2; }"),
            true,
            false,
            false),
        Arguments.of(
            "move several existing fields into a oneof",
            m("string a = 1; string b = 2;"),
            m("oneof o { string a = 1; string b = 2; }"),
            false,
            true,
            false),
        Arguments.of(
            "move a field into an existing oneof",
            m("string a = 1; oneof o { string b = 2; }"),
            m("oneof o { string a = 1; string b = 2; }"),
            false,
            true,
            false),
        Arguments.of(
            "incompatible type change of a field moved into a oneof",
            m("string a = 1;"),
            m("oneof o { int32 a = 1; }"),
            false,
            false,
            false));
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
        SchemaType.PROTOBUF, oldSchema, newSchema, backward, forward, full);
  }

  @Test
  void shouldListProblemsThenOldVersionThenOldSchemaThenLevel() {
    final List<String> messages =
        CompatibilityChecker.check(
            parse(m("string a = 1; N b = 2; message N { int32 x = 1; }")),
            List.of(previous(3, m("string a = 1; int32 b = 2;"))),
            CompatibilityLevel.BACKWARD);

    assertEquals(4, messages.size(), messages.toString());
    assertEquals(
        "{errorType:\"FIELD_KIND_CHANGED\", description:\"The field at path '#/M/2' is a different"
            + " kind of field (scalar, message or map) in the new schema than in the old schema\"}",
        messages.get(0));
    assertEquals("{oldSchemaVersion: 3}", messages.get(1));
    assertTrue(messages.get(2).startsWith("{oldSchema: 'syntax = \"proto3\";\npackage acme;"));
    assertEquals("{validateFields: 'false', compatibility: 'BACKWARD'}", messages.get(3));
  }

  @Test
  void shouldNameTheReaderAndTheWriterByDirection() {
    final List<String> messages =
        CompatibilityChecker.check(
            parse(m("oneof o { int32 b = 2; }")),
            List.of(previous(1, m("oneof o { int32 b = 2; string c = 3; }"))),
            CompatibilityLevel.FULL);

    assertEquals(4, messages.size(), messages.toString());
    assertEquals(
        "{errorType:\"ONEOF_FIELD_REMOVED\", description:\"The oneof field at path '#/M/o/3' in"
            + " the old schema is missing from the new schema\"}",
        messages.get(0));
    final List<String> forward =
        CompatibilityChecker.check(
            parse(m("oneof o { int32 b = 2; string c = 3; }")),
            List.of(previous(1, m("oneof o { int32 b = 2; }"))),
            CompatibilityLevel.FORWARD);
    assertEquals(
        "{errorType:\"ONEOF_FIELD_REMOVED\", description:\"The oneof field at path '#/M/o/3' in"
            + " the new schema is missing from the old schema\"}",
        forward.get(0));
  }

  @Test
  void shouldReportEachIncompatibleDifferenceWithItsPath() {
    final List<String> problems =
        parse(proto2("message M { optional string a = 1; required int32 c = 3; }\n"))
            .readProblems(
                parse(
                    proto2(
                        "message M { required int64 b = 2; optional int32 c = 3;"
                            + " message Gone { optional int32 g = 1; } }\n")),
                true);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("{errorType:\"REQUIRED_FIELD_REMOVED\""));
    assertTrue(problems.get(0).contains("'#/M/2'"), problems.get(0));
    assertTrue(problems.get(1).startsWith("{errorType:\"FIELD_NUMERIC_LABEL_CHANGED\""));
    assertTrue(problems.get(1).contains("'#/M/3'"), problems.get(1));
    assertTrue(problems.get(2).startsWith("{errorType:\"MESSAGE_REMOVED\""), problems.get(2));
    assertTrue(problems.get(2).contains("'#/M/Gone'"), problems.get(2));
  }

  @Test
  void shouldTypeEveryDifferenceIncludingCompatibleOnes() {
    final List<ProtobufDifference> differences =
        ProtobufDiff.compare(
            (ProtobufSchema) parse(proto3("message M { int32 x = 1; }\nmessage N { }\n")),
            (ProtobufSchema)
                parse(
                    "syntax = \"proto3\";\npackage other;\n"
                        + "message N { }\nmessage M { int64 y = 1; string z = 2; }\n"));

    assertEquals(
        List.of(
            new ProtobufDifference(ProtobufDifference.Type.PACKAGE_CHANGED, "#/"),
            new ProtobufDifference(ProtobufDifference.Type.FIELD_NAME_CHANGED, "#/M/1"),
            new ProtobufDifference(ProtobufDifference.Type.FIELD_ADDED, "#/M/2"),
            new ProtobufDifference(ProtobufDifference.Type.MESSAGE_MOVED, "#/M"),
            new ProtobufDifference(ProtobufDifference.Type.MESSAGE_MOVED, "#/N")),
        differences);
  }

  @Test
  void shouldCheckOnlyTheLatestVersionUnlessTransitive() {
    final List<PreviousVersion> history =
        List.of(previous(2, m("string a = 1;")), previous(1, m("string a = 1; string b = 2;")));
    final ParsedSchema readdsBAsNumber = parse(m("string a = 1; int32 b = 2;"));

    assertEquals(
        List.of(),
        CompatibilityChecker.check(readdsBAsNumber, history, CompatibilityLevel.BACKWARD));
    final List<String> transitive =
        CompatibilityChecker.check(
            readdsBAsNumber, history, CompatibilityLevel.BACKWARD_TRANSITIVE);
    assertTrue(transitive.get(0).contains("FIELD_SCALAR_KIND_CHANGED"), transitive.toString());
    assertTrue(transitive.contains("{oldSchemaVersion: 1}"), transitive.toString());
  }

  private static PreviousVersion previous(final int version, final String schema) {
    return new PreviousVersion(version, parse(schema));
  }

  private static ParsedSchema parse(final String schema) {
    return PROVIDERS.parse(SchemaType.PROTOBUF, schema, List.of(), false);
  }
}
