package io.ksr.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What makes an instance not ready, and which failure it names first. */
class ReadinessTest {
  private static final Duration PATIENCE = Duration.ofSeconds(10);
  private static final Duration LONG = Duration.ofSeconds(11);

  private record Durations(
      Duration unreachableFor, Duration storeBehindFor, Duration storeLagUnknownFor)
      implements Readiness.Probe {}

  @Test
  void shouldBeReadyWhileEveryFailureIsYoungerThanThePatience() {
    final Readiness readiness =
        Readiness.of(new Durations(PATIENCE, PATIENCE, PATIENCE), PATIENCE, Optional::empty);

    assertEquals(new Readiness(Readiness.Problem.NONE, ""), readiness);
  }

  @Test
  void shouldNotTakeAnUnknownLagForACaughtUpStore() {
    final Readiness readiness =
        Readiness.of(new Durations(Duration.ZERO, Duration.ZERO, LONG), PATIENCE, Optional::empty);

    assertEquals(Readiness.Problem.STORE_LAG_UNKNOWN, readiness.problem());
    assertEquals(
        "how far the store is behind the schemas topic has not been known for 11 s",
        readiness.reason());
  }

  @Test
  void shouldSayAtOnceWhatKeepsTheApplicationFromServing() {
    final Readiness readiness =
        Readiness.of(
            new Durations(Duration.ZERO, LONG, Duration.ZERO),
            PATIENCE,
            () -> Optional.of("Kafka Streams is ERROR"));

    assertEquals(new Readiness(Readiness.Problem.APPLICATION, "Kafka Streams is ERROR"), readiness);
  }

  @Test
  void shouldNameKafkaFirstWhenItDoesNotAnswer() {
    final Readiness readiness =
        Readiness.of(
            new Durations(LONG, LONG, LONG), PATIENCE, () -> Optional.of("Kafka Streams is ERROR"));

    assertEquals(Readiness.Problem.KAFKA_UNREACHABLE, readiness.problem());
  }
}
