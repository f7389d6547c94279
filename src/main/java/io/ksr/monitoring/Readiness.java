package io.ksr.monitoring;

import java.time.Duration;

/**
 * Whether an instance should get traffic: Kafka answers and the store keeps up with {@code
 * _schemas}, or neither has failed for longer than the configured time.
 *
 * @param reason why not, when not ready; empty when ready
 */
public record Readiness(boolean ready, String reason) {
  /** The verdict of {@code probe} with this much patience for failures. */
  public static Readiness of(final KafkaProbe probe, final Duration patience) {
    final Duration unreachable = probe.unreachableFor();
    if (unreachable.compareTo(patience) > 0) {
      return new Readiness(
          false, "Kafka has not answered for " + unreachable.toMillis() / 1000 + " s");
    }
    final Duration behind = probe.storeBehindFor();
    if (behind.compareTo(patience) > 0) {
      return new Readiness(
          false,
          "the store has been behind the schemas topic for " + behind.toMillis() / 1000 + " s");
    }
    return new Readiness(true, "");
  }
}
