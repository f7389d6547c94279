package io.ksr.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real single-node KRaft broker in the test JVM, shared by every integration test class that
 * extends with it; tests keep apart by using their own topics and group ids. JUnit closes it after
 * the last test.
 */
public final class TestKafka implements BeforeAllCallback {
  private static KafkaClusterTestKit cluster;

  @Override
  public void beforeAll(final ExtensionContext context) {
    context
        .getRoot()
        .getStore(ExtensionContext.Namespace.GLOBAL)
        .computeIfAbsent(TestKafka.class, key -> new Running(), Running.class);
  }

  /** The broker's address; only valid in a class extended with {@link TestKafka}. */
  public static synchronized String bootstrapServers() {
    if (cluster == null) {
      throw new IllegalStateException("annotate the test class with @ExtendWith(TestKafka.class)");
    }
    return cluster.bootstrapServers();
  }

  /** Starts the broker when created and stops it when JUnit closes the root store. */
  private static final class Running implements AutoCloseable {
    Running() {
      synchronized (TestKafka.class) {
        cluster = start();
      }
    }

    @Override
    public void close() throws Exception {
      synchronized (TestKafka.class) {
        cluster.close();
        cluster = null;
      }
    }
  }

  private static KafkaClusterTestKit start() {
    try {
      final KafkaClusterTestKit kit =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .setBootstrapMetadataVersion(MetadataVersion.latestProduction())
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("transaction.abort.timed.out.transaction.cleanup.interval.ms", "1000")
              .build();
      kit.format();
      kit.startup();
      kit.waitForReadyBrokers();
      return kit;
    } catch (final Exception e) {
      throw new IllegalStateException("The test Kafka broker did not start", e);
    }
  }
}
