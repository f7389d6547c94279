package io.ksr;

import io.ksr.testkit.TestClusters;
import io.ksr.testkit.WriterChaos;
import java.nio.file.Path;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short version of the chaos run ({@code WriterChaosBenchmark}): one writer killed and one
 * frozen, under writes through three registry processes, and nothing acknowledged lost or doubled.
 */
@Tag("integration")
class WriterChaosIntegrationTest {
  @TempDir Path dir;

  @Test
  void shouldLoseAndDoubleNothingAcknowledgedWhenWritersAreKilledAndFrozen() throws Exception {
    try (KafkaClusterTestKit cluster = TestClusters.start(3)) {
      new WriterChaos(cluster, dir).run(2, result -> {});
    }
  }
}
