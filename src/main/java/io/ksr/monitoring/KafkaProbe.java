package io.ksr.monitoring;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Kafka every second whether it answers, and notes whether this instance's store has read
 * {@code _schemas} to its end and whether that is known, so that readiness can say how long each
 * has been failing.
 */
public final class KafkaProbe implements Readiness.Probe, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaProbe.class);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final Duration GRACE = INTERVAL.multipliedBy(3);

  private final Admin admin;
  private final Supplier<OptionalLong> storeLagRecords;
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            final Thread thread = new Thread(runnable, "ksr-kafka-probe");
            thread.setDaemon(true);
            return thread;
          });
  private volatile long lastReachable = System.nanoTime();
  private volatile long lastCaughtUp = System.nanoTime();
  private volatile long lastLagKnown = System.nanoTime();
  private volatile boolean reportedUnreachable;

  /**
   * Starts probing. The store is taken to have caught up at start, since an instance starts serving
   * only once it has.
   */
  public KafkaProbe(final Admin admin, final Supplier<OptionalLong> storeLagRecords) {
    this.admin = admin;
    this.storeLagRecords = storeLagRecords;
    scheduler.scheduleWithFixedDelay(this::probe, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How long Kafka has not answered; zero while it answers. */
  @Override
  public Duration unreachableFor() {
    return since(lastReachable);
  }

  /** How long the store has been behind the end of {@code _schemas}; zero while it keeps up. */
  @Override
  public Duration storeBehindFor() {
    return since(lastCaughtUp);
  }

  /**
   * How long the store's lag has not been measured (its consumer is gone, or stopped fetching);
   * zero while it is. Not knowing is not taken for keeping up.
   */
  @Override
  public Duration storeLagUnknownFor() {
    return since(lastLagKnown);
  }

  private static Duration since(final long at) {
    final long elapsed = System.nanoTime() - at;
    // One probe may take up to three intervals (the wait between probes and its own timeout).
    return elapsed < GRACE.toNanos() ? Duration.ZERO : Duration.ofNanos(elapsed);
  }

  private void probe() {
    final long now = System.nanoTime();
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs((int) INTERVAL.toMillis()))
          .clusterId()
          .get(INTERVAL.toMillis() * 2, TimeUnit.MILLISECONDS);
      lastReachable = now;
      if (reportedUnreachable) {
        reportedUnreachable = false;
        LOG.info("Kafka answers again");
      }
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (final Exception e) {
      if (!reportedUnreachable) {
        reportedUnreachable = true;
        LOG.warn("Kafka does not answer: {}", e.toString());
      }
    }
    final OptionalLong lag = storeLagRecords.get();
    if (lag.isPresent()) {
      lastLagKnown = now;
    }
    // An unknown lag is reported as such rather than as being behind.
    if (lag.isEmpty() || lag.getAsLong() == 0) {
      lastCaughtUp = now;
    }
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
