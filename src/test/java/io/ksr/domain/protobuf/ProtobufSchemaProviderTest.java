package io.ksr.domain.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.TimestampProto;
import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaType;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, linking, printing and references of Protobuf schemas. */
class ProtobufSchemaProviderTest {
  private static final ProtobufSchemaProvider PROVIDER = new ProtobufSchemaProvider();

  private static final String PROTO3 =
      """
      // The shop's order.
      syntax   =  "proto3";
      package shop.v1;
      import "google/protobuf/timestamp.proto";
      option java_multiple_files = true;
      option java_package = "com.shop.v1";

      message Order {
        /* its id */ string id = 1;
        repeated Line lines = 2; // trailing comment
        map<string, Line> by_sku = 3;
        optional int64 total = 4 [json_name = "sum"];
        google.protobuf.Timestamp at = 5;
        oneof payment { string card = 7; Status cash = 6; }
        reserved 10 to 12, 20, "old";
        message Line { string sku = 1; }
      }
      enum Status { UNKNOWN = 0; PAID = 1; }
      """;

  private static final ResolvedReference CUSTOMER =
      reference(
          "acme/customer.proto",
          "customer",
          1,
          """
          syntax = "proto3";
          package acme;
          import "acme/address.proto";
          message Customer { string name = 1; Address home = 2; }
          """);
  private static final ResolvedReference ADDRESS =
      reference(
          "acme/address.proto",
          "address",
          1,
          "syntax = \"proto3\";\npackage acme;\nmessage Address { string city = 1; }\n");

  @Test
  void shouldPrintProto3InConfluentsCanonicalLayout() {
    assertEquals(
        """
        syntax = "proto3";
        package shop.v1;

        import "google/protobuf/timestamp.proto";

        option java_multiple_files = true;
        option java_package = "com.shop.v1";

        message Order {
          reserved 10 to 12, 20, "old";

          string id = 1;
          repeated Line lines = 2;
          map<string, Line> by_sku = 3;
          optional int64 total = 4 [json_name = "sum"];
          google.protobuf.Timestamp at = 5;

          oneof payment {
            string card = 7;
            Status cash = 6;
          }

          message Line {
            string sku = 1;
          }
        }
        enum Status {
          UNKNOWN = 0;
          PAID = 1;
        }
        """,
        parse(PROTO3).canonicalString());
  }

  @Test
  void shouldNormalizeOrderAndQualifyTypeNames() {
    final ParsedSchema normal = parse(PROTO3).normalize();

    assertEquals(
        """
        syntax = "proto3";
        package shop.v1;

        import "google/protobuf/timestamp.proto";

        option java_multiple_files = true;
        option java_package = "com.shop.v1";

        message Order {
          reserved 10 to 12;
          reserved 20;
          reserved "old";

          string id = 1;
          repeated .shop.v1.Order.Line lines = 2;
          map<string, .shop.v1.Order.Line> by_sku = 3;
          optional int64 total = 4 [json_name = "sum"];
          .google.protobuf.Timestamp at = 5;

          oneof payment {
            .shop.v1.Status cash = 6;
            string card = 7;
          }

          message Line {
            string sku = 1;
          }
        }
        enum Status {
          UNKNOWN = 0;
          PAID = 1;
        }
        """,
        normal.canonicalString());
    assertEquals(normal.canonicalString(), normal.normalize().canonicalString());
  }

  @Test
  void shouldGiveTheSameNormalTextToSchemasThatDifferInOrderOnly() {
    final ParsedSchema one =
        parse(
            """
            syntax = "proto3";
            import "b.proto";
            import "a.proto";
            option java_package = "p";
            option go_package = "g";
            message M {
              int32 y = 2 [deprecated = true, json_name = "why"];
              int32 x = 1;
              oneof o { string s = 4; string r = 3; }
            }
            enum E { option allow_alias = true; B = 1; A = 1; Z = 0; }
            """,
            reference("a.proto", "a", 1, "syntax = \"proto3\";"),
            reference("b.proto", "b", 1, "syntax = \"proto3\";"));
    final ParsedSchema other =
        parse(
            """
            syntax = "proto3";
            import "a.proto";
            import "b.proto";
            option go_package = "g";
            option java_package = "p";
            message M {
              int32 x = 1;
              oneof o { string r = 3; string s = 4; }
              int32 y = 2 [json_name = "why", deprecated = true];
            }
            enum E { Z = 0; A = 1; B = 1; option allow_alias = true; }
            """,
            reference("a.proto", "a", 1, "syntax = \"proto3\";"),
            reference("b.proto", "b", 1, "syntax = \"proto3\";"));

    assertNotEquals(one.canonicalString(), other.canonicalString());
    assertEquals(one.normalize().canonicalString(), other.normalize().canonicalString());
  }

