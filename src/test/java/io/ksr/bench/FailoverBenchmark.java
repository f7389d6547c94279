package io.ksr.bench;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RegistryProcess;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long writes stop when the writer goes away: the time from the writer's death (or clean stop)
 * to the first write accepted by another instance, over several runs, with the registry's default
 * settings on a cluster of three brokers.
 *
 * <p>Run with {@code mvn test -Dtest=FailoverBenchmark -Dksr.excludedGroups=}; it prints a Markdown
 * table and writes it to {@code target/failover-benchmark.md}.
 */
@Tag("benchmark")
class FailoverBenchmark {
  private static final int RUNS = Integer.getInteger("ksr.failoverRuns", 5);
  private static final Duration TAKEOVER = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void measureFailover() throws Exception {
    final List<String> rows = new ArrayList<>();
    rows.add(
        "| scenario | broker `transaction.abort.timed.out.transaction.cleanup.interval.ms` | runs"
            + " (ms) | median (ms) |");
    rows.add("|---|---|---|---|");
    for (final String cleanupInterval : List.of("10000", "1000")) {
      try (KafkaClusterTestKit cluster =
          TestClusters.start(
              3,
              Map.of(
                  "transaction.abort.timed.out.transaction.cleanup.interval.ms",
                  cleanupInterval))) {
        rows.add(
            row(
                "writer killed (SIGKILL)",
                cleanupInterval,
                measure(cluster, RegistryProcess::kill)));
        rows.add(
            row(
                "writer stopped (SIGTERM)",
                cleanupInterval,
                measure(cluster, RegistryProcess::stop)));
      }
    }
    final String table =
        "Measured "
            + LocalDate.now()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores, 3 brokers and 3 registry processes on one machine, registry defaults.\n\n"
            + String.join("\n", rows)
            + "\n";
    System.out.println(table);
    Files.writeString(Path.of("target", "failover-benchmark.md"), table);
  }

  private List<Long> measure(
      final KafkaClusterTestKit cluster, final Consumer<RegistryProcess> takeDown)
      throws IOException {
    final String name = "bench-" + System.nanoTime();
    final Map<String, Object> settings =
        TestRegistry.settings(name, dir.resolve(name), cluster.bootstrapServers());
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
    final List<RegistryProcess> instances = new ArrayList<>();
    final List<Long> takeovers = new ArrayList<>();
    try {
      for (final String node : List.of("node-a", "node-b", "node-c")) {
        instances.add(RegistryProcess.start(node, dir.resolve(name).resolve(node), settings));
      }
      for (int run = 0; run < RUNS; run++) {
        final RegistryProcess writer = RegistryProcess.awaitStableWriter(instances, TAKEOVER);
        final List<RestClient> others =
            instances.stream().filter(i -> i != writer).map(RegistryProcess::client).toList();
        try (RegistrationLoad load = new RegistrationLoad(others, 2, name + "-" + run)) {
          Wait.until("writes before", Duration.ofSeconds(60), () -> load.acks().size() >= 10);
          final long downAt = System.nanoTime();
          takeDown.accept(writer);
          Wait.until("a write after", TAKEOVER, () -> load.firstAckAfter(downAt).isPresent());
          takeovers.add(
              TimeUnit.NANOSECONDS.toMillis(
                  load.firstAckAfter(downAt).orElseThrow().at() - downAt));
        }
        writer.restart();
      }
    } finally {
      instances.forEach(RegistryProcess::close);
    }
    return takeovers;
  }

  private static String row(final String scenario, final String interval, final List<Long> runs) {
    final List<Long> sorted = runs.stream().sorted().toList();
    return "| "
        + scenario
        + " | "
        + interval
        + " | "
        + runs
        + " | "
        + sorted.get(sorted.size() / 2)
        + " |";
  }
}
