package io.ksr.testkit;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/** Real KRaft clusters in the test JVM. */
public final class TestClusters {
  private TestClusters() {}

  /**
   * A started cluster of separate broker nodes and one controller.
   *
   * @param brokers how many brokers; internal topics are replicated over all of them
   */
  public static KafkaClusterTestKit start(final int brokers) {
    return start(brokers, Map.of());
  }

  /**
   * A started cluster, with broker settings that override this class's.
   *
   * @param overrides broker settings, for example Kafka's own defaults to measure against
   */
  public static KafkaClusterTestKit start(final int brokers, final Map<String, String> overrides) {
    return start(brokers, overrides, Map.of());
  }

  /**
   * A started cluster, with settings of single brokers that override the others.
   *
   * @param perBroker broker settings by node id (brokers are numbered from 0), for example their
   *     listeners
   */
  public static KafkaClusterTestKit start(
      final int brokers,
      final Map<String, String> overrides,
      final Map<Integer, Map<String, String>> perBroker) {
    try {
      final KafkaClusterTestKit.Builder builder =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(brokers == 1)
                      .setNumBrokerNodes(brokers)
                      .setNumControllerNodes(1)
                      .setBootstrapMetadata(freshlyFormatted())
                      .setPerServerProperties(perBroker)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", Integer.toString(brokers))
              .setConfigProp("transaction.state.log.replication.factor", Integer.toString(brokers))
              .setConfigProp(
                  "transaction.state.log.min.isr", Integer.toString(Math.min(2, brokers)))
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              // Recommended for the registry's brokers (docs/failover.md): a crashed writer's
              // open transaction is aborted within a second of timing out.
              .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000");
      overrides.forEach(builder::setConfigProp);
      final KafkaClusterTestKit kit = builder.build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return kit;
    } catch (final Exception e) {
      throw new IllegalStateException("The test Kafka cluster did not start", e);
    }
  }

  /**
   * The features that {@code kafka-storage format} gives a new cluster of this Kafka version, among
   * them transaction version 2, which saves the writer's transactions two round trips; the test kit
   * otherwise leaves every feature but the metadata version at level 0.
   */
  private static BootstrapMetadata freshlyFormatted() {
    final MetadataVersion version = MetadataVersion.latestProduction();
    final Map<String, Short> features = new HashMap<>();
    for (final Feature feature : Feature.PRODUCTION_FEATURES) {
      features.put(feature.featureName(), feature.defaultLevel(version));
    }
    return BootstrapMetadata.fromVersions(version, features, "the registry's tests");
  }
}
