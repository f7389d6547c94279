package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The read benchmark's harness on a few ids for a second per load, so that it keeps working. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class ReadBenchSmokeTest {
  @TempDir Path dataDir;
  @TempDir Path peerDataDir;

  /** A second registry stands in for the peer, which is seeded over HTTP. */
  @Test
  void shouldAnswerEveryReadOfEveryLoadFromTheLoadGenerator() throws Exception {
    try (TestRegistry peer =
        TestRegistry.start(TestRegistry.settings("read-bench-smoke-peer", peerDataDir))) {
      final List<ReadBench.Row> rows =
          ReadBench.run(
              "read-bench-smoke",
              dataDir,
              new ReadBench.Settings(
                  50,
                  "http://127.0.0.1:" + peer.registry().ports().get(0),
                  5,
                  4,
                  10,
                  2,
                  Duration.ofMillis(300),
                  Duration.ofSeconds(1),
                  1));

      assertEquals(
          List.of(50, 50, 10, 10, 1, 5, 5, 5, 5),
          rows.stream().map(ReadBench.Row::keys).toList(),
          rows.toString());
      for (final ReadBench.Row row : rows) {
        assertTrue(row.median().requests() > 0, row.toString());
        assertEquals(0, row.median().failures(), row.toString());
      }
      assertEquals(
          "{\"id\":6}",
          peer.client()
              .post("/subjects/another/versions", RestClient.schemaBody(ReadBench.schema(99)))
              .body());
    }
  }
}
