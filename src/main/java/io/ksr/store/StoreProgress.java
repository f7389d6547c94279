package io.ksr.store;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far this instance's global store has read {@code _schemas}, and the futures that wait for it
 * to get further. The global store's thread advances it; request threads and the writer wait on it.
 */
public final class StoreProgress {
  private final Object lock = new Object();
  private final List<CommandWaiter> commandWaiters = new ArrayList<>();
  private final Map<String, CompletableFuture<Void>> barrierWaiters = new ConcurrentHashMap<>();
  private final AtomicLong skippedRecords = new AtomicLong();
  private final AtomicLong foreignRecords = new AtomicLong();
  private volatile boolean serving;
  private volatile String storeFailure;
  private final AtomicLong storeWrites = new AtomicLong();
  private final String commandTopicId;
  private long appliedCommandOffset = -1;

  /**
   * @param commandTopicId the id Kafka gave the command topic this instance uses; command offsets
   *     are counted only for that topic, since another topic's offsets (a topic on another cluster
   *     whose {@code _schemas} records were mirrored here, or an earlier topic of the same name)
   *     say nothing about this one's
   */
  public StoreProgress(final String commandTopicId) {
    this.commandTopicId = Objects.requireNonNull(commandTopicId, "commandTopicId can't be null");
  }

  private record CommandWaiter(long offset, CompletableFuture<Void> future) {}

  /** The id of the command topic whose offsets this instance counts. */
  public String commandTopicId() {
    return commandTopicId;
  }

  /**
   * Whether a command offset on a {@code _schemas} record counts, given the record's {@link
   * HeaderNames#COMMAND_TOPIC} header. Records without that header come from versions that did not
   * write it, which only ever ran against the topic they still use.
   */
  boolean counts(final String recordCommandTopicId) {
    return recordCommandTopicId == null || commandTopicId.equals(recordCommandTopicId);
  }

  /** The offset of the last command whose writes the store has applied, or -1. */
  public long appliedCommandOffset() {
    synchronized (lock) {
      return appliedCommandOffset;
    }
  }

  /** Completes once the store has applied every write of the command at {@code offset}. */
  public CompletableFuture<Void> awaitCommand(final long offset) {
    final CompletableFuture<Void> future = new CompletableFuture<>();
    synchronized (lock) {
      if (appliedCommandOffset >= offset) {
        future.complete(null);
        return future;
      }
      commandWaiters.add(new CommandWaiter(offset, future));
    }
    // A waiter that times out is dropped here rather than when the offset finally arrives.
    future.whenComplete((ignored, error) -> forget(future));
    return future;
  }

  /** Completes once the store has read the barrier record with this id. */
  public CompletableFuture<Void> awaitBarrier(final String barrierId) {
    final CompletableFuture<Void> future = new CompletableFuture<>();
    barrierWaiters.put(barrierId, future);
    future.whenComplete((ignored, error) -> barrierWaiters.remove(barrierId, future));
    return future;
  }

  /** How many {@code _schemas} records this instance skipped because it could not apply them. */
  public long skippedRecords() {
    return skippedRecords.get();
  }

  /**
   * How many {@code _schemas} records another writer than this registry's appended since this
   * instance started serving: Confluent's registry or Karapace left running on the same topic, or
   * records copied in.
   */
  public long foreignRecords() {
    return foreignRecords.get();
  }

  /** Whether the store has read {@code _schemas} to its end at start-up and serves from it. */
  boolean isServing() {
    return serving;
  }

  /** Marks the store as serving, once it has read {@code _schemas} to its end. */
  public void serving(final boolean isServing) {
    serving = isServing;
  }

  /** Why the store could not store a record, or empty while it works. */
  public Optional<String> storeFailure() {
    return Optional.ofNullable(storeFailure);
  }

  /** Forgets a store failure, once the store has been rebuilt. */
  public void storeRebuilt() {
    storeFailure = null;
  }

  void storeFailed(final String why) {
    storeFailure = why;
  }

  void recordForeign() {
    foreignRecords.incrementAndGet();
  }

  void commandApplied(final long offset) {
    final List<CompletableFuture<Void>> done = new ArrayList<>();
    synchronized (lock) {
      appliedCommandOffset = Math.max(appliedCommandOffset, offset);
      for (final Iterator<CommandWaiter> it = commandWaiters.iterator(); it.hasNext(); ) {
        final CommandWaiter waiter = it.next();
        if (waiter.offset() <= appliedCommandOffset) {
          done.add(waiter.future());
          it.remove();
        }
      }
    }
    done.forEach(future -> future.complete(null));
  }

  void barrierSeen(final String barrierId) {
    final CompletableFuture<Void> future = barrierWaiters.get(barrierId);
    if (future != null) {
      future.complete(null);
    }
  }

  /** How many writes the global store has taken so far: a value read before it changed is stale. */
  long storeWrites() {
    return storeWrites.get();
  }

  void stored() {
    storeWrites.incrementAndGet();
  }

  void recordSkipped() {
    skippedRecords.incrementAndGet();
  }

  private void forget(final CompletableFuture<Void> future) {
    synchronized (lock) {
      commandWaiters.removeIf(waiter -> waiter.future() == future);
    }
  }
}
