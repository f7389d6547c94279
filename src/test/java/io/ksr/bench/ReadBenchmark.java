package io.ksr.bench;

import io.ksr.testkit.TestKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read throughput and latency over HTTP with keep-alive connections from a separate process, beside
 * a bare Javalin endpoint and, when {@code ksr.peerUrl} is given, a peer registry; with them, the
 * registrations and lookups of schemas the registry has, which every starting producer sends.
 *
 * <p>Run with {@code mvn test -Dtest=ReadBenchmark -Dksr.excludedGroups=}; it prints a Markdown
 * table and writes it to {@code target/read-benchmark.md}.
 */
@Tag("benchmark")
@ExtendWith(TestKafka.class)
class ReadBenchmark {
  private static final ReadBench.Settings SETTINGS =
      new ReadBench.Settings(
          Integer.getInteger("ksr.readIds", 10_000),
          System.getProperty("ksr.peerUrl"),
          Integer.getInteger("ksr.peerIds", 2_000),
          Integer.getInteger("ksr.readConnections", 32),
          Integer.getInteger("ksr.knownSchemas", 100),
          Integer.getInteger("ksr.knownConnections", 16),
          Duration.ofSeconds(Integer.getInteger("ksr.readWarmupSeconds", 5)),
          Duration.ofSeconds(Integer.getInteger("ksr.readSeconds", 15)),
          Integer.getInteger("ksr.readRounds", 3));

  @TempDir Path dataDir;

  @Test
  void measureReadsAgainstABareEndpointAndThePeer() throws Exception {
    final String table = table(ReadBench.run("read-benchmark", dataDir, SETTINGS));
    System.out.println(table);
    Files.writeString(Path.of("target", "read-benchmark.md"), table);
  }

  private static String table(final List<ReadBench.Row> rows) {
    final StringBuilder table =
        new StringBuilder()
            .append("Measured ")
            .append(LocalDate.now())
            .append(", ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cores, ")
            .append("keep-alive connections (as the table says) from a load generator in its own")
            .append(" JVM; ")
            .append(SETTINGS.rounds())
            .append(" rounds of ")
            .append(SETTINGS.measure().toSeconds())
            .append(" s after ")
            .append(SETTINGS.warmup().toSeconds())
            .append(" s of warm-up per load, loads taking turns; medians of the rounds.\n\n")
            .append("| server | request | keys cycled | connections | req/s | p50 (ms) | p99 (ms)")
            .append(" | p99.9 (ms) | non-2xx |\n|---|---|---|---|---|---|---|---|---|\n");
    for (final ReadBench.Row row : rows) {
      final LoadGenerator.Result r = row.median();
      table.append(
          String.format(
              "| %s | %s | %d | %d | %.0f | %.2f | %.2f | %.2f | %d |%n",
              row.server(),
              row.request(),
              row.keys(),
              row.connections(),
              r.perSecond(),
              r.p50(),
              r.p99(),
              r.p999(),
              r.failures()));
    }
    final LoadGenerator.Result ours = ReadBench.find(rows, "ksr", ReadBench.BY_ID);
    final LoadGenerator.Result bare = ReadBench.find(rows, "bare Javalin", ReadBench.CONSTANT);
    final LoadGenerator.Result peer = ReadBench.find(rows, "peer", ReadBench.BY_ID);
    table.append(
        String.format(
            "%nGET by id, ksr / bare Javalin: %.2f (target ≥ 0.8); ksr p99: %.2f ms (target < 5)",
            ours.perSecond() / bare.perSecond(), ours.p99()));
    if (peer != null) {
      table.append(
          String.format("; ksr / peer: %.2f (target ≥ 3)", ours.perSecond() / peer.perSecond()));
    }
    table.append(".\n");
    for (final String request : List.of(ReadBench.REGISTER_KNOWN, ReadBench.LOOKUP)) {
      final LoadGenerator.Result known = ReadBench.find(rows, "ksr", request);
      table.append(
          String.format(
              "%s, ksr / GET by id: %.2f (target ≥ 0.5); p50 %.2f ms (target ≤ 2).%n",
              request, known.perSecond() / ours.perSecond(), known.p50()));
    }
    return table.toString();
  }
}
