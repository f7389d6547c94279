package io.ksr.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls for a condition with a deadline, instead of sleeping a fixed time. */
public final class Wait {
  private Wait() {}

  public static void until(
      final String what, final Duration timeout, final BooleanSupplier condition) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + timeout + " waiting for " + what);
      }
      pause(Duration.ofMillis(20));
    }
  }

  /** Waits between polls. */
  public static void pause(final Duration interval) {
    try {
      Thread.sleep(interval.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
