package io.ksr.monitoring;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether an instance should get traffic: Kafka answers, the store keeps up with {@code _schemas}
 * and knows how far behind it is, and the instance's Kafka Streams application runs (its store
 * stores, its threads do not keep failing, its writer keeps up with commands), or each failure is
 * younger than the configured patience where the failure can pass by itself.
 *
 * @param problem what is wrong, when not ready
 * @param reason why not, in words, when not ready; empty when ready
 */
public record Readiness(Problem problem, String reason) {
  /** What keeps an instance from being ready; the names are the metric's tag values. */
  public enum Problem {
    NONE,
    KAFKA_UNREACHABLE,
    STORE_BEHIND,
    STORE_LAG_UNKNOWN,
    APPLICATION
  }

  /** How long each failure that may pass by itself has lasted; zero while it does not. */
  public interface Probe {
    Duration unreachableFor();

    Duration storeBehindFor();

    Duration storeLagUnknownFor();
  }

  public boolean ready() {
    return problem == Problem.NONE;
  }

  /**
   * The verdict of {@code probe} with this much patience for failures that may pass, and what the
   * application says is wrong with it at once.
   *
   * @param application what keeps the Kafka Streams application from serving, if anything
   */
  public static Readiness of(
      final Probe probe, final Duration patience, final Supplier<Optional<String>> application) {
    final Duration unreachable = probe.unreachableFor();
    if (unreachable.compareTo(patience) > 0) {
      return new Readiness(
          Problem.KAFKA_UNREACHABLE,
          "Kafka has not answered for " + unreachable.toMillis() / 1000 + " s");
    }
    final Optional<String> wrong = application.get();
    if (wrong.isPresent()) {
      return new Readiness(Problem.APPLICATION, wrong.get());
    }
    final Duration behind = probe.storeBehindFor();
    if (behind.compareTo(patience) > 0) {
      return new Readiness(
          Problem.STORE_BEHIND,
          "the store has been behind the schemas topic for " + behind.toMillis() / 1000 + " s");
    }
    final Duration unknown = probe.storeLagUnknownFor();
    if (unknown.compareTo(patience) > 0) {
      return new Readiness(
          Problem.STORE_LAG_UNKNOWN,
          "how far the store is behind the schemas topic has not been known for "
              + unknown.toMillis() / 1000
              + " s");
    }
    return new Readiness(Problem.NONE, "");
  }
}
