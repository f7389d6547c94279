package io.ksr.bench;

import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Write latency and throughput: sequential registrations over HTTP beside the round trip of a bare
 * Kafka transaction on the same broker, and registrations per second with many clients at once.
 * With {@code -Dksr.peerUrl=<base URL>} the same sequential and concurrent loads also go to a peer
 * registry with Confluent's API, in the same rounds.
 *
 * <p>Run with {@code mvn test -Dtest=WriteBenchmark -Dksr.excludedGroups=}; it prints a Markdown
 * table and writes it to {@code target/write-benchmark.md}. {@code -Dksr.bootstrapServers} runs the
 * registry and the bare transactions on another broker than the in-process one, and {@code
 * -Dksr.registry.<setting>=<value>} adds a registry setting.
 */
@Tag("benchmark")
@ExtendWith(TestKafka.class)
class WriteBenchmark {
  private static final int ROUNDS = Integer.getInteger("ksr.writeRounds", 3);
  private static final int SEQUENTIAL = Integer.getInteger("ksr.writeSequential", 300);
  private static final int CLIENTS = Integer.getInteger("ksr.writeClients", 16);
  private static final int SECONDS = Integer.getInteger("ksr.writeSeconds", 30);
  private static final int WARMUP_SECONDS = Integer.getInteger("ksr.writeWarmupSeconds", 120);
  private static final String PEER = System.getProperty("ksr.peerUrl", "");
  private static final String REGISTRY_SETTING = "ksr.registry.";
  private static final String BROKERS = System.getProperty("ksr.bootstrapServers", "");

  @TempDir Path dataDir;

  /** The latencies and counts of one kind of load on one system, over all rounds. */
  private static final class Series {
    private final List<Double> millis = new ArrayList<>();
    private long registrations;
    private long failures;
    private double seconds;
    private double cpuMillis;

    void add(final WriteBench.Result result) {
      result.registrations().forEach(registration -> millis.add(registration.millis()));
      registrations += result.registrations().size();
      failures += result.failures();
      seconds += result.seconds();
      cpuMillis += result.cpuMillis();
    }

    void addMillis(final List<Double> more, final double cpu) {
      millis.addAll(more);
      registrations += more.size();
      seconds += more.stream().mapToDouble(Double::doubleValue).sum() / 1000;
      cpuMillis += cpu;
    }

    double p50() {
      return WriteBench.percentile(millis, 50);
    }
  }

  @Test
  void measureWriteLatencyAndThroughput() throws Exception {
    final String run = "w" + System.currentTimeMillis();
    final String begin = loadAverage();
    final String brokers = BROKERS.isEmpty() ? TestKafka.bootstrapServers() : BROKERS;
    final Map<String, Series> series = new LinkedHashMap<>();
    final Map<String, Object> settings =
        TestRegistry.settings("write-benchmark-" + run, dataDir, brokers);
    // Registry settings to try, for example -Dksr.registry.kafkastore.commit.interval.ms=5.
    System.getProperties()
        .stringPropertyNames()
        .forEach(
            name -> {
              if (name.startsWith(REGISTRY_SETTING)) {
                settings.put(name.substring(REGISTRY_SETTING.length()), System.getProperty(name));
              }
            });
    try (TestRegistry registry = TestRegistry.start(settings);
        BareRoundTrip bare = new BareRoundTrip(brokers, run)) {
      final Map<String, String> systems = new LinkedHashMap<>();
      systems.put("ksr", "http://127.0.0.1:" + registry.registry().ports().get(0));
      if (!PEER.isEmpty()) {
        systems.put("peer", PEER);
      }
      // The warm-up rounds run every load until the JIT compilers are done with the broker's,
      // the registry's and the clients' paths (on 2 cores that takes minutes); they are not
      // counted.
      final long warmUntil = System.nanoTime() + WARMUP_SECONDS * 1_000_000_000L;
      int warmups = 0;
      do {
        final int count = Math.min(50, SEQUENTIAL);
        round(new LinkedHashMap<>(), systems, bare, run + "-w" + warmups, count, 2_000);
        warmups++;
      } while (System.nanoTime() < warmUntil);
      for (int round = 1; round <= ROUNDS; round++) {
        round(
            series,
            systems,
            bare,
            run + "-r" + round,
            SEQUENTIAL / ROUNDS,
            SECONDS * 1000L / ROUNDS);
      }
    }
    final String table = table(series, loadAverage(begin));
    System.out.println(table);
    Files.writeString(Path.of("target", "write-benchmark.md"), table);
  }

