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
 * to the first write sent after it and accepted by another instance, over several runs, with the
 * registry's default settings on a cluster of three brokers; and, while the writer is dead, how
 * re-registrations of schemas their subjects already have fare on the instances that survive, which
 * answer them without the writer.
 *
 * <p>Run with {@code mvn test -Dtest=FailoverBenchmark -Dksr.excludedGroups=}; it prints two
 * Markdown tables and writes them to {@code target/failover-benchmark.md}.
 */
@Tag("benchmark")
class FailoverBenchmark {
  private static final int RUNS = Integer.getInteger("ksr.failoverRuns", 5);
  private static final Duration TAKEOVER = Duration.ofSeconds(90);
  private static final int KNOWN_SCHEMAS = 100;
  private static final int KNOWN_CLIENTS = 16;

  /** Re-registrations run this long before the kill, to compare the failover with. */
  private static final Duration BEFORE = Duration.ofSeconds(5);

  /** Re-registrations keep going this long after the takeover, so none in the window is cut off. */
  private static final Duration TAIL = Duration.ofMillis(500);

  /**
   * One failover.
   *
   * @param takeoverMillis from the writer's end to the first write sent after it and acknowledged
   * @param reRegistrationsBefore those that started in the {@link #BEFORE} before the kill, for the
   *     machine's own spread
   * @param reRegistrations those that started between the kill and the takeover, or null when the
   *     run had no such load
   */
  private record Run(
      long takeoverMillis,
      KnownSchemaLoad.Summary reRegistrationsBefore,
      KnownSchemaLoad.Summary reRegistrations) {}

  @TempDir Path dir;

  @Test
  void measureFailover() throws Exception {
    final List<String> rows = new ArrayList<>();
    rows.add(
        "| scenario | broker `transaction.abort.timed.out.transaction.cleanup.interval.ms` | runs"
            + " (ms) | median (ms) |");
    rows.add("|---|---|---|---|");
    final List<String> known = new ArrayList<>();
    known.add(
        "| broker cleanup interval (ms) | run | kill to takeover (ms) |"
            + " re-registrations during failover | failures | p50 (ms) | p99 (ms) |"
            + " in the 5 s before the kill | failures | p50 (ms) | p99 (ms) |");
    known.add("|---|---|---|---|---|---|---|---|---|---|---|");
    final List<String> firstFailures = new ArrayList<>();
    for (final String cleanupInterval : List.of("10000", "1000")) {
      try (KafkaClusterTestKit cluster =
          TestClusters.start(
              3,
              Map.of(
                  "transaction.abort.timed.out.transaction.cleanup.interval.ms",
                  cleanupInterval))) {
        final List<Run> killed = measure(cluster, RegistryProcess::kill, true);
        rows.add(row("writer killed (SIGKILL)", cleanupInterval, killed));
        addKnownRows(cleanupInterval, killed, known, firstFailures);
        rows.add(
            row(
                "writer stopped (SIGTERM)",
                cleanupInterval,
                measure(cluster, RegistryProcess::stop, false)));
      }
    }
    final String table =
        heading()
            + String.join("\n", rows)
            + "\n\nRe-registrations of "
            + KNOWN_SCHEMAS
            + " schemas their subjects already have, by "
            + KNOWN_CLIENTS
            + " clients through the two surviving instances, that started between the kill and"
            + " the takeover (the first new write sent after the kill and acknowledged)."
            + " Target: 0 failures, p99 < 50 ms.\n\n"
            + String.join("\n", known)
            + "\n"
            + (firstFailures.isEmpty()
                ? ""
                : "\nFirst failures:\n\n" + String.join("\n", firstFailures) + "\n");
    System.out.println(table);
    Files.writeString(Path.of("target", "failover-benchmark.md"), table);
  }

  /** When and on what the failover benchmarks measured, which share their setup. */
  static String heading() {
    return "Measured "
        + LocalDate.now()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " cores, 3 brokers and 3 registry processes on one machine, registry defaults.\n\n";
  }

