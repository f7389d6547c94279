package io.ksr.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;

/**
 * What the registry needs of its topics: one partition each, a {@code _schemas} that is compacted
 * and only compacted, the replication factor asked for, and, from three replicas on, two in-sync
 * replicas behind every acknowledged write.
 */
final class TopicRequirements {
  /**
   * With {@code acks=all}, a write is acknowledged once every in-sync replica has it, and the
   * in-sync set may shrink to the leader alone unless this setting forbids it: two means an
   * acknowledged write survives the loss of any one broker. Three replicas keep accepting writes
   * with one broker down; with two replicas it would stop writes whenever either broker restarts,
   * so it is only asked for from three replicas on. More is the operator's choice.
   */
  static final int MIN_INSYNC_REPLICAS = 2;

  private static final int MIN_INSYNC_FROM_REPLICAS = 3;

  /**
   * A way in which a topic does not meet the registry's needs.
   *
   * @param text what is wrong, why it matters and how to fix it, for the log
   * @param stopsStart whether the registry refuses to start on it, because it would break the
   *     registry rather than weaken it
   */
  record Problem(String text, boolean stopsStart) {}

  private TopicRequirements() {}

  /** The settings of a topic the registry creates with this many replicas. */
  static Map<String, String> creationConfigs(
      final Map<String, String> configs, final short replicas) {
    final Map<String, String> all = new HashMap<>(configs);
    if (replicas >= MIN_INSYNC_FROM_REPLICAS) {
      all.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(MIN_INSYNC_REPLICAS));
    }
    return all;
  }

  /**
   * The problems of the topics as Kafka describes them, topic by topic in the order of {@code
   * topics}.
   *
   * @param wantedReplicas the replication factor the registry would create the topics with now
   */
  static List<Problem> problems(
      final TopicNames topics,
      final Map<String, TopicDescription> descriptions,
      final Map<String, Config> configs,
      final short wantedReplicas) {
    final List<Problem> problems = new ArrayList<>();
    for (final String topic : List.of(topics.schemas(), topics.commands(), topics.replies())) {
      final TopicDescription description = descriptions.get(topic);
      final Config config = configs.get(topic);
      final int partitions = description.partitions().size();
      if (partitions != 1) {
        problems.add(
            new Problem(
                "Topic "
                    + topic
                    + " has "
                    + partitions
                    + " partitions; the registry needs exactly one, because the order of its"
                    + " records is the order of writes. Delete it or point kafkastore.topic"
                    + " elsewhere.",
                true));
      }
      if (topic.equals(topics.schemas())) {
        cleanupPolicyProblem(topic, config).ifPresent(problems::add);
      }
      final int replicas = description.partitions().get(0).replicas().size();
      replicationProblem(topic, replicas, wantedReplicas).ifPresent(problems::add);
      inSyncProblem(topic, replicas, config).ifPresent(problems::add);
    }
    return problems;
  }

  private static Optional<Problem> cleanupPolicyProblem(final String topic, final Config config) {
    final String policy = valueOf(config, TopicConfig.CLEANUP_POLICY_CONFIG);
    if (TopicConfig.CLEANUP_POLICY_COMPACT.equals(policy)) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "Topic "
                + topic
                + " has cleanup.policy="
                + policy
                + "; the registry needs cleanup.policy=compact, or Kafka would delete schemas."
                + " Fix it with: "
                + alterCommand(topic, "cleanup.policy=compact"),
            true));
  }

  private static Optional<Problem> replicationProblem(
      final String topic, final int replicas, final short wantedReplicas) {
    if (replicas >= wantedReplicas) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "Topic "
                + topic
                + " has replication factor "
                + replicas
                + ", below the "
                + wantedReplicas
                + " that kafkastore.topic.replication.factor asks for on this cluster, so losing a"
                + " broker can lose it. Add replicas with kafka-reassign-partitions.",
            false));
  }

  private static Optional<Problem> inSyncProblem(
      final String topic, final int replicas, final Config config) {
    final String value = valueOf(config, TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
    if (value == null) {
      return Optional.empty();
    }
    final int minInsync = Integer.parseInt(value);
    final String consequence;
    if (minInsync > replicas) {
      consequence = "but only " + replicas + " replicas, so no write can succeed";
    } else if (replicas >= MIN_INSYNC_FROM_REPLICAS && minInsync < MIN_INSYNC_REPLICAS) {
      consequence =
          "with replication factor "
              + replicas
              + ", so a write that one broker alone acknowledged counts as safe and is lost with"
              + " that broker";
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "Topic "
                + topic
                + " has min.insync.replicas="
                + minInsync
                + " "
                + consequence
                + ". Fix it with: "
                + alterCommand(
                    topic, "min.insync.replicas=" + Math.min(MIN_INSYNC_REPLICAS, replicas)),
            false));
  }

  private static String valueOf(final Config config, final String key) {
    final ConfigEntry entry = config.get(key);
    return entry == null ? null : entry.value();
  }

  private static String alterCommand(final String topic, final String setting) {
    return "kafka-configs --alter --entity-type topics --entity-name "
        + topic
        + " --add-config "
        + setting;
  }
}
