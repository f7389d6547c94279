package io.ksr.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link SerdeBenchmark} with JMH and reports the serializer's and deserializer's overhead
 * over plain Avro.
 *
 * <p>Run with {@code mvn test -Dtest=SerdeBenchmarkRunner -Dksr.excludedGroups=}; it prints a
 * Markdown table and writes it to {@code target/serde-benchmark.md}.
 */
@Tag("benchmark")
class SerdeBenchmarkRunner {
  @Test
  void measureSerdeOverhead() throws Exception {
    final Options options =
        new OptionsBuilder()
            .include(SerdeBenchmark.class.getName())
            // In the test JVM: Surefire's class path is not one a forked JMH JVM could reuse.
            .forks(0)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(2))
            .build();
    final Collection<RunResult> results = new Runner(options).run();
    final Map<String, Double> opsPerMs = new TreeMap<>();
    for (final RunResult result : results) {
      final String name = result.getParams().getBenchmark();
      opsPerMs.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    final String table =
        "Measured "
            + LocalDate.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, JMH throughput in the test JVM (3 × 2 s warm-up, 5 × 2 s measured).\n\n"
            + "| operation | plain Avro (ops/ms) | Serde (ops/ms) | Serde time / plain time |\n"
            + "|---|---|---|---|\n"
            + row("encode", opsPerMs.get("plainEncode"), opsPerMs.get("serialize"))
            + row("decode", opsPerMs.get("plainDecode"), opsPerMs.get("deserialize"));
    System.out.println(table);
    Files.writeString(Path.of("target", "serde-benchmark.md"), table);
  }

  private static String row(final String operation, final double plain, final double serde) {
    return String.format("| %s | %.0f | %.0f | %.2f |%n", operation, plain, serde, plain / serde);
  }
}
