package io.ksr.bench;

import io.ksr.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up with a large registry: the time from process start to ready, and the peak RSS, of a
 * registry process on a {@code _schemas} topic of many schemas, started cold (empty data directory)
 * and restarted warm (data directory kept).
 *
 * <p>Run with {@code mvn test -Dtest=StartupBenchmark -Dksr.excludedGroups=}; it prints a Markdown
 * table and writes it to {@code target/startup-benchmark.md}. {@code -Dksr.startupJvmOptions="..."}
 * gives the registry JVM options; by default it has none, as {@code java -jar target/ksr.jar}.
 */
@Tag("benchmark")
@ExtendWith(TestKafka.class)
class StartupBenchmark {
  private static final int SUBJECTS = Integer.getInteger("ksr.startupSubjects", 10_000);
  private static final int VERSIONS = Integer.getInteger("ksr.startupVersions", 10);
  private static final int REPETITIONS = Integer.getInteger("ksr.startupRepetitions", 3);
  private static final List<String> JVM_OPTIONS =
      Arrays.stream(System.getProperty("ksr.startupJvmOptions", "").trim().split("\\s+"))
          .filter(option -> !option.isEmpty())
          .toList();

  @TempDir Path dir;

  @Test
  void measureColdAndWarmStarts() throws Exception {
    final SchemasTopic topic =
        SchemasTopic.fill(TestKafka.bootstrapServers(), "_schemas-startup", SUBJECTS, VERSIONS);
    final StartupBench.Result result =
        StartupBench.run(topic, "startup-benchmark", dir, JVM_OPTIONS, REPETITIONS, false);
    final StringBuilder table =
        new StringBuilder()
            .append("Measured ")
            .append(LocalDate.now())
            .append(", ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, ")
            .append(topic.schemas())
            .append(" schemas over ")
            .append(topic.subjects())
            .append(" subjects, registry JVM options: ")
            .append(JVM_OPTIONS.isEmpty() ? "none" : "`" + String.join(" ", JVM_OPTIONS) + "`")
            .append(", ")
            .append(REPETITIONS)
            .append(" runs each.\n\n")
            .append("| start | ready (ms), median | of which the registry's own start (ms) |")
            .append(" CPU time to ready (ms), median | peak RSS (MiB), median | ready, runs (ms) |")
            .append(" peak RSS, runs (MiB) | load average at each start |\n")
            .append("|---|---|---|---|---|---|---|---|\n");
    for (final String start : List.of(StartupBench.COLD, StartupBench.WARM)) {
      final List<StartupBench.Run> runs = result.of(start);
      table
          .append("| ")
          .append(start)
          .append(" | ")
          .append(median(runs, StartupBench.Run::readyMillis))
          .append(" | ")
          .append(median(runs, StartupBench.Run::ownMillis))
          .append(" | ")
          .append(median(runs, StartupBench.Run::cpuMillis))
          .append(" | ")
          .append(median(runs, StartupBench.Run::peakRssMib))
          .append(" | ")
          .append(runs.stream().map(StartupBench.Run::readyMillis).toList())
          .append(" | ")
          .append(runs.stream().map(StartupBench.Run::peakRssMib).toList())
          .append(" | ")
          .append(runs.stream().map(StartupBench.Run::loadAverage).toList())
          .append(" |\n");
    }
    table
        .append("\nThe first cold start's catch-up log:\n\n```\n")
        .append(result.catchUpLog())
        .append("\n```\n");
    System.out.println(table);
    Files.writeString(Path.of("target", "startup-benchmark.md"), table);
  }

  private static long median(
      final List<StartupBench.Run> runs, final ToLongFunction<StartupBench.Run> value) {
    final long[] sorted = runs.stream().mapToLong(value).sorted().toArray();
    return sorted[sorted.length / 2];
  }
}
