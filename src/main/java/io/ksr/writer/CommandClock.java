package io.ksr.writer;

import java.util.OptionalLong;

/**
 * The time on the clock that stamps commands: the broker's, since the command topic stamps each
 * command with the time it was appended. The writer tells how long a command has waited from it,
 * and never from the requester's clock.
 */
public interface CommandClock {
  /** Starts finding out the time, when this instance becomes the writer. */
  void measure();

  /** The command topic's time now, in epoch milliseconds; empty until it is known. */
  OptionalLong now();
}
