package io.ksr;

import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesPresent;
import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RegistryInvariants.assertSameAnswers;
import static io.ksr.testkit.RegistryInvariants.awaitCaughtUp;
import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RegistryProcess;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry of several instances on a cluster of three brokers, losing its writer.
 *
 * <p>Instances run as separate JVM processes: only a real process can be killed without a goodbye
 * ({@code SIGKILL}) or frozen whole, heartbeat thread included ({@code SIGSTOP}), which is what a
 * crash or a long GC pause does to a writer. An in-JVM instance would keep heart-beating.
 */
@Tag("integration")
class FailoverIntegrationTest {
  private static final Duration TAKEOVER = Duration.ofSeconds(60);
  private static KafkaClusterTestKit cluster;

  @TempDir Path dir;
  private final List<RegistryProcess> instances = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = TestClusters.start(3);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @AfterEach
  void stopInstances() {
    instances.forEach(RegistryProcess::close);
  }

  @Test
  void shouldKeepEveryAcknowledgedWriteWhenTheWriterIsKilled(final TestInfo test) {
    final Map<String, Object> settings = settings(test);
    final List<RegistryProcess> all =
        List.of(start("node-a", settings), start("node-b", settings), start("node-c", settings));
    final RegistryProcess writer = awaitOneWriter(all);
    final List<RegistryProcess> survivors = new ArrayList<>(all);
    survivors.remove(writer);

    final List<RegistrationLoad.Ack> acks;
    try (RegistrationLoad load = new RegistrationLoad(clients(all), 3, "kill")) {
      Wait.until("writes before the kill", Duration.ofSeconds(60), () -> load.acks().size() >= 30);
      final long killedAt = System.nanoTime();
      writer.kill();
      Wait.until(
          "writes after the kill",
          TAKEOVER,
          () -> load.acks().stream().filter(ack -> ack.at() > killedAt).count() >= 30);
      final long takeoverMs =
          TimeUnit.NANOSECONDS.toMillis(load.firstAckAfter(killedAt).orElseThrow().at() - killedAt);
      System.out.printf("Failover after kill -9: first write accepted after %d ms%n", takeoverMs);
      acks = stop(load);
    }

    assertOneIdPerSchema(acks);
    for (final RegistryProcess survivor : survivors) {
      awaitCaughtUp(survivor.client());
      assertAcknowledgedWritesPresent(survivor.client(), acks);
    }
    assertSameAnswers(clients(survivors), acks);
    assertLogWrittenByOneWriterAtATime(log(settings));

    writer.restart();
    awaitCaughtUp(writer.client());
    assertSameAnswers(clients(all), acks);
  }

  @Test
  void shouldFenceAPausedWriterThatWakesUpAfterItWasReplaced(final TestInfo test) {
    final Map<String, Object> settings = settings(test);
    final List<RegistryProcess> all = List.of(start("node-a", settings), start("node-b", settings));
    final RegistryProcess zombie = awaitOneWriter(all);
    final RegistryProcess other = all.get(0) == zombie ? all.get(1) : all.get(0);

    final List<RegistrationLoad.Ack> acks;
    try (RegistrationLoad load = new RegistrationLoad(List.of(other.client()), 2, "zombie")) {
      Wait.until("writes before the pause", Duration.ofSeconds(60), () -> load.acks().size() >= 20);
      zombie.pause();
      Wait.until("the other instance to take over", TAKEOVER, other::isWriter);
      final int beforeWakeUp = load.acks().size();
      Wait.until(
          "writes by the new writer",
          Duration.ofSeconds(30),
          () -> load.acks().size() >= beforeWakeUp + 20);
      final int linesBeforeWakeUp = zombie.logLineCount();
      zombie.resume();
      Wait.until(
          "the woken writer to notice it was replaced",
          TAKEOVER,
          () ->
              zombie
                  .logSince(linesBeforeWakeUp)
                  .contains("This instance stopped being the registry's writer"));
      final int afterWakeUp = load.acks().size();
      Wait.until(
          "writes after the old writer woke up",
          TAKEOVER,
          () -> load.acks().size() >= afterWakeUp + 20);
      acks = stop(load);
    }

    assertOneIdPerSchema(acks);
    for (final RegistryProcess instance : all) {
      awaitCaughtUp(instance.client());
      assertAcknowledgedWritesPresent(instance.client(), acks);
    }
    assertSameAnswers(clients(all), acks);
    assertLogWrittenByOneWriterAtATime(log(settings));
  }

