package io.ksr.conformance;

import static io.ksr.conformance.Step.delete;
import static io.ksr.conformance.Step.error;
import static io.ksr.conformance.Step.get;
import static io.ksr.conformance.Step.post;
import static io.ksr.conformance.Step.put;
import static io.ksr.conformance.Tables.INT;
import static io.ksr.conformance.Tables.R1;
import static io.ksr.conformance.Tables.R2;
import static io.ksr.conformance.Tables.R3_NO_DEFAULT;
import static io.ksr.conformance.Tables.STRING;
import static io.ksr.conformance.Tables.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Confluent Schema Registry's API for configs, modes and IMPORT, compatibility checks, contexts and
 * HTTP conventions, step by step over real HTTP against a registry on a real broker. Each table
 * starts from an empty registry.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class SettingsConformanceIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void configs(final TestInfo test) {
    run(
        test,
        dataDir,
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
        dataDir,
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
        dataDir,
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
        dataDir,
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
  void httpConventions(final TestInfo test) {
    run(
        test,
        dataDir,
        List.of(
            get("/", 200, "{}"),
            post("/", "{}", 200, "{}"),
            get("/v1/metadata/version", 200, "~'version':"),
            get("/v1/metadata/id", 200, "~'kafka-cluster'"),
            get("/contexts", 200, "['.']"),
            error("GET", "/no/such/path", null, 404),
            // Newer Confluent clients probe this first and fall back to <topic>-value on a 404.
            error("GET", "/associations/resources/-/orders", null, 404),
            error("PATCH", "/subjects", "{}", 405),
            error("POST", "/subjects/x/versions", "{not json", 400),
            error("POST", "/subjects/x/versions", "", 422),
            error("PUT", "/mode", "[]", 400)));
    final TestRegistry registry = TestRegistry.start(Tables.settings(test, dataDir, "headers"));
    try (registry) {
      final var rest = registry.client();
      assertEquals(
          415,
          rest.request("POST", "/subjects/x/versions", STRING, "Content-Type", "text/plain")
              .status());
      assertEquals(406, rest.request("GET", "/subjects", null, "Accept", "text/html").status());
      assertEquals(
          "application/json",
          rest.request("GET", "/subjects", null, "Accept", "application/json").contentType());
    }
  }
}
