package io.ksr.conformance;

import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/** Schemas the conformance tables use, and how a table runs against a fresh registry. */
final class Tables {
  static final String STRING = "{'schema':'`string`'}";
  static final String INT = "{'schema':'`int`'}";
  static final String R1 =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`}]}'}";
  static final String R2 =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`},"
          + "{`name`:`b`,`type`:`string`,`default`:`x`}]}'}";
  static final String R3_NO_DEFAULT =
      "{'schema':'{`type`:`record`,`name`:`R`,`fields`:[{`name`:`a`,`type`:`int`},"
          + "{`name`:`c`,`type`:`string`}]}'}";
  static final String ADDRESS =
      "{'schema':'{`type`:`record`,`name`:`Address`,`namespace`:`x`,"
          + "`fields`:[{`name`:`street`,`type`:`string`}]}'}";
  static final String USER_FIELDS =
      "'{`type`:`record`,`name`:`User`,`namespace`:`x`,"
          + "`fields`:[{`name`:`home`,`type`:`x.Address`}]}'";

  private Tables() {}

  /** Runs a table against a registry of its own, on a topic no other table uses. */
  static void run(final TestInfo test, final Path dataDir, final List<Step> steps) {
    try (TestRegistry registry = TestRegistry.start(settings(test, dataDir, "table"))) {
      Step.run(registry.client(), steps);
    }
  }

  /** Settings for a registry of one test, named after it. */
  static Map<String, Object> settings(final TestInfo test, final Path dataDir, final String part) {
    final String name = "conformance-" + test.getTestMethod().orElseThrow().getName() + "-" + part;
    return TestRegistry.settings(name, dataDir.resolve(part));
  }
}