  /** One round of every load on every system, into {@code series}. */
  private static void round(
      final Map<String, Series> series,
      final Map<String, String> systems,
      final BareRoundTrip bare,
      final String prefix,
      final int count,
      final long concurrentMillis)
      throws Exception {
    final long cpu = WriteBench.cpuNanos();
    final List<Double> roundTrips = bare.measure(count);
    series(series, "bare transaction round trip", "Kafka")
        .addMillis(roundTrips, WriteBench.since(cpu));
    for (final Map.Entry<String, String> system : systems.entrySet()) {
      final RestClient rest = new RestClient(system.getValue());
      series(series, "sequential, new subject each", system.getKey())
          .add(WriteBench.newSubjects(rest, prefix + "-s", count));
      series(series, "sequential, new version of one subject", system.getKey())
          .add(WriteBench.newVersions(rest, prefix + "-evolving", 0, count));
      final List<RestClient> clients = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        clients.add(new RestClient(system.getValue()));
      }
      series(series, CLIENTS + " concurrent clients, new subject each", system.getKey())
          .add(WriteBench.concurrent(clients, prefix + "-c", concurrentMillis));
    }
  }

  /** The machine's one-minute load average, before and after, for other work on the machine. */
  private static String loadAverage(final String before) throws IOException {
    return before + " before, " + loadAverage() + " after";
  }

  private static String loadAverage() throws IOException {
    final Path loadavg = Path.of("/proc/loadavg");
    return Files.exists(loadavg) ? Files.readString(loadavg).split(" ")[0] : "unknown";
  }

  private static Series series(
      final Map<String, Series> series, final String measurement, final String system) {
    return series.computeIfAbsent(measurement + "|" + system, key -> new Series());
  }

  private static String table(final Map<String, Series> series, final String loadAverage) {
    final StringBuilder table =
        new StringBuilder(
            "Measured "
                + LocalDate.now()
                + ", "
                + Runtime.getRuntime().availableProcessors()
                + " cores, "
                + ROUNDS
                + " rounds after "
                + WARMUP_SECONDS
                + " s of warm-up, "
                + SEQUENTIAL
                + " sequential registrations and "
                + SECONDS
                + " s of "
                + CLIENTS
                + " clients per system in all"
                + (PEER.isEmpty() ? "" : "; peer: " + PEER)
                + "; load average "
                + loadAverage
                + ". CPU is that of the test JVM (broker, registry, clients) per registration;"
                + " a peer's own CPU is not in it.\n\n"
                + "| measurement | system | registrations | failed | p50 (ms) | p99 (ms) | per s"
                + " | CPU ms each |\n"
                + "|---|---|---|---|---|---|---|---|\n");
    series.forEach(
        (key, values) -> {
          final String[] parts = key.split("\\|");
          table.append(
              String.format(
                  "| %s | %s | %d | %d | %.1f | %.1f | %.0f | %.2f |%n",
                  parts[0],
                  parts[1],
                  values.registrations,
                  values.failures,
                  values.p50(),
                  WriteBench.percentile(values.millis, 99),
                  values.registrations / values.seconds,
                  values.cpuMillis / values.registrations));
        });
    final double bare = series.get("bare transaction round trip|Kafka").p50();
    final double ours = series.get("sequential, new subject each|ksr").p50();
    table.append(
        String.format(
            "%nRegistration p50 / bare transaction p50: %.2f (target ≤ 2).%n", ours / bare));
    final Series peer = series.get("sequential, new subject each|peer");
    if (peer != null) {
      table.append(
          String.format("Registration p50 / peer's: %.2f (target ≤ 0.5).%n", ours / peer.p50()));
    }
    return table.toString();
  }
}
