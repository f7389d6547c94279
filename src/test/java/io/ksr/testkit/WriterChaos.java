package io.ksr.testkit;

import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RegistryInvariants.assertSameAnswers;
import static io.ksr.testkit.RegistryInvariants.awaitCaughtUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.config.RegistryConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * Kills ({@code SIGKILL}) and freezes ({@code SIGSTOP}, past the group's session timeout) the
 * writer of three registry processes, fault after fault, under registrations through every
 * instance; then checks every acknowledged registration against the records in {@code _schemas} and
 * against every instance.
 */
public final class WriterChaos {
  private static final Duration TAKEOVER = Duration.ofSeconds(90);

  /**
   * Longer than the registry's session timeout (6 s), so that the group expires a frozen writer.
   */
  private static final Duration FROZEN = Duration.ofSeconds(10);

  private final KafkaClusterTestKit cluster;
  private final Path dir;

  /**
   * What one run saw.
   *
   * @param faults the faults injected, in order: "kill" or "freeze"
   * @param recoveryMillis for each fault, from its injection to the first acknowledged write that
   *     was sent after it
   * @param failedRequests requests that failed and were sent again
   * @param lost acknowledged registrations missing from {@code _schemas} or from an instance, or
   *     there with another id
   * @param duplicates subjects with a second version, and ids that stand for two schemas
   */
  public record Result(
      List<String> faults,
      List<RegistrationLoad.Ack> acks,
      List<Long> recoveryMillis,
      long failedRequests,
      List<String> lost,
      List<String> duplicates) {

    /** The figures, as a Markdown table. */
    public String figures() {
      final List<Long> sorted = recoveryMillis.stream().sorted().toList();
      return "| faults injected | acknowledged writes | lost | duplicates | writes flowing again,"
          + " median (ms) | worst (ms) | failed requests, retried |\n"
          + "|---|---|---|---|---|---|---|\n"
          + String.format(
              "| %d (%d kills, %d freezes) | %d | %d | %d | %d | %d | %d |%n",
              faults.size(),
              faults.stream().filter("kill"::equals).count(),
              faults.stream().filter("freeze"::equals).count(),
              acks.size(),
              lost.size(),
              duplicates.size(),
              sorted.get(sorted.size() / 2),
              sorted.get(sorted.size() - 1),
              failedRequests)
          + "\nWrites flowing again after each fault (ms): "
          + faultsWithTimes()
          + "\n";
    }

    private String faultsWithTimes() {
      final List<String> each = new ArrayList<>();
      for (int i = 0; i < faults.size(); i++) {
        each.add(faults.get(i) + " " + recoveryMillis.get(i));
      }
      return String.join(", ", each);
    }
  }

  public WriterChaos(final KafkaClusterTestKit cluster, final Path dir) {
    this.cluster = cluster;
    this.dir = dir;
  }

  /**
   * Injects the faults, kills and freezes in turn, and checks the outcome.
   *
   * @param report gets the figures before anything is asserted, so that a failed run still shows
   *     them
   * @throws AssertionError when an acknowledged write was lost or doubled, or the instances
   *     disagree, or a replaced writer's record landed
   */
  public Result run(final int faultCount, final Consumer<Result> report) {
    final String name = "chaos-" + System.nanoTime();
    final Map<String, Object> settings =
        TestRegistry.settings(name, dir.resolve(name), cluster.bootstrapServers());
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
    final List<RegistryProcess> instances = new ArrayList<>();
    try {
      for (final String node : List.of("node-a", "node-b", "node-c")) {
        instances.add(RegistryProcess.start(node, dir.resolve(name).resolve(node), settings));
      }
      final List<RestClient> clients = instances.stream().map(RegistryProcess::client).toList();
      final List<String> faults = new ArrayList<>();
      final List<Long> recoveries = new ArrayList<>();
      final RegistrationLoad load = new RegistrationLoad(clients, 3, name);
      try (load) {
        Wait.until("writes before", TAKEOVER, () -> load.acks().size() >= 10);
        for (int fault = 0; fault < faultCount; fault++) {
          final RegistryProcess writer = RegistryProcess.awaitStableWriter(instances, TAKEOVER);
          final boolean kill = fault % 2 == 0;
          faults.add(kill ? "kill" : "freeze");
          recoveries.add(kill ? kill(writer, load) : freeze(writer, load));
        }
      }
      final List<RegistrationLoad.Ack> acks = load.acks();
      clients.forEach(RegistryInvariants::awaitCaughtUp);
      final List<SchemasLog.Entry> log =
          SchemasLog.read(cluster.bootstrapServers(), (String) settings.get(RegistryConfig.TOPIC));
      final Set<String> lost = new LinkedHashSet<>(RegistryInvariants.lostFromLog(log, acks));
      for (final RestClient client : clients) {
        lost.addAll(RegistryInvariants.missingOn(client, acks));
      }
      final Result result =
          new Result(
              faults,
              acks,
              recoveries,
              load.failures(),
              List.copyOf(lost),
              RegistryInvariants.duplicatesInLog(log));
      report.accept(result);

      assertEquals(List.of(), result.lost(), "acknowledged writes lost");
      assertEquals(List.of(), result.duplicates(), "doubled in _schemas");
      assertOneIdPerSchema(acks);
      assertSameAnswers(clients, acks);
      assertLogWrittenByOneWriterAtATime(log);
      return result;
    } finally {
      instances.forEach(RegistryProcess::close);
    }
  }

  /** Kills the writer, waits for writes to flow again, and starts it again. */
  private static long kill(final RegistryProcess writer, final RegistrationLoad load) {
    final long at = System.nanoTime();
    writer.kill();
    final long recovery = awaitWritesSince(load, at);
    writer.restart();
    awaitCaughtUp(writer.client());
    return recovery;
  }

  /**
   * Freezes the writer until writes flow again through another instance and it has been frozen
   * longer than the session timeout, then wakes it.
   */
  private static long freeze(final RegistryProcess writer, final RegistrationLoad load) {
    final long at = System.nanoTime();
    writer.pause();
    final long recovery = awaitWritesSince(load, at);
    Wait.until(
        "the writer to be frozen for " + FROZEN,
        TAKEOVER,
        () -> System.nanoTime() - at > FROZEN.toNanos());
    writer.resume();
    awaitCaughtUp(writer.client());
    return recovery;
  }

  /** Waits for the first write sent after {@code since} to be acknowledged, and says how long. */
  private static long awaitWritesSince(final RegistrationLoad load, final long since) {
    Wait.until("writes after the fault", TAKEOVER, () -> load.firstAckAfter(since).isPresent());
    return TimeUnit.NANOSECONDS.toMillis(load.firstAckAfter(since).orElseThrow().at() - since);
  }
}
