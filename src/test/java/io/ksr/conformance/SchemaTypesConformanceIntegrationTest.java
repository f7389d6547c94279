package io.ksr.conformance;

import static io.ksr.conformance.Step.error;
import static io.ksr.conformance.Step.get;
import static io.ksr.conformance.Step.post;
import static io.ksr.conformance.Tables.run;

import io.ksr.testkit.TestKafka;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON Schema and Protobuf through the REST API, as Avro: register with references, read back, look
 * up, evolve, and have an incompatible change refused; step by step over real HTTP.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SchemaTypesConformanceIntegrationTest {
  private static final String ADDRESS_JSON =
      "{'schemaType':'JSON','schema':'{`type`:`object`,`properties`:{`street`:{`type`:`string`}},"
          + "`additionalProperties`:false}'}";
  private static final String PERSON_JSON =
      "{'schemaType':'JSON','schema':'{`type`:`object`,`properties`:{`name`:{`type`:`string`},"
          + "`home`:{`$ref`:`address.json`}},`additionalProperties`:false}',"
          + "'references':[{'name':'address.json','subject':'address-json','version':1}]}";
  private static final String PERSON_JSON_WITH_AGE =
      "{'schemaType':'JSON','schema':'{`type`:`object`,`properties`:{`name`:{`type`:`string`},"
          + "`age`:{`type`:`integer`},`home`:{`$ref`:`address.json`}},`additionalProperties`:false}',"
          + "'references':[{'name':'address.json','subject':'address-json','version':1}]}";
  private static final String PERSON_JSON_WITHOUT_NAME =
      "{'schemaType':'JSON','schema':'{`type`:`object`,`properties`:{"
          + "`age`:{`type`:`integer`},`home`:{`$ref`:`address.json`}},`additionalProperties`:false}',"
          + "'references':[{'name':'address.json','subject':'address-json','version':1}]}";
  private static final String MONEY_PROTO =
      "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; package common;"
          + " message Money { int64 cents = 1; string currency = 2; }'}";
  private static final String ORDER_PROTO =
      "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; package shop; import `common.proto`;"
          + " message Order { string id = 1; common.Money total = 2; }',"
          + "'references':[{'name':'common.proto','subject':'money-proto','version':1}]}";
  private static final String ORDER_PROTO_WITH_NOTE =
      "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; package shop; import `common.proto`;"
          + " message Order { string id = 1; common.Money total = 2; string note = 3; }',"
          + "'references':[{'name':'common.proto','subject':'money-proto','version':1}]}";
  private static final String ORDER_PROTO_ID_AS_MESSAGE =
      "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; package shop; import `common.proto`;"
          + " message Order { common.Money id = 1; common.Money total = 2; }',"
          + "'references':[{'name':'common.proto','subject':'money-proto','version':1}]}";

  @TempDir Path dataDir;

  @Test
  void jsonSchema(final TestInfo test) {
    run(
        test,
        dataDir,
        List.of(
            get("/schemas/types", 200, "['JSON','PROTOBUF','AVRO']"),
            post("/subjects/address-json/versions", ADDRESS_JSON, 200, "{'id':1}"),
            post("/subjects/person-json/versions", PERSON_JSON, 200, "{'id':2}"),
            post("/subjects/person-json/versions", PERSON_JSON, 200, "{'id':2}"),
            get("/subjects/person-json/versions/1", 200, "~'schemaType':'JSON'"),
            get("/schemas/ids/2", 200, "~'references':[{'name':'address.json'"),
            get("/schemas/ids/2?format=resolved", 200, "~street"),
            post("/subjects/person-json", PERSON_JSON, 200, "~'version':1"),
            get("/subjects/address-json/versions/1/referencedby", 200, "[2]"),
            post("/subjects/person-json/versions", PERSON_JSON_WITH_AGE, 200, "{'id':3}"),
            error("POST", "/subjects/person-json/versions", PERSON_JSON_WITHOUT_NAME, 40901),
            post(
                "/compatibility/subjects/person-json/versions?verbose=true",
                PERSON_JSON_WITHOUT_NAME,
                200,
                "~'is_compatible':false"),
            error(
                "POST",
                "/subjects/bad-json/versions",
                "{'schemaType':'JSON','schema':'{`type`:`nope`}'}",
                42201),
            error(
                "POST",
                "/subjects/bad-json/versions",
                "{'schemaType':'JSON','schema':'{`$ref`:`missing.json`}'}",
                42201)));
  }

  @Test
  void protobuf(final TestInfo test) {
    run(
        test,
        dataDir,
        List.of(
            post("/subjects/money-proto/versions", MONEY_PROTO, 200, "{'id':1}"),
            post("/subjects/order-proto/versions", ORDER_PROTO, 200, "{'id':2}"),
            post("/subjects/order-proto/versions", ORDER_PROTO, 200, "{'id':2}"),
            get("/subjects/order-proto/versions/1", 200, "~'schemaType':'PROTOBUF'"),
            get("/schemas/ids/2", 200, "~'references':[{'name':'common.proto'"),
            get("/schemas/ids/2?format=serialized", 200, "~'schemaType':'PROTOBUF'"),
            post("/subjects/order-proto", ORDER_PROTO, 200, "~'version':1"),
            post("/subjects/order-proto/versions", ORDER_PROTO_WITH_NOTE, 200, "{'id':3}"),
            error("POST", "/subjects/order-proto/versions", ORDER_PROTO_ID_AS_MESSAGE, 40901),
            error(
                "POST",
                "/subjects/bad-proto/versions",
                "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; message M { Nope n = 1; }'}",
                42201),
            error(
                "POST",
                "/subjects/bad-proto/versions",
                "{'schemaType':'PROTOBUF','schema':'syntax = `proto3`; import `missing.proto`;"
                    + " message M { int32 n = 1; }'}",
                42201)));
  }
}
