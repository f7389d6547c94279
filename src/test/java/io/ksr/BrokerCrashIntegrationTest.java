package io.ksr;

import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesInLog;
import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesPresent;
import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RegistryInvariants.assertSameAnswers;
import static io.ksr.testkit.RegistryInvariants.awaitCaughtUp;
import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.store.TopicNames;
import io.ksr.testkit.Partitions;
import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestClusters;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registries on three brokers that crash one after the other, under writes: first the leader of
 * {@code _schemas} and of the command partition, then a second broker.
 *
 * <p>A crash, not a controlled shutdown: the brokers run with {@code controlled.shutdown.enable}
 * off, so a stopping broker neither tells the controller nor hands its leaderships over; it stops
 * heart-beating and closes its sockets, as a killed process does, and the controller moves its
 * partitions only when its session times out. The test kit runs brokers inside the test JVM, where
 * this is the one way to stop one without a goodbye; it keeps the log on disk, as a killed process
 * also does.
 */
@Tag("integration")
class BrokerCrashIntegrationTest {
  private static final Duration RECOVERY = Duration.ofSeconds(90);

  @TempDir Path dir;

  @Test
  void shouldLoseNoAcknowledgedWriteWhenTwoOfThreeBrokersCrash(final TestInfo test)
      throws Exception {
    try (KafkaClusterTestKit cluster =
            TestClusters.start(
                3,
                Map.of(
                    "controlled.shutdown.enable",
                    "false",
                    // The controller notices a crashed broker sooner than Kafka's 9 s default, so
                    // that this test takes less time; what it notices is the same.
                    "broker.session.timeout.ms",
                    "4000",
                    "broker.heartbeat.interval.ms",
                    "500"));
        Partitions partitions = new Partitions(cluster.bootstrapServers())) {
      final String name = test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
      final Map<String, Object> settings =
          TestRegistry.settings(name, dir.resolve("a"), cluster.bootstrapServers());
      settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 3);
      settings.put(RegistryConfig.TIMEOUT_MS, 5000);
      final Map<String, Object> otherSettings = new HashMap<>(settings);
      otherSettings.put(RegistryConfig.DATA_DIR, dir.resolve("b").toString());
      final TopicNames topics = TopicNames.derivedFrom((String) settings.get(RegistryConfig.TOPIC));
      try (TestRegistry first = TestRegistry.start(settings);
          TestRegistry second = TestRegistry.start(otherSettings)) {
        // An acknowledged write is then on two brokers at least, so one broker's crash loses none.
        partitions.set(
            List.of(topics.schemas(), topics.commands(), topics.replies()),
            "min.insync.replicas",
            "2");
        final int firstLost = partitions.leader(topics.schemas()).orElseThrow();
        partitions.lead(topics.commands(), firstLost);
        final List<RestClient> clients = List.of(first.client(), second.client());
        final List<RegistrationLoad.Ack> acks;
        final RestClient.Response refused;
        try (RegistrationLoad load = new RegistrationLoad(clients, 2, "crash")) {
          Wait.until("writes before", Duration.ofSeconds(60), () -> load.acks().size() >= 20);

          final long firstCrash = System.nanoTime();
          cluster.brokers().get(firstLost).shutdown();
          awaitWritesSince(load, firstCrash);

          final int secondLost = partitions.leader(topics.schemas()).orElseThrow();
          final long secondCrash = System.nanoTime();
          cluster.brokers().get(secondLost).shutdown();
          Wait.until(
              "the controller to take the second broker out of sync",
              RECOVERY,
              () -> partitions.inSync(topics.schemas()).size() == 1);
          // One broker of three is below min.insync.replicas: a new schema cannot be stored.
          refused = first.client().post("/subjects/refused/versions", schemaBody("\"long\""));

          cluster.brokers().get(firstLost).startup();
          cluster.brokers().get(secondLost).startup();
          Wait.until(
              "all three brokers in sync again",
              RECOVERY,
              () -> partitions.inSync(topics.schemas()).size() == 3);
          awaitWritesSince(load, secondCrash);
          load.close();
          acks = load.acks();
        }

        assertEquals(500, refused.status(), refused.body());
        assertTrue(Set.of(50001, 50002).contains(refused.errorCode()), refused.body());
        // A refused write may still have been applied: sending it again gives it one version.
        final RestClient.Response again =
            second.client().post("/subjects/refused/versions", schemaBody("\"long\""));
        assertEquals(200, again.status(), again.body());
        assertEquals("[1]", first.client().get("/subjects/refused/versions").body());

        assertOneIdPerSchema(acks);
        for (final RestClient client : clients) {
          awaitCaughtUp(client);
          assertAcknowledgedWritesPresent(client, acks);
        }
        assertSameAnswers(clients, acks);
        final List<SchemasLog.Entry> log =
            SchemasLog.read(cluster.bootstrapServers(), topics.schemas());
        assertAcknowledgedWritesInLog(log, acks);
        assertLogWrittenByOneWriterAtATime(log);
      }
    }
  }

  private static void awaitWritesSince(final RegistrationLoad load, final long since) {
    Wait.until(
        "writes sent after the crash to be acknowledged",
        RECOVERY,
        () -> load.acks().stream().filter(ack -> ack.sentAt() > since).count() >= 20);
  }
}
