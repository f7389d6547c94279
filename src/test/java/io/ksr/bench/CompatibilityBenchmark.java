package io.ksr.bench;

import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost of a subject's history: a BACKWARD_TRANSITIVE registration check and a lookup in a
 * subject with many versions, over HTTP against a registry on a real broker.
 *
 * <p>Run with {@code mvn test -Dtest=CompatibilityBenchmark -Dksr.excludedGroups=}; it prints a
 * Markdown table and writes it to {@code target/compatibility-benchmark.md}.
 */
@Tag("benchmark")
@ExtendWith(TestKafka.class)
class CompatibilityBenchmark {
  private static final int VERSIONS = Integer.getInteger("ksr.benchVersions", 1000);
  private static final int REPETITIONS = Integer.getInteger("ksr.benchRepetitions", 50);

  @TempDir Path dataDir;

  @Test
  void measureChecksAndLookupsAgainstALongHistory() throws Exception {
    try (TestRegistry registry =
        TestRegistry.start(TestRegistry.settings("compatibility-benchmark", dataDir))) {
      final CompatibilityBench.Result result =
          CompatibilityBench.run(registry.client(), VERSIONS, REPETITIONS);
      final String table =
          "Measured "
              + LocalDate.now()
              + ", "
              + Runtime.getRuntime().availableProcessors()
              + " cores, one registry on one broker, "
              + REPETITIONS
              + " timed requests each.\n\n"
              + "| versions | check p50 (ms) | check p99 (ms) | lookup p50 (ms) | lookup p99 (ms) |\n"
              + "|---|---|---|---|---|\n"
              + String.format(
                  "| %d | %.1f | %.1f | %.1f | %.1f |%n",
                  result.versions(),
                  result.checkP50(),
                  result.checkP99(),
                  result.lookupP50(),
                  result.lookupP99());
      System.out.println(table);
      Files.writeString(Path.of("target", "compatibility-benchmark.md"), table);
    }
  }
}
