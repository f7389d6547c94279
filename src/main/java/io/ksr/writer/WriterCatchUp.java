package io.ksr.writer;

import java.util.concurrent.CompletableFuture;

/**
 * How a new writer learns that its store has read all of {@code _schemas}; it handles no command
 * before, so that it never hands out an id or version that an earlier writer already gave.
 */
@FunctionalInterface
public interface WriterCatchUp {
  /** Starts catching up; the future completes when the store has read everything written so far. */
  CompletableFuture<Void> begin();
}
