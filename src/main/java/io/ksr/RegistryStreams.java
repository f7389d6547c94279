package io.ksr;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Errors;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.CatchUpLogger;
import io.ksr.store.LocalStore;
import io.ksr.store.RegistryQueries;
import io.ksr.store.StoreLayout;
import io.ksr.store.StoreProgress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's Kafka Streams application: the global store of {@code _schemas} and, on an
 * instance that may become the writer, the writer. When the application fails for good (Kafka
 * Streams in {@code ERROR}: its global thread died), it is stopped and started again; when what
 * failed was storing a record (a disk or store error, not a malformed record), its local state is
 * wiped first, which rebuilds the store from {@code _schemas}. Meanwhile reads fail with 50001 and
 * readiness says why.
 */
final class RegistryStreams implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryStreams.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration STORE_WAIT = Duration.ofSeconds(60);

  /** What the application is made of, and where its local state lives. */
  record Parts(
      Supplier<Topology> topology,
      Properties settings,
      Path stateDir,
      String applicationId,
      String schemasTopic,
      String schemasTopicId,
      SchemaProviders providers,
      CompatibilityLevel defaultLevel) {}

  private final Parts parts;
  private final StoreProgress progress;
  private final Consumer<KafkaStreams> onStart;
  private final AtomicLong threadFailures = new AtomicLong();
  private final ExecutorService rebuilder =
      Executors.newSingleThreadExecutor(
          task -> {
            final Thread thread = new Thread(task, "ksr-store-rebuild");
            thread.setDaemon(true);
            return thread;
          });
  private volatile KafkaStreams streams;
  private volatile LocalStore store;
  private volatile long lastThreadFailureNanos;
  private volatile boolean closing;

  /** Whether a client has run: until then, a failed start is handled by {@link #start}. */
  private volatile boolean hasRun;

  /**
   * @param onStart told of each Kafka Streams client once it runs, the first and any rebuilt one
   */
  RegistryStreams(
      final Parts parts, final StoreProgress progress, final Consumer<KafkaStreams> onStart) {
    this.parts = parts;
    this.progress = progress;
    this.onStart = onStart;
  }

  /**
   * Starts the application and returns once its store has read {@code _schemas} to its end. A local
   * store that cannot be opened (damaged files) is wiped and rebuilt from {@code _schemas}.
   */
  void start() {
    final KafkaStreams created = create();
    StoreLayout.ensureCurrent(
        parts.stateDir(), parts.applicationId(), parts.schemasTopicId(), created);
    try {
      run(created);
    } catch (final StreamsException e) {
      if (!opening(e)) {
        throw e;
      }
      LOG.warn(
          "The local store in {} cannot be opened ({}): rebuilding it from the schemas topic",
          parts.stateDir(),
          e.getMessage());
      stop(created);
      created.cleanUp();
      run(create());
    }
  }

  /** Whether a failure to start was the local store failing to open. */
  private static boolean opening(final Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof ProcessorStateException) {
        return true;
      }
    }
    return false;
  }

  /** The registry's reads over this instance's store; 50001 while the store is being rebuilt. */
  RegistryQueries queries() {
    final LocalStore current = store;
    if (current == null) {
      throw Errors.storeError(
          "The local schema store is being rebuilt from the schemas topic", null);
    }
    return current.queries();
  }

  /** How many {@code _schemas} records the store has not read yet; empty when not measured. */
  OptionalLong lagRecords() {
    final LocalStore current = store;
    return current == null ? OptionalLong.empty() : current.lagRecords();
  }

  @Override
  public void close() {
    closing = true;
    rebuilder.shutdownNow();
    stop(streams);
  }

  private KafkaStreams create() {
    final KafkaStreams created = new KafkaStreams(parts.topology().get(), parts.settings());
    created.setGlobalStateRestoreListener(new CatchUpLogger());
    created.setStateListener(
        (newState, oldState) -> {
          LOG.info("Kafka Streams: {} -> {}", oldState, newState);
          if (newState == KafkaStreams.State.ERROR && hasRun) {
            recoverLater(created);
          }
        });
    created.setUncaughtExceptionHandler(
        error -> {
          threadFailures.incrementAndGet();
          lastThreadFailureNanos = System.nanoTime();
          LOG.error("A stream thread failed; replacing it", error);
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
    return created;
  }

  /** Starts a client and waits for its store; returns once the store has caught up. */
  private void run(final KafkaStreams created) {
    streams = created;
    // Returns once the global store has read _schemas to its end.
    created.start();
    store = awaitStore(created);
    hasRun = true;
    progress.serving(true);
    onStart.accept(created);
  }

  private void recoverLater(final KafkaStreams failed) {
    if (closing) {
      return;
    }
    store = null;
    progress.serving(false);
    rebuilder.execute(() -> recover(failed));
  }

  private void recover(final KafkaStreams failed) {
    final Optional<String> storeFailure = progress.storeFailure();
    LOG.warn(
        storeFailure.isPresent()
            ? "Rebuilding the local store from the schemas topic after: {}"
            : "Starting Kafka Streams again after it failed{}",
        storeFailure.orElse(""));
    stop(failed);
    if (storeFailure.isPresent()) {
      failed.cleanUp();
    }
    if (closing) {
      return;
    }
    try {
      run(create());
      progress.storeRebuilt();
      // The failure that brought the application down is what was just recovered from.
      lastThreadFailureNanos = 0;
      LOG.info("The local store serves again");
    } catch (final RuntimeException e) {
      LOG.error("Starting Kafka Streams again failed; the instance stays not ready", e);
    }
  }

  private static void stop(final KafkaStreams client) {
    if (client != null) {
      client.close(
          CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
              .withTimeout(CLOSE_TIMEOUT));
    }
  }

  private LocalStore awaitStore(final KafkaStreams client) {
    final long deadline = System.nanoTime() + STORE_WAIT.toNanos();
    while (true) {
      try {
        return new LocalStore(
            client, parts.schemasTopic(), parts.providers(), parts.defaultLevel(), progress);
      } catch (final InvalidStateStoreException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "The local schema store did not open within " + STORE_WAIT.toSeconds() + " s", e);
        }
        try {
          Thread.sleep(50);
        } catch (final InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("Interrupted while opening the local store", e);
        }
      }
    }
  }

  /**
   * What keeps the application from serving: a store that failed or is starting again, a client
   * that does not run, a stream thread that failed less than {@code patience} ago.
   */
  Optional<String> problem(final Duration patience) {
    final Optional<String> store = storeProblem();
    if (store.isPresent()) {
      return store;
    }
    final KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
      return Optional.of("Kafka Streams is " + state);
    }
    final long sinceFailure = System.nanoTime() - lastThreadFailureNanos;
    if (lastThreadFailureNanos != 0 && sinceFailure < patience.toNanos()) {
      return Optional.of(
          "a stream thread failed "
              + Duration.ofNanos(sinceFailure).toMillis() / 1000
              + " s ago ("
              + threadFailures.get()
              + " failures since start)");
    }
    return Optional.empty();
  }

  /** Why the store cannot be trusted to be current, if it cannot. */
  private Optional<String> storeProblem() {
    final Optional<String> failure = progress.storeFailure();
    if (failure.isPresent()) {
      return Optional.of("the local store failed (" + failure.get() + "); rebuilding it");
    }
    return store == null ? Optional.of("Kafka Streams is starting again") : Optional.empty();
  }
}
