package io.ksr.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.testkit.TestKafka;
import io.ksr.testkit.Wait;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The probe against a real broker: a store whose lag is not measured is not taken as current. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class KafkaProbeIntegrationTest {
  @Test
  void shouldCountAMissingLagAsUnknownRatherThanCaughtUp() {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
        KafkaProbe probe = new KafkaProbe(admin, OptionalLong::empty)) {
      Wait.until(
          "the unknown lag to count",
          Duration.ofSeconds(30),
          () -> probe.storeLagUnknownFor().compareTo(Duration.ZERO) > 0);

      assertEquals(Duration.ZERO, probe.unreachableFor());
      assertEquals(Duration.ZERO, probe.storeBehindFor());
    }
  }
}
