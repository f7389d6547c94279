package io.ksr.conformance;

import static io.ksr.conformance.Step.delete;
import static io.ksr.conformance.Step.error;
import static io.ksr.conformance.Step.get;
import static io.ksr.conformance.Step.post;
import static io.ksr.conformance.Step.put;
import static io.ksr.conformance.Tables.ADDRESS;
import static io.ksr.conformance.Tables.INT;
import static io.ksr.conformance.Tables.R1;
import static io.ksr.conformance.Tables.R2;
import static io.ksr.conformance.Tables.STRING;
import static io.ksr.conformance.Tables.USER_FIELDS;
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
 * Confluent Schema Registry's API for subjects, versions, schemas by id, deletes, references and
 * data contracts, step by step over real HTTP against a registry on a real broker. Each table
 * starts from an empty registry.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SubjectsConformanceIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void subjectsVersionsAndSchemasById(final TestInfo test) {
    run(
        test,
        dataDir,
        List.of(
            post("/subjects/s/versions", STRING, 200, "{'id':1}"),
            post("/subjects/s/versions", STRING, 200, "{'id':1}"),
            post("/subjects/s2/versions", STRING, 200, "{'id':1}"),
            post("/subjects/s2/versions?normalize=true", "{'schema':' `string` '}", 200, null),
            get("/subjects", 200, "['s','s2']"),
            get("/subjects?subjectPrefix=s2", 200, "['s2']"),
            get("/subjects?offset=1&limit=1", 200, "['s2']"),
            error("GET", "/subjects?limit=many", null, 404),
            get("/subjects/s/versions", 200, "[1]"),
            get(
                "/subjects/s/versions/latest",
                200,
                "{'subject':'s','version':1,'id':1,'schema':'`string`'}"),
            get("/subjects/s/versions/-1/schema", 200, "'string'"),
            error("GET", "/subjects/s/versions/0", null, 42202),
            error("GET", "/subjects/s/versions/2", null, 40402),
            error("GET", "/subjects/none/versions/1", null, 40401),
            get("/schemas/ids/1", 200, "{'schema':'`string`'}"),
            get("/schemas/ids/1?fetchMaxId=true", 200, "{'schema':'`string`','maxId':1}"),
            get("/schemas/ids/1/schema", 200, "'string'"),
            get("/schemas/ids/1/subjects", 200, "['s','s2']"),
            get(
                "/schemas/ids/1/versions",
                200,
                "[{'subject':'s','version':1},{'subject':'s2','version':1}]"),
            error("GET", "/schemas/ids/9", null, 40403),
            error("GET", "/schemas/ids/9/subjects", null, 40403),
            error("GET", "/schemas/ids/nine", null, 404),
            get(
                "/schemas",
                200,
                "[{'subject':'s','version':1,'id':1,'schema':'`string`'},"
                    + "{'subject':'s2','version':1,'id':1,'schema':'`string`'}]"),
            get(
                "/schemas?subjectPrefix=s2&latestOnly=true",
                200,
                "[{'subject':'s2','version':1,'id':1,'schema':'`string`'}]"),
            get(
                "/schemas?limit=1",
                200,
                "[{'subject':'s','version':1,'id':1,'schema':'`string`'}]"),
            post(
                "/subjects/s",
                "{'schema':'{`type`: `string`}'}",
                200,
                "{'subject':'s','version':1,'id':1,'schema':'`string`'}"),
            error("POST", "/subjects/s", INT, 40403),
            error("POST", "/subjects/none", INT, 40401),
            get("/schemas/types", 200, "['JSON','PROTOBUF','AVRO']"),
            error("POST", "/subjects/s/versions", "{'schema':'{`type`:`nope`}'}", 42201),
            error("POST", "/subjects/s/versions", "{'schema':'`int`','schemaType':'XML'}", 42201),
            error("POST", "/subjects/new/versions", "{'schema':''}", 42201),
            error("POST", "/subjects/s/versions", "{'schema':'`string`','version':5}", 42201),
            error("POST", "/subjects/bad%01/versions", STRING, 42208),
            error("POST", "/subjects/__GLOBAL/versions", STRING, 42208),
            // Without schema text, a registration changes the latest version's metadata.
            post(
                "/subjects/s/versions",
                "{'schema':'','metadata':{'properties':{'k':'v'}}}",
                200,
                "{'id':2}"),
            get("/subjects/s/versions/2", 200, "~'schema':'`string`'")));
  }

  @Test
  void softAndHardDeletes(final TestInfo test) {
    run(
        test,
        dataDir,
        List.of(
            post("/subjects/a/versions", R1, 200, "{'id':1}"),
            post("/subjects/a/versions", R2, 200, "{'id':2}"),
            error("DELETE", "/subjects/a/versions/3", null, 40402),
            error("DELETE", "/subjects/none/versions/1", null, 40401),
            error("DELETE", "/subjects/a/versions/0", null, 42202),
            error("DELETE", "/subjects/a/versions/2?permanent=true", null, 40407),
            delete("/subjects/a/versions/latest", 200, "2"),
            error("DELETE", "/subjects/a/versions/2", null, 40406),
            get("/subjects/a/versions", 200, "[1]"),
            get("/subjects/a/versions?deleted=true", 200, "[1,2]"),
            get("/subjects/a/versions?deletedOnly=true", 200, "[2]"),
            get("/subjects/a/versions?deleted=true&deletedAsNegative=true", 200, "[1,-2]"),
            error("GET", "/subjects/a/versions/2", null, 40402),
            get("/subjects/a/versions/2?deleted=true", 200, "~'deleted':true"),
            get("/schemas/ids/2", 200, null),
            get("/schemas/ids/2/versions", 200, "[]"),
            get("/schemas/ids/2/versions?deleted=true", 200, "[{'subject':'a','version':2}]"),
            error("POST", "/subjects/a", R2, 40403),
            post("/subjects/a?deleted=true", R2, 200, "~'version':2"),
            error("DELETE", "/subjects/a?permanent=true", null, 40405),
            delete("/subjects/a", 200, "[1]"),
            error("DELETE", "/subjects/a", null, 40404),
            get("/subjects", 200, "[]"),
            get("/subjects?deletedOnly=true", 200, "['a']"),
            get("/subjects?deleted=true", 200, "['a']"),
            error("GET", "/subjects/a/versions", null, 40401),
            delete("/subjects/a?permanent=true", 200, "[1,2]"),
            get("/subjects?deleted=true", 200, "[]"),
            error("GET", "/schemas/ids/1", null, 40403),
            error("DELETE", "/subjects/a", null, 40401),
            post("/subjects/a/versions", R1, 200, "{'id':3}"),
            // Re-registering a soft-deleted schema gives a new version with the same id.
            post("/subjects/b/versions", STRING, 200, "{'id':4}"),
            delete("/subjects/b", 200, "[1]"),
            post("/subjects/b/versions", STRING, 200, "{'id':4}"),
            get("/subjects/b/versions?deleted=true", 200, "[2]"),
            // A hard delete frees the version number for the next registration.
            post("/subjects/b/versions", INT, 409, "error:40901"),
            put("/config/b", "{'compatibility':'NONE'}", 200, null),
            post("/subjects/b/versions", INT, 200, "{'id':5}"),
            delete("/subjects/b/versions/3", 200, "3"),
            delete("/subjects/b/versions/3?permanent=true", 200, "3"),
            post("/subjects/b/versions", "{'schema':'`long`'}", 200, "{'id':6}"),
            get("/subjects/b/versions", 200, "[2,3]")));
  }

  @Test
  void references(final TestInfo test) {
    final String user =
        "{'schema':"
            + USER_FIELDS
            + ",'references':[{'name':'x.Address','subject':'addr','version':-1}]}";
    run(
        test,
        dataDir,
        List.of(
            post("/subjects/addr/versions", ADDRESS, 200, "{'id':1}"),
            post("/subjects/user/versions", user, 200, "{'id':2}"),
            post("/subjects/user/versions", user, 200, "{'id':2}"),
            get(
                "/subjects/user/versions/1",
                200,
                "{'subject':'user','version':1,'id':2,"
                    + "'references':[{'name':'x.Address','subject':'addr','version':1}],"
                    + "'schema':'{`type`:`record`,`name`:`User`,`namespace`:`x`,"
                    + "`fields`:[{`name`:`home`,`type`:`Address`}]}'}"),
            get("/subjects/user/versions/1?format=resolved", 200, "~`street`"),
            get("/schemas/ids/2", 200, "~'references':[{'name':'x.Address'"),
            post("/subjects/user", user, 200, "~'version':1"),
            get("/subjects/addr/versions/1/referencedby", 200, "[2]"),
            error("DELETE", "/subjects/addr/versions/1", null, 42206),
            error("DELETE", "/subjects/addr", null, 42206),
            error(
                "POST",
                "/subjects/other/versions",
                "{'schema':"
                    + USER_FIELDS
                    + ",'references':[{'name':'x.Address','subject':'missing','version':1}]}",
                42201),
            error("POST", "/subjects/other/versions", "{'schema':" + USER_FIELDS + "}", 42201),
            delete("/subjects/user", 200, "[1]"),
            get("/subjects/addr/versions/1/referencedby", 200, "[]"),
            delete("/subjects/addr", 200, "[1]")));
  }

  @Test
  void metadataAndRuleSets(final TestInfo test) {
    final String owned =
        "{'schema':'`string`','metadata':{'properties':{'owner':'team-a'}},"
            + "'ruleSet':{'domainRules':[{'name':'checkLen','kind':'CONDITION','type':'CEL',"
            + "'mode':'WRITE','expr':'size(message) < 10'}]}}";
    run(
        test,
        dataDir,
        List.of(
            post("/subjects/md/versions", owned, 200, "{'id':1}"),
            get("/subjects/md/versions/1", 200, "~'metadata':{'properties':{'owner':'team-a'}}"),
            get("/schemas/ids/1", 200, "~'name':'checkLen'"),
            post("/subjects/md/versions", owned, 200, "{'id':1}"),
            // Other metadata is another schema: a new id and version.
            post(
                "/subjects/md/versions",
                "{'schema':'`string`','metadata':{'properties':{'owner':'team-b'}}}",
                200,
                "{'id':2}"),
            get("/subjects/md/versions", 200, "[1,2]"),
            get("/subjects/md/metadata?key=owner&value=team-a", 200, "~'version':1"),
            get("/schemas?ruleType=CEL", 200, "~'subject':'md','version':1"),
            error("GET", "/subjects/md/metadata?key=owner&value=nobody", null, 40403),
            error(
                "POST",
                "/subjects/md/versions",
                "{'schema':'`string`','ruleSet':{'domainRules':[{'name':'r','mode':'WRITE'}]}}",
                42210),
            // Defaults from the config are added to what a registration brings.
            put("/config/md2", "{'defaultMetadata':{'properties':{'tier':'gold'}}}", 200, null),
            post("/subjects/md2/versions", STRING, 200, "{'id':3}"),
            get("/subjects/md2/versions/1", 200, "~'properties':{'tier':'gold'}"),
            post("/subjects/md2", STRING, 200, "~'id':3")));
  }
}
