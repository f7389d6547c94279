package io.ksr.testkit;

import org.apache.kafka.common.test.KafkaClusterTestKit;
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
        cluster = TestClusters.start(1);
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
}
