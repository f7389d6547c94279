package io.ksr.writer;

import java.util.Objects;

/**
 * A command record's value.
 *
 * @param format the envelope's format version, so that a writer can refuse what it cannot read
 * @param requestId names the reply
 * @param deadline epoch milliseconds after which the requester no longer waits; the writer drops
 *     the command rather than apply it late
 */
public record CommandEnvelope(int format, String requestId, long deadline, Command command) {
  public static final int FORMAT = 2;

  public CommandEnvelope {
    Objects.requireNonNull(requestId, "requestId can't be null");
    Objects.requireNonNull(command, "command can't be null");
  }
}
