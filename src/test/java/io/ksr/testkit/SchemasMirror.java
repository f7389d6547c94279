package io.ksr.testkit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.mirror.IdentityReplicationPolicy;
import org.apache.kafka.connect.mirror.MirrorMaker;

/**
 * Apache Kafka's MirrorMaker 2, run in the test JVM, copying one registry's schemas topic from the
 * cluster of data center A to that of data center B with the settings docs/multi-datacenter.md
 * gives.
 */
public final class SchemasMirror implements AutoCloseable {
  private final MirrorMaker mirrorMaker;

  private SchemasMirror(final MirrorMaker mirrorMaker) {
    this.mirrorMaker = mirrorMaker;
  }

  /** Starts copying {@code topic} from A to B, under the same name. */
  public static SchemasMirror start(
      final String bootstrapA, final String bootstrapB, final String topic) {
    final MirrorMaker mirrorMaker = new MirrorMaker(settings(bootstrapA, bootstrapB, topic));
    mirrorMaker.start();
    return new SchemasMirror(mirrorMaker);
  }

  /** The MirrorMaker 2 settings of docs/multi-datacenter.md, with test clusters of one broker. */
  static Map<String, String> settings(
      final String bootstrapA, final String bootstrapB, final String topic) {
    final Map<String, String> settings = new HashMap<>();
    settings.put("clusters", "A, B");
    settings.put("A.bootstrap.servers", bootstrapA);
    settings.put("B.bootstrap.servers", bootstrapB);
    settings.put("A->B.enabled", "true");
    settings.put("A->B.topics", topic);
    settings.put("replication.policy.class", IdentityReplicationPolicy.class.getName());
    settings.put("A.consumer.isolation.level", "read_committed");
    settings.put("sync.topic.configs.enabled", "true");
    settings.put("emit.checkpoints.enabled", "false");
    settings.put("emit.heartbeats.enabled", "false");
    settings.put("emit.offset-syncs.enabled", "false");
    settings.put("sync.group.offsets.enabled", "false");
    settings.put("sync.topic.acls.enabled", "false");
    // Short intervals, so that the test does not wait for MirrorMaker to notice the topic.
    settings.put("refresh.topics.interval.seconds", "1");
    settings.put("sync.topic.configs.interval.seconds", "1");
    for (final String replicated :
        List.of(
            "replication.factor",
            "config.storage.replication.factor",
            "offset.storage.replication.factor",
            "status.storage.replication.factor")) {
      settings.put(replicated, "1");
    }
    return settings;
  }

  @Override
  public void close() {
    mirrorMaker.stop();
  }
}
