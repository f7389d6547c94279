package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.TestKafka;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The start-up benchmark's harness on 200 schemas, so that it keeps working. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class StartupBenchSmokeTest {
  @TempDir Path dir;

  @Test
  void shouldServeEverySchemaAfterAColdStartAndAWarmRestart() throws Exception {
    final SchemasTopic topic =
        SchemasTopic.fill(TestKafka.bootstrapServers(), "_schemas-startup-bench-smoke", 20, 10);

    final StartupBench.Result result =
        StartupBench.run(topic, "startup-bench-smoke", dir, List.of("-Xmx256m"), 1, true);

    assertEquals(1, result.of(StartupBench.COLD).size());
    assertEquals(1, result.of(StartupBench.WARM).size());
    assertTrue(result.runs().stream().allMatch(run -> run.peakRssMib() > 0), result.toString());
    assertTrue(
        result.catchUpLog().contains("Caught up on _schemas-startup-bench-smoke-0: read 200"),
        result.catchUpLog());
  }
}
