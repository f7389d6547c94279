package io.ksr.bench;

import io.ksr.testkit.TestClusters;
import io.ksr.testkit.WriterChaos;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long chaos run: the writer of three registry processes killed and frozen in turn, many times,
 * under continuous writes; it prints what was acknowledged, lost and doubled, and how long writes
 * took to flow again after each fault.
 *
 * <p>Run with {@code mvn test -Dtest=WriterChaosBenchmark -Dksr.excludedGroups=
 * -Dksr.chaosFaults=10}; it prints a Markdown table and writes it to {@code
 * target/writer-chaos-benchmark.md}.
 */
@Tag("benchmark")
class WriterChaosBenchmark {
  private static final int FAULTS = Integer.getInteger("ksr.chaosFaults", 10);

  @TempDir Path dir;

  @Test
  void injectFaults() throws Exception {
    try (KafkaClusterTestKit cluster = TestClusters.start(3)) {
      new WriterChaos(cluster, dir).run(FAULTS, WriterChaosBenchmark::report);
    }
  }

  private static void report(final WriterChaos.Result result) {
    final String table = FailoverBenchmark.heading() + result.figures();
    System.out.println(table);
    try {
      Files.writeString(Path.of("target", "writer-chaos-benchmark.md"), table);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
