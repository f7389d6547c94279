package io.ksr.conformance;

import static io.ksr.conformance.Step.delete;
import static io.ksr.conformance.Step.error;
import static io.ksr.conformance.Step.get;
import static io.ksr.conformance.Step.post;
import static io.ksr.conformance.Step.put;

import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Confluent Schema Registry's REST API, endpoint by endpoint and error code by error code, over
 * real HTTP against a registry on a real broker. Each table starts from an empty registry.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class ConformanceIntegrationTest {
  private static final String STRING = "{'schema':'`string`'}";
  private static final String INT = "{'schema':'`int`'}";
  private static final String R1 =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`}]}'}";
  private static final String R2 =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`},"
          + "{`name`:`b`,`type`:`string`,`default`:`x`}]}'}";
  private static final String R3_NO_DEFAULT =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`},"
          + "{`name`:`c`,`type`:`string`}]}'}";
  private static final String R1_TEXT =
      "{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`}]}";
  private static final String ADDRESS =
      "{'schema':'{`type`:`record`,`name`:`Address`,`namespace`:`x`,"
          + "`fields`:[{`name`:`street`,`type`:`string`}]}'}";
  private static final String USER_FIELDS =
      "'{`type`:`record`,`name`:`User`,`namespace`:`x`,"
          + "`fields`:[{`name`:`home`,`type`:`x.Address`}]}'";

  @TempDir Path dataDir;

  @Test
  void subjectsVersionsAndSchemasById(final TestInfo test) {
    run(
        test,
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
            get("/schemas/types", 200, "['AVRO']"),
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
  void configs(final TestInfo test) {
    run(
        test,
        List.of(
            get("/config", 200, "{'compatibilityLevel':'BACKWARD'}"),
            error("GET", "/config/c", null, 40408),
            get("/config/c?defaultToGlobal=true", 200, "{'compatibilityLevel':'BACKWARD'}"),
            put(
                "/config/c",
                "{'compatibility':'full','normalize':true}",
                200,
                "{'normalize':true,'compatibility':'FULL'}"),
            get("/config/c", 200, "{'normalize':true,'compatibilityLevel':'FULL'}"),
            put(
                "/config/c",
                "{'compatibilityGroup':'app'}",
                200,
                "{'normalize':true,'compatibility':'FULL','compatibilityGroup':'app'}"),
            put(
                "/config/c",
                "{'normalize':null}",
                200,
                "{'compatibility':'FULL','compatibilityGroup':'app'}"),
            error("PUT", "/config/c", "{'compatibility':'SIDEWAYS'}", 42203),
            error(
                "PUT",
                "/config/c",
                "{'defaultRuleSet':{'domainRules':[{'name':'1x','type':'CEL','mode':'WRITE'}]}}",
                42210),
            error("PUT", "/config/c", "{'compatibility':", 400),
            error("PUT", "/config/bad%01", "{'compatibility':'NONE'}", 42208),
            delete("/config/c", 200, "{'compatibilityLevel':'FULL','compatibilityGroup':'app'}"),
            error("DELETE", "/config/c", null, 40401),
            put("/config", "{'compatibility':'NONE'}", 200, "{'compatibility':'NONE'}"),
            get("/config/c?defaultToGlobal=true", 200, "{'compatibilityLevel':'NONE'}"),
            delete("/config", 200, "{'compatibilityLevel':'NONE'}"),
            get("/config", 200, "{'compatibilityLevel':'BACKWARD'}"),
            put("/config/:.ctx:", "{'compatibility':'FORWARD'}", 200, null),
            get("/config/:.ctx:c?defaultToGlobal=true", 200, "{'compatibilityLevel':'FORWARD'}"),
            get("/contexts/.ctx/config", 200, "{'compatibilityLevel':'FORWARD'}"),
            // The level in force decides registrations.
            post("/subjects/f/versions", R1, 200, "{'id':1}"),
            post("/subjects/f/versions", R3_NO_DEFAULT, 409, "error:40901"),
            put("/config/f", "{'compatibility':'FORWARD'}", 200, null),
            post("/subjects/f/versions", R3_NO_DEFAULT, 200, "{'id':2}")));
  }

  @Test
  void modesAndImport(final TestInfo test) {
    run(
        test,
        List.of(
            get("/mode", 200, "{'mode':'READWRITE'}"),
            error("GET", "/mode/m", null, 40409),
            get("/mode/m?defaultToGlobal=true", 200, "{'mode':'READWRITE'}"),
            put("/mode/m", "{'mode':'readonly'}", 200, "{'mode':'READONLY'}"),
            get("/mode/m", 200, "{'mode':'READONLY'}"),
            error("POST", "/subjects/m/versions", STRING, 42205),
            delete("/mode/m", 200, "{'mode':'READONLY'}"),
            error("DELETE", "/mode/m", null, 40401),
            error("PUT", "/mode", "{'mode':'SIDEWAYS'}", 42204),
            post("/subjects/m/versions", STRING, 200, "{'id':1}"),
            error("POST", "/subjects/m/versions", "{'schema':'`int`','id':5}", 42205),
            error("PUT", "/mode", "{'mode':'IMPORT'}", 42205),
            put("/mode/imp", "{'mode':'IMPORT'}", 200, "{'mode':'IMPORT'}"),
            error("POST", "/subjects/imp/versions", "{'schema':'`long`'}", 42205),
            post(
                "/subjects/imp/versions",
                "{'schema':'`long`','id':10,'version':3}",
                200,
                "{'id':10}"),
            post(
                "/subjects/imp/versions",
                "{'schema':'`long`','id':10,'version':3}",
                200,
                "{'id':10}"),
            error(
                "POST", "/subjects/imp/versions", "{'schema':'`int`','id':10,'version':4}", 42205),
            // No compatibility check in IMPORT mode.
            post(
                "/subjects/imp/versions",
                "{'schema':'`int`','id':11,'version':7}",
                200,
                "{'id':11}"),
            get("/subjects/imp/versions", 200, "[3,7]"),
            put("/mode/imp", "{'mode':'READWRITE'}", 200, null),
            post("/subjects/n/versions", "{'schema':'`bytes`'}", 200, "{'id':12}"),
            put("/mode", "{'mode':'READONLY_OVERRIDE'}", 200, null),
            get("/mode/imp?defaultToGlobal=true", 200, "{'mode':'READONLY_OVERRIDE'}"),
            error("POST", "/subjects/n/versions", INT, 42205),
            error("DELETE", "/subjects/n", null, 42205),
            error("PUT", "/config/n", "{'compatibility':'NONE'}", 42205),
            put("/mode", "{'mode':'READWRITE'}", 200, null),
            put("/mode?force=true", "{'mode':'IMPORT'}", 200, "{'mode':'IMPORT'}"),
            put("/mode", "{'mode':'READWRITE'}", 200, null)));
  }

  @Test
  void compatibilityChecks(final TestInfo test) {
    run(
        test,
        List.of(
            post("/compatibility/subjects/c/versions/latest", R1, 200, "{'is_compatible':true}"),
            error("POST", "/compatibility/subjects/c/versions/1", R1, 40402),
            error("POST", "/compatibility/subjects/c/versions/zero", R1, 42202),
            post("/subjects/c/versions", R1, 200, "{'id':1}"),
            post(
                "/compatibility/subjects/c/versions/latest",
                R3_NO_DEFAULT,
                200,
                "{'is_compatible':false}"),
            post(
                "/compatibility/subjects/c/versions/1?verbose=true",
                R3_NO_DEFAULT,
                200,
                "~READER_FIELD_MISSING_DEFAULT_VALUE"),
            post("/compatibility/subjects/c/versions", R2, 200, "{'is_compatible':true}"),
            post(
                "/compatibility/subjects/c/versions?verbose=true",
                R2,
                200,
                "{'is_compatible':true,'messages':[]}"),
            error(
                "POST",
                "/compatibility/subjects/c/versions/latest",
                "{'schema':'{`type`:`nope`}'}",
                42201),
            post(
                "/compatibility/subjects/c/versions/latest?verbose=true",
                "{'schema':'{`type`:`nope`}'}",
                200,
                "~'is_compatible':false"),
            get("/subjects/c/versions", 200, "[1]")));
  }

  @Test
  void contextsKeepTheirOwnIds(final TestInfo test) {
    run(
        test,
        List.of(
            post("/subjects/:.ctx:a/versions", STRING, 200, "{'id':1}"),
            post("/subjects/a/versions", INT, 200, "{'id':1}"),
            get("/contexts", 200, "['.','.ctx']"),
            get("/subjects", 200, "[':.ctx:a','a']"),
            get("/subjects?subjectPrefix=:.ctx:", 200, "[':.ctx:a']"),
            get("/subjects?subjectPrefix=", 200, "['a']"),
            get("/schemas/ids/1", 200, "{'schema':'`int`'}"),
            get("/schemas/ids/1?subject=:.ctx:a", 200, "{'schema':'`string`'}"),
            get("/contexts/.ctx/subjects", 200, "[':.ctx:a']"),
            get("/contexts/.ctx/subjects/a/versions/1", 200, "~'subject':':.ctx:a'"),
            get("/contexts/.ctx/schemas/ids/1", 200, "{'schema':'`string`'}"),
            post("/contexts/.ctx/subjects/b/versions", INT, 200, "{'id':2}"),
            get("/schemas/ids/2?subject=:.ctx:b", 200, "{'schema':'`int`'}"),
            // Without a subject, an id the default context lacks is looked for in the others.
            get("/schemas/ids/2", 200, "{'schema':'`int`'}"),
            get("/subjects/:.:a/versions", 200, "[1]"),
            error("POST", "/subjects/:.ctx:/versions", INT, 42208),
            get(
                "/contexts/.ctx/subjects/b/versions/1?referenceFormat=qualified",
                200,
                "~'subject':':.ctx:b'"),
            error("DELETE", "/contexts/.ctx", null, 42211),
            delete("/subjects/:.ctx:a", 200, "[1]"),
            delete("/subjects/:.ctx:a?permanent=true", 200, "[1]"),
            delete("/subjects/:.ctx:b", 200, "[1]"),
            delete("/subjects/:.ctx:b?permanent=true", 200, "[1]"),
            new Step("DELETE", "/contexts/.ctx", null, 204, null),
            get("/contexts", 200, "['.']")));
  }

  @Test
  void metadataAndRuleSets(final TestInfo test) {
    final String owned =
        "{'schema':'`string`','metadata':{'properties':{'owner':'team-a'}},"
            + "'ruleSet':{'domainRules':[{'name':'checkLen','kind':'CONDITION','type':'CEL',"
            + "'mode':'WRITE','expr':'size(message) < 10'}]}}";
    run(
        test,
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

  @Test
  void httpConventions(final TestInfo test) {
    run(
        test,
        List.of(
            get("/", 200, "{}"),
            post("/", "{}", 200, "{}"),
            get("/v1/metadata/version", 200, "~'version':"),
            get("/v1/metadata/id", 200, "~'kafka-cluster'"),
            get("/contexts", 200, "['.']"),
            error("GET", "/no/such/path", null, 404),
            error("PATCH", "/subjects", "{}", 405),
            error("POST", "/subjects/x/versions", "{not json", 400),
            error("POST", "/subjects/x/versions", "", 422),
            error("PUT", "/mode", "[]", 400)));
    final TestRegistry registry = TestRegistry.start(settings(test, "headers"));
    try (registry) {
      final var rest = registry.client();
      org.junit.jupiter.api.Assertions.assertEquals(
          415,
          rest.request("POST", "/subjects/x/versions", STRING, "Content-Type", "text/plain")
              .status());
      org.junit.jupiter.api.Assertions.assertEquals(
          406, rest.request("GET", "/subjects", null, "Accept", "text/html").status());
      org.junit.jupiter.api.Assertions.assertEquals(
          "application/json",
          rest.request("GET", "/subjects", null, "Accept", "application/json").contentType());
    }
  }

  private void run(final TestInfo test, final List<Step> steps) {
    try (TestRegistry registry = TestRegistry.start(settings(test, "table"))) {
      Step.run(registry.client(), steps);
    }
  }

  private java.util.Map<String, Object> settings(final TestInfo test, final String part) {
    final String name = "conformance-" + test.getTestMethod().orElseThrow().getName() + "-" + part;
    return TestRegistry.settings(name, dataDir.resolve(part));
  }
}
