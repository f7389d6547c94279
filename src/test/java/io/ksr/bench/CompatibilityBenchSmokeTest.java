package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The compatibility benchmark's harness on a small history, so that it keeps working. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class CompatibilityBenchSmokeTest {
  @TempDir Path dataDir;

  @Test
  void shouldFillASubjectAndTimeItsChecksAndLookups() {
    try (TestRegistry registry =
        TestRegistry.start(TestRegistry.settings("compatibility-bench-smoke", dataDir))) {
      final CompatibilityBench.Result result = CompatibilityBench.run(registry.client(), 5, 2);

      assertEquals(5, result.versions());
      assertTrue(result.checkP50() > 0 && result.lookupP50() > 0, result.toString());
      assertEquals(
          "{\"is_compatible\":false}",
          registry
              .client()
              .post(
                  "/compatibility/subjects/history/versions",
                  "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"History\\\","
                      + "\\\"fields\\\":[{\\\"name\\\":\\\"g\\\",\\\"type\\\":\\\"int\\\"}]}\"}")
              .body());
    }
  }
}
