package io.ksr.writer;

import java.util.Objects;

/**
 * The writer's answer to a command.
 *
 * @param awaitCommandOffset the requester answers only once its own store has applied the writes of
 *     this command offset, so that it shows everything the writer's decision saw; -1 when there is
 *     nothing to wait for
 */
public record Reply(String requestId, Outcome outcome, long awaitCommandOffset) {
  public Reply {
    Objects.requireNonNull(requestId, "requestId can't be null");
    Objects.requireNonNull(outcome, "outcome can't be null");
  }
}