  @Test
  void shouldParseProto2WithItsOwnFeatures() {
    final ParsedSchema schema =
        parse(
            """
            syntax = "proto2";
            package shop;
            message Order {
              required string id = 1;
              optional int32 qty = 2 [default = 1];
              optional string note = 3 [default = "none \\"yet\\""];
              optional group Meta = 4 { optional string by = 1; }
              extensions 100 to max;
            }
            extend Order { optional string tag = 100; }
            """);

    assertEquals(
        """
        syntax = "proto2";
        package shop;

        message Order {
          required string id = 1;
          optional int32 qty = 2 [default = 1];
          optional string note = 3 [default = "none \\"yet\\""];

          optional group Meta = 4 {
            optional string by = 1;
          }

          extensions 100 to max;
        }

        extend Order {
          optional string tag = 100;
        }
        """,
        schema.canonicalString());
    final FileDescriptor linked = ((ProtobufSchema) schema).fileDescriptor();
    assertEquals(
        "none \"yet\"",
        linked.findMessageTypeByName("Order").findFieldByName("note").getDefaultValue());
    assertEquals("shop.Order", linked.findExtensionByName("tag").getContainingType().getFullName());
    assertEquals(
        "syntax = \"proto2\";\npackage shop;\n\nmessage Order {\n  required string id = 1;\n"
            + "  optional int32 qty = 2 [default = 1];\n"
            + "  optional string note = 3 [default = \"none \\\"yet\\\"\"];\n\n"
            + "  optional group Meta = 4 {\n    optional string by = 1;\n  }\n}\n",
        schema.formatted(ProtobufSchema.IGNORE_EXTENSIONS_FORMAT));
    assertEquals(schema.canonicalString(), parse(schema.canonicalString()).canonicalString());
  }

