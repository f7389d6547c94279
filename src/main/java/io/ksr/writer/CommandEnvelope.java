package io.ksr.writer;

import java.util.Objects;

/**
 * A command record's value.
 *
 * @param format the envelope's format version, so that a writer can refuse what it cannot read
 * @param requestId names the reply
 * @param deadline epoch milliseconds, on the requester's clock, after which it no longer waits;
 *     read by writers that predate {@code timeoutMs}
 * @param timeoutMs how long after the broker appended the command the requester stops waiting; the
 *     writer drops the command rather than apply it later. Zero from requesters that predate it.
 */
public record CommandEnvelope(
    int format, String requestId, long deadline, long timeoutMs, Command command) {
  public static final int FORMAT = 2;

  public CommandEnvelope {
    Objects.requireNonNull(requestId, "requestId can't be null");
    Objects.requireNonNull(command, "command can't be null");
  }
}
