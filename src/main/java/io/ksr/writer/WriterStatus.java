package io.ksr.writer;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/** Whether this instance is currently the registry's writer, and whether it keeps up. */
public final class WriterStatus {
  private final AtomicBoolean writer = new AtomicBoolean();
  private volatile long lastExpiredNanos;
  private volatile long lastExpiredWaitMs;

  public boolean isWriter() {
    return writer.get();
  }

  /**
   * Why the writer does not keep up, if it does not: less than {@code patience} ago it came to a
   * command whose requester had already stopped waiting for it.
   */
  public Optional<String> lagging(final Duration patience) {
    final long last = lastExpiredNanos;
    if (!isWriter() || last == 0 || System.nanoTime() - last > patience.toNanos()) {
      return Optional.empty();
    }
    return Optional.of(
        "the writer came to a command "
            + lastExpiredWaitMs
            + " ms after it was sent, when its requester had stopped waiting");
  }

  void set(final boolean isWriter) {
    writer.set(isWriter);
  }

  /** Notes a command that waited for the writer longer than its requester. */
  void commandExpired(final long waitedMs) {
    lastExpiredWaitMs = waitedMs;
    lastExpiredNanos = System.nanoTime();
  }
}