  /**
   * Takes the writer down {@link #RUNS} times, starting it again after each.
   *
   * @param reRegister whether clients re-register known schemas through the survivors meanwhile
   */
  private List<Run> measure(
      final KafkaClusterTestKit cluster,
      final Consumer<RegistryProcess> takeDown,
      final boolean reRegister)
      throws IOException {
    final String name = "bench-" + System.nanoTime();
    final Map<String, Object> settings =
        TestRegistry.settings(name, dir.resolve(name), cluster.bootstrapServers());
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
    final List<RegistryProcess> instances = new ArrayList<>();
    final List<Run> runs = new ArrayList<>();
    try {
      for (final String node : List.of("node-a", "node-b", "node-c")) {
        instances.add(RegistryProcess.start(node, dir.resolve(name).resolve(node), settings));
      }
      for (int run = 0; run < RUNS; run++) {
        final RegistryProcess writer = RegistryProcess.awaitStableWriter(instances, TAKEOVER);
        final List<RestClient> others =
            instances.stream().filter(i -> i != writer).map(RegistryProcess::client).toList();
        try (RegistrationLoad load = new RegistrationLoad(others, 2, name + "-" + run);
            KnownSchemaLoad known = reRegister ? startKnown(others, run) : null) {
          Wait.until("writes before", Duration.ofSeconds(60), () -> load.acks().size() >= 10);
          if (known != null) {
            Wait.until(
                "re-registrations before",
                Duration.ofSeconds(60),
                () -> known.completed() >= KNOWN_SCHEMAS);
            Wait.pause(BEFORE);
          }
          final long downAt = System.nanoTime();
          takeDown.accept(writer);
          Wait.until("a write after", TAKEOVER, () -> load.firstAckAfter(downAt).isPresent());
          final long takeoverAt = load.firstAckAfter(downAt).orElseThrow().at();
          final KnownSchemaLoad.Summary during =
              known == null ? null : reRegistrations(known, downAt, takeoverAt);
          runs.add(
              new Run(
                  TimeUnit.NANOSECONDS.toMillis(takeoverAt - downAt),
                  known == null ? null : known.between(downAt - BEFORE.toNanos(), downAt),
                  during));
        }
        writer.restart();
      }
    } finally {
      instances.forEach(RegistryProcess::close);
    }
    return runs;
  }

  /**
   * Registers the known schemas through a survivor, waits until both survivors have read them, and
   * starts re-registering them through both.
   */
  private static KnownSchemaLoad startKnown(final List<RestClient> survivors, final int run) {
    return new KnownSchemaLoad(
        survivors,
        KnownSchemaLoad.register(survivors.get(0), survivors, run, KNOWN_SCHEMAS),
        KNOWN_CLIENTS);
  }

  /** Lets the re-registrations run on for the tail, stops them, and sums up the window's. */
  private static KnownSchemaLoad.Summary reRegistrations(
      final KnownSchemaLoad known, final long downAt, final long takeoverAt) {
    Wait.until(
        "re-registrations after the takeover",
        Duration.ofSeconds(60),
        () -> known.latestStart() - takeoverAt > TAIL.toNanos());
    known.close();
    return known.between(downAt, takeoverAt);
  }

  /** Adds a row to the re-registrations table for each run, and its first failures to the list. */
  private static void addKnownRows(
      final String interval,
      final List<Run> runs,
      final List<String> rows,
      final List<String> firstFailures) {
    for (int run = 0; run < runs.size(); run++) {
      final String where = "- interval " + interval + ", run " + run + ": ";
      final KnownSchemaLoad.Summary summary = runs.get(run).reRegistrations();
      rows.add(
          String.format(
              "| %s | %d | %d | %s | %s |",
              interval,
              run,
              runs.get(run).takeoverMillis(),
              summary.cells(),
              runs.get(run).reRegistrationsBefore().cells()));
      summary.firstFailures().forEach(failure -> firstFailures.add(where + failure));
    }
  }

  private static String row(final String scenario, final String interval, final List<Run> all) {
    final List<Long> runs = all.stream().map(Run::takeoverMillis).toList();
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
