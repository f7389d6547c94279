package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/** What the registry asks of its topics, and what it reports about topics found otherwise. */
class TopicRequirementsTest {
  private static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");

  @Test
  void shouldCreateTopicsThatTwoBrokersAcknowledgeFromThreeReplicasOn() {
    assertEquals(
        "2", TopicRequirements.creationConfigs(Map.of(), (short) 3).get("min.insync.replicas"));
    assertEquals(
        "2", TopicRequirements.creationConfigs(Map.of(), (short) 5).get("min.insync.replicas"));
    assertFalse(
        TopicRequirements.creationConfigs(Map.of(), (short) 2).containsKey("min.insync.replicas"));
    assertEquals(
        Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
        TopicRequirements.creationConfigs(
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            (short) 1));
  }

  @Test
  void shouldFindNothingWrongWithTopicsAsTheRegistryCreatesThem() {
    assertEquals(List.of(), problems(found(3, 2), 3));
    assertEquals(List.of(), problems(found(2, 1), 2));
    assertEquals(List.of(), problems(found(1, 1), 1));
  }

  @Test
  void shouldReportTooFewInSyncReplicasWithoutStoppingTheStart() {
    final List<TopicRequirements.Problem> problems = problems(found(3, 1), 3);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).text().contains("min.insync.replicas=1"), problems.toString());
    assertTrue(problems.get(0).text().contains("--add-config min.insync.replicas=2"));
    assertFalse(problems.get(0).stopsStart());
  }

  @Test
  void shouldReportMoreInSyncReplicasThanReplicas() {
    final List<TopicRequirements.Problem> problems = problems(found(1, 2), 1);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).text().contains("no write can succeed"), problems.toString());
  }

  @Test
  void shouldReportFewerReplicasThanConfiguredWithoutStoppingTheStart() {
    final List<TopicRequirements.Problem> problems = problems(found(1, 1), 3);

    assertEquals(3, problems.size(), problems.toString());
    assertTrue(problems.get(0).text().contains("replication factor 1"), problems.toString());
    assertFalse(problems.get(0).stopsStart());
  }

  @Test
  void shouldStopTheStartOnSeveralPartitionsOrASchemasTopicThatDeletes() {
    final List<TopicRequirements.Problem> partitions =
        problems(new Found(1, 1, 3, TopicConfig.CLEANUP_POLICY_COMPACT), 1);
    final List<TopicRequirements.Problem> deleting =
        problems(new Found(1, 1, 1, "compact,delete"), 1);

    assertEquals(3, partitions.size(), partitions.toString());
    assertTrue(partitions.get(0).text().contains("has 3 partitions"), partitions.toString());
    assertTrue(partitions.stream().allMatch(TopicRequirements.Problem::stopsStart));
    assertEquals(1, deleting.size(), deleting.toString());
    assertTrue(deleting.get(0).text().contains("cleanup.policy=compact,delete"));
    assertTrue(deleting.get(0).stopsStart());
  }

  private static List<TopicRequirements.Problem> problems(
      final Found found, final int wantedReplicas) {
    return TopicRequirements.problems(
        TOPICS, found.descriptions(), found.configs(), (short) wantedReplicas);
  }

  private static Found found(final int replicas, final int minInsync) {
    return new Found(replicas, minInsync, 1, TopicConfig.CLEANUP_POLICY_COMPACT);
  }

  /** The three topics as Kafka would describe them, alike but for the schemas topic's policy. */
  private record Found(int replicas, int minInsync, int partitions, String schemasPolicy) {
    Map<String, TopicDescription> descriptions() {
      final List<Node> nodes = IntStream.range(0, replicas).mapToObj(Found::node).toList();
      final List<TopicPartitionInfo> infos = new ArrayList<>();
      for (int partition = 0; partition < partitions; partition++) {
        infos.add(new TopicPartitionInfo(partition, nodes.get(0), nodes, nodes));
      }
      final Map<String, TopicDescription> descriptions = new HashMap<>();
      for (final String topic : names()) {
        descriptions.put(topic, new TopicDescription(topic, false, infos));
      }
      return descriptions;
    }

    Map<String, Config> configs() {
      final Map<String, Config> configs = new HashMap<>();
      for (final String topic : names()) {
        configs.put(
            topic,
            new Config(
                List.of(
                    new ConfigEntry(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        topic.equals(TOPICS.schemas())
                            ? schemasPolicy
                            : TopicConfig.CLEANUP_POLICY_DELETE),
                    new ConfigEntry(
                        TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync)))));
      }
      return configs;
    }

    private static List<String> names() {
      return List.of(TOPICS.schemas(), TOPICS.commands(), TOPICS.replies());
    }

    private static Node node(final int id) {
      return new Node(id, "broker-" + id, 9092);
    }
  }
}