  @Test
  void shouldPrintOptionsOfEveryKindSoThatTheyParseAgain() {
    final ParsedSchema schema =
        parse(
            """
            syntax = "proto3";
            option (meta) = { tags: ["a", "b"], doc: "x\\ny", size: 2 };
            option optimize_for = CODE_SIZE;
            message M {
              int32 a = 1 [(x) = 1.50, packed = false];
            }
            """);

    assertEquals(
        """
        syntax = "proto3";

        option (meta) = {
          doc: "x\\ny",
          size: 2,
          tags: [
            "a",
            "b"
          ]
        };
        option optimize_for = CODE_SIZE;

        message M {
          int32 a = 1 [
            packed = false,
            (x) = 1.50
          ];
        }
        """,
        schema.normalize().canonicalString());
    assertEquals(schema.canonicalString(), parse(schema.canonicalString()).canonicalString());
    assertEquals(
        "optimize_for: CODE_SIZE",
        ((ProtobufSchema) schema).fileDescriptor().getOptions().toString().trim());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "syntax = \"proto3\";\nmessage M { int32 a = 1 }",
        "syntax = \"proto3\";\nmessage M { required int32 a = 1; }",
        "message {}",
        "syntax = \"proto4\";"
      })
  void shouldRejectTextThatIsNotProtobuf(final String text) {
    final RegistryException error = assertThrows(RegistryException.class, () -> parse(text));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertTrue(
        error.getMessage().startsWith("Invalid schema of type PROTOBUF, details: "),
        error.getMessage());
  }

  @Test
  void shouldSayWhereTheSyntaxIsWrong() {
    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> parse("syntax = \"proto3\";\nmessage M { int32 a = 1 }"));

    assertEquals(
        "Invalid schema of type PROTOBUF, details: Syntax error in :2:26: expected ';' but was '}'",
        error.getMessage());
  }

  @Test
  void shouldNameATypeThatIsNotDefined() {
    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> parse("syntax = \"proto3\";\nmessage Order { Customer buyer = 1; }"));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertEquals(
        "Invalid schema of type PROTOBUF, details: Order.buyer: \"Customer\" is not defined.",
        error.getMessage());
  }

  @Test
  void shouldRejectFieldsThatShareANumber() {
    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> parse("syntax = \"proto3\";\nmessage M { int32 a = 1; string b = 1; }"));

    assertTrue(
        error.getMessage().contains("Field number 1 has already been used"), error.getMessage());
  }

  @Test
  void shouldImportReferencesGivenInDependencyOrder() {
    final ParsedSchema order =
        parse(
            """
            syntax = "proto3";
            package shop;
            import "acme/customer.proto";
            message Order { acme.Customer buyer = 1; }
            """,
            ADDRESS,
            CUSTOMER);

    final FileDescriptor linked = ((ProtobufSchema) order).fileDescriptor();
    assertEquals(
        "acme.Customer",
        linked
            .findMessageTypeByName("Order")
            .findFieldByName("buyer")
            .getMessageType()
            .getFullName());
    assertEquals("acme/customer.proto", linked.getDependencies().get(0).getName());
    assertTrue(order.canonicalString().contains("  acme.Customer buyer = 1;\n"));
  }

  @Test
  void shouldSayWhichImportHasNoReference() {
    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () ->
                parse(
                    "syntax = \"proto3\";\nimport \"acme/customer.proto\";\nmessage Order {}",
                    CUSTOMER));

    assertEquals(ErrorCode.INVALID_SCHEMA, error.errorCode());
    assertEquals(
        "Invalid schema of type PROTOBUF, details: reference 'acme/customer.proto': import"
            + " \"acme/address.proto\" is neither a reference nor a well-known file",
        error.getMessage());
    final RegistryException missing =
        assertThrows(
            RegistryException.class,
            () -> parse("syntax = \"proto3\";\nimport \"other.proto\";\nmessage Order {}"));
    assertTrue(missing.getMessage().contains("\"other.proto\""), missing.getMessage());
  }

  @Test
  void shouldRejectAReferenceThatIsNotProtobuf() {
    final ResolvedReference avro =
        new ResolvedReference("other.proto", "other", 1, SchemaType.AVRO, "\"string\"");

    final RegistryException error =
        assertThrows(
            RegistryException.class,
            () -> parse("syntax = \"proto3\";\nimport \"other.proto\";\nmessage M {}", avro));

    assertEquals(
        "Invalid schema of type PROTOBUF, details: reference 'other.proto': it is a AVRO schema",
        error.getMessage());
  }

  @Test
  void shouldImportGooglesWellKnownFilesWithoutReferences() {
    final ParsedSchema schema =
        parse(
            """
            syntax = "proto3";
            import "google/protobuf/timestamp.proto";
            import "google/protobuf/any.proto";
            import "google/protobuf/duration.proto";
            import "google/protobuf/wrappers.proto";
            import "google/protobuf/struct.proto";
            import "google/protobuf/empty.proto";
            import "google/protobuf/field_mask.proto";
            message Event {
              google.protobuf.Timestamp at = 1;
              google.protobuf.Any payload = 2;
              google.protobuf.Duration took = 3;
              google.protobuf.StringValue note = 4;
              google.protobuf.Struct extra = 5;
              google.protobuf.Empty nothing = 6;
              google.protobuf.FieldMask mask = 7;
            }
            """);

    assertEquals(
        TimestampProto.getDescriptor(),
        ((ProtobufSchema) schema).fileDescriptor().getDependencies().get(0));
  }

  @Test
  void shouldSerializeTheFileDescriptorWithQualifiedTypeNames() throws Exception {
    final ParsedSchema schema = parse(PROTO3);

    final FileDescriptorProto file =
        FileDescriptorProto.parseFrom(
            Base64.getDecoder().decode(schema.formatted(ProtobufSchema.SERIALIZED_FORMAT)));

    assertEquals("shop.v1", file.getPackage());
    assertEquals("proto3", file.getSyntax());
    assertEquals(List.of("google/protobuf/timestamp.proto"), file.getDependencyList());
    assertEquals(
        List.of("Order"),
        file.getMessageTypeList().stream().map(DescriptorProto::getName).toList());
    final DescriptorProto order = file.getMessageType(0);
    assertEquals(
        List.of("Line", "BySkuEntry"),
        order.getNestedTypeList().stream().map(DescriptorProto::getName).toList());
    final FieldDescriptorProto lines = order.getField(1);
    assertEquals(FieldDescriptorProto.Type.TYPE_MESSAGE, lines.getType());
    assertEquals(".shop.v1.Order.Line", lines.getTypeName());
    assertTrue(order.getField(3).getProto3Optional());
    assertEquals("com.shop.v1", file.getOptions().getJavaPackage());
    final FileDescriptor rebuilt =
        FileDescriptor.buildFrom(file, new FileDescriptor[] {TimestampProto.getDescriptor()});
    assertTrue(
        rebuilt.findMessageTypeByName("Order").findFieldByName("by_sku").isMapField(), "map field");
    assertEquals(
        "1",
        DynamicMessage.newBuilder(rebuilt.findMessageTypeByName("Order"))
            .setField(rebuilt.findMessageTypeByName("Order").findFieldByName("id"), "1")
            .build()
            .getField(rebuilt.findMessageTypeByName("Order").findFieldByName("id")));
    assertEquals(schema.canonicalString(), schema.formatted("no-such-format"));
  }

  @Test
  void shouldCompareReferencedMessagesOnlyWhenTheyComeFromAnotherVersion() {
    final String order =
        """
        syntax = "proto3";
        import "acme/address.proto";
        message Order { acme.Address to = 1; }
        """;
    final ResolvedReference address2 =
        reference(
            "acme/address.proto",
            "address",
            2,
            "syntax = \"proto3\";\npackage acme;\nmessage Address { int64 city = 1; }\n");
    final List<PreviousVersion> history = List.of(new PreviousVersion(1, parse(order, ADDRESS)));

    assertEquals(
        List.of(),
        CompatibilityChecker.check(parse(order, ADDRESS), history, CompatibilityLevel.FULL));
    final List<String> problems =
        CompatibilityChecker.check(parse(order, address2), history, CompatibilityLevel.BACKWARD);
    assertEquals(5, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).startsWith("{errorType:\"FIELD_SCALAR_KIND_CHANGED\"")
            && problems.get(0).contains("'#/Address/1'"),
        problems.get(0));
    assertTrue(
        problems.get(1).startsWith("{errorType:\"FIELD_NAMED_TYPE_CHANGED\"")
            && problems.get(1).contains("'#/Order/1'"),
        problems.get(1));
  }

  @Test
  void shouldCompareAReferencedMessageThatRefersToItselfOnce() {
    final String tree =
        "syntax = \"proto3\";\nimport \"node.proto\";\nmessage Tree { Node root = 1; }";
    final String node = "syntax = \"proto3\";\nmessage Node { Node next = 1; %s value = 2; }";

    final List<String> problems =
        CompatibilityChecker.check(
            parse(tree, reference("node.proto", "node", 2, node.formatted("string"))),
            List.of(
                new PreviousVersion(
                    1, parse(tree, reference("node.proto", "node", 1, node.formatted("int32"))))),
            CompatibilityLevel.BACKWARD);

    assertEquals(5, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("'#/Node/2'"), problems.get(0));
    assertTrue(problems.get(1).contains("'#/Tree/1'"), problems.get(1));
  }

  private static ResolvedReference reference(
      final String name, final String subject, final int version, final String schema) {
    return new ResolvedReference(name, subject, version, SchemaType.PROTOBUF, schema);
  }

  private static ParsedSchema parse(final String schema, final ResolvedReference... references) {
    return PROVIDER.parse(schema, List.of(references), true);
  }
}
