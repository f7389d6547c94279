package io.ksr;

import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesInLog;
import static io.ksr.testkit.RegistryInvariants.assertAcknowledgedWritesPresent;
import static io.ksr.testkit.RegistryInvariants.assertLogWrittenByOneWriterAtATime;
import static io.ksr.testkit.RegistryInvariants.assertOneIdPerSchema;
import static io.ksr.testkit.RegistryInvariants.assertSameAnswers;
import static io.ksr.testkit.RegistryInvariants.awaitCaughtUp;
import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.BrokerLinks;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry whose writer loses its network link to Kafka and gets it back, while it keeps running:
 * every instance reaches the broker through a proxy of its own ({@link BrokerLinks}), and the test
 * cuts the writer's.
 */
@Tag("integration")
class WriterCutOffIntegrationTest {
  private static final Duration TAKEOVER = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void shouldHandOverAndRejoinWithoutWritingWhenTheWriterIsCutOffFromKafka(final TestInfo test)
      throws Exception {
    try (BrokerLinks links = new BrokerLinks(2, 1);
        KafkaClusterTestKit cluster = TestClusters.start(1, Map.of(), links.brokerProperties())) {
      links.attach(cluster);
      final Map<String, Object> settings =
          TestRegistry.settings(
              test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime(),
              dir,
              cluster.bootstrapServers());
      settings.put(RegistryConfig.TIMEOUT_MS, 4000);
      final String topic = (String) settings.get(RegistryConfig.TOPIC);
      final List<RegistryProcess> all = new ArrayList<>();
      try {
        for (int link = 0; link < 2; link++) {
          final Map<String, Object> own = new HashMap<>(settings);
          own.put(RegistryConfig.BOOTSTRAP_SERVERS, links.bootstrapServers(link));
          all.add(RegistryProcess.start("node-" + link, dir.resolve("node-" + link), own));
        }
        final RegistryProcess cutOff = RegistryProcess.awaitStableWriter(all, TAKEOVER);
        final RegistryProcess other = all.get(1 - all.indexOf(cutOff));
        final List<RestClient> clients = all.stream().map(RegistryProcess::client).toList();

        final List<RegistrationLoad.Ack> acks;
        final List<SchemasLog.Entry> beforeCut;
        final RestClient.Response refused;
        try (RegistrationLoad load = new RegistrationLoad(clients, 2, "cut")) {
          Wait.until("writes before the cut", TAKEOVER, () -> load.acks().size() >= 20);
          beforeCut = SchemasLog.read(cluster.bootstrapServers(), topic);
          final int linesBeforeCut = cutOff.logLineCount();
          links.cut(all.indexOf(cutOff));
          final long cutAt = System.nanoTime();
          Wait.until("the other instance to take over", TAKEOVER, other::isWriter);
          awaitWritesSince(load, cutAt);
          // Cut off, the old writer cannot hand a new schema to any writer, itself included.
          refused = cutOff.client().post("/subjects/refused/versions", schemaBody("\"long\""));

          links.restore(all.indexOf(cutOff));
          final long restoredAt = System.nanoTime();
          Wait.until(
              "the old writer to notice it was replaced",
              TAKEOVER,
              () ->
                  cutOff
                      .logSince(linesBeforeCut)
                      .contains("This instance stopped being the registry's writer"));
          awaitCaughtUp(cutOff.client());
          awaitWritesSince(load, restoredAt);
          load.close();
          acks = load.acks();
        }

        assertEquals(500, refused.status(), refused.body());
        assertEquals(50002, refused.errorCode(), refused.body());
        assertOneIdPerSchema(acks);
        for (final RegistryProcess instance : all) {
          awaitCaughtUp(instance.client());
          assertAcknowledgedWritesPresent(instance.client(), acks);
        }
        assertSameAnswers(clients, acks);
        final List<SchemasLog.Entry> log = SchemasLog.read(cluster.bootstrapServers(), topic);
        assertAcknowledgedWritesInLog(log, acks);
        assertLogWrittenByOneWriterAtATime(log);
        assertNothingWrittenAfterTheTakeoverBy(
            cutOff.instanceId(), log.subList(beforeCut.size(), log.size()));
      } finally {
        all.forEach(RegistryProcess::close);
      }
    }
  }

  /**
   * Once another writer announced itself after the cut, the cut-off instance appended nothing until
   * it announced itself again (the writer task may move back to it when it rejoins): what it still
   * meant to write when the link went down never landed.
   */
  private static void assertNothingWrittenAfterTheTakeoverBy(
      final String cutOff, final List<SchemasLog.Entry> afterCut) {
    String writer = null;
    boolean tookOver = false;
    for (final SchemasLog.Entry entry : afterCut) {
      final String by = entry.headers().get("ksr.writer");
      if (entry.headers().containsKey("ksr.barrier")) {
        writer = by;
        tookOver |= !cutOff.equals(by);
      } else if (tookOver && !cutOff.equals(writer)) {
        assertNotEquals(
            cutOff,
            by,
            "record at offset " + entry.offset() + " was appended by the cut-off writer");
      }
    }
    assertTrue(tookOver, "no other writer announced itself after the cut: " + afterCut);
  }

  /**
   * Waits for a few writes sent after {@code since}: half of the clients' requests go to the
   * cut-off instance while it is cut off, and each waits there for the timeout before its retry.
   */
  private static void awaitWritesSince(final RegistrationLoad load, final long since) {
    Wait.until(
        "writes sent after " + since + " to be acknowledged",
        TAKEOVER,
        () -> load.acks().stream().filter(ack -> ack.sentAt() > since).count() >= 5);
  }
}