  @Test
  void shouldRefuseWritesClearlyWhileNoEligibleInstanceRunsAndRecoverWhenOneReturns(
      final TestInfo test) {
    final Map<String, Object> settings = settings(test);
    settings.put(RegistryConfig.TIMEOUT_MS, 4000);
    final Map<String, Object> readerSettings = new java.util.HashMap<>(settings);
    readerSettings.put(RegistryConfig.LEADER_ELIGIBILITY, false);
    final RegistryProcess eligible = start("node-a", settings);
    final RegistryProcess reader = start("node-b", readerSettings);
    final RegistryProcess otherReader = start("node-c", readerSettings);
    Wait.until("the eligible instance to become the writer", TAKEOVER, eligible::isWriter);
    assertEquals(
        200, reader.client().post("/subjects/before/versions", schemaBody("\"int\"")).status());

    eligible.kill();
    Wait.until(
        "the readers to see that there is no writer",
        TAKEOVER,
        () -> reader.client().get("/v1/metadata/id").json().path("writer").isNull());
    final long start = System.nanoTime();
    final RestClient.Response refused =
        reader.client().post("/subjects/during/versions", schemaBody("\"long\""));
    final long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

    assertEquals(500, refused.status(), refused.body());
    assertEquals(50002, refused.errorCode(), refused.body());
    assertTrue(refused.body().contains("no instance is the writer"), refused.body());
    assertTrue(tookMs < 4000 + 2000, "took " + tookMs + " ms");
    for (final RegistryProcess instance : List.of(reader, otherReader)) {
      assertEquals("[\"before\"]", instance.client().get("/subjects").body());
      assertEquals("{\"schema\":\"\\\"int\\\"\"}", instance.client().get("/schemas/ids/1").body());
      assertEquals(false, instance.isWriter());
    }

    eligible.restart();
    Wait.until("the eligible instance to be the writer again", TAKEOVER, eligible::isWriter);
    assertEquals(
        "{\"id\":2}",
        otherReader.client().post("/subjects/after/versions", schemaBody("\"string\"")).body());
    assertEquals("[\"after\",\"before\"]", otherReader.client().get("/subjects").body());
    // Another instance shows the write once its own store has read it, milliseconds later.
    Wait.until(
        "the other reader to show the write",
        Duration.ofSeconds(10),
        () -> reader.client().get("/subjects").body().equals("[\"after\",\"before\"]"));
  }

  private Map<String, Object> settings(final TestInfo test) {
    final Map<String, Object> settings =
        TestRegistry.settings(
            test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime(),
            dir,
            cluster.bootstrapServers());
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
    return settings;
  }

  private RegistryProcess start(final String node, final Map<String, Object> settings) {
    final RegistryProcess instance = RegistryProcess.start(node, dir.resolve(node), settings);
    instances.add(instance);
    return instance;
  }

  private static RegistryProcess awaitOneWriter(final List<RegistryProcess> candidates) {
    return RegistryProcess.awaitStableWriter(candidates, TAKEOVER);
  }

  private static List<RestClient> clients(final List<RegistryProcess> instances) {
    return instances.stream().map(RegistryProcess::client).toList();
  }

  private static List<RegistrationLoad.Ack> stop(final RegistrationLoad load) {
    load.close();
    return load.acks();
  }

  private static List<SchemasLog.Entry> log(final Map<String, Object> settings) {
    return SchemasLog.read(cluster.bootstrapServers(), (String) settings.get(RegistryConfig.TOPIC));
  }
}
