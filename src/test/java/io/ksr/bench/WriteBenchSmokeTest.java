package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The write benchmark's harness at a tiny scale, so that it keeps working and counts right. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class WriteBenchSmokeTest {
  @TempDir Path dataDir;

  @Test
  void shouldTimeRegistrationsThatAreAllStoredUnderIdsOfTheirOwn() throws Exception {
    try (TestRegistry registry =
            TestRegistry.start(TestRegistry.settings("write-bench-smoke", dataDir));
        BareRoundTrip bare = new BareRoundTrip(TestKafka.bootstrapServers(), "write-bench-smoke")) {
      final RestClient rest = registry.client();
      final List<WriteBench.Result> results = new ArrayList<>();
      results.add(WriteBench.newSubjects(rest, "smoke-s", 5));
      results.add(WriteBench.newVersions(rest, "smoke-evolving", 0, 5));
      final List<RestClient> clients = List.of(rest, rest, rest, rest);
      results.add(WriteBench.concurrent(clients, "smoke-c", 1_000));

      assertEquals(5, bare.measure(5).size());
      final Set<Integer> ids = new HashSet<>();
      int registrations = 0;
      for (final WriteBench.Result result : results) {
        assertEquals(0, result.failures(), result.toString());
        assertFalse(result.registrations().isEmpty(), result.toString());
        assertTrue(result.p50() > 0 && result.perSecond() > 0, result.toString());
        for (final WriteBench.Registration registration : result.registrations()) {
          registrations++;
          ids.add(registration.id());
          final RestClient.Response stored = rest.get("/schemas/ids/" + registration.id());
          assertEquals(200, stored.status(), stored.body());
          assertEquals(registration.schema(), stored.json().get("schema").asText());
          assertEquals(
              200,
              rest.post(
                      "/subjects/" + registration.subject(),
                      RestClient.schemaBody(registration.schema()))
                  .status(),
              registration.toString());
        }
      }
      assertEquals(registrations, ids.size(), "an id was given to two schemas");
    }
  }
}
