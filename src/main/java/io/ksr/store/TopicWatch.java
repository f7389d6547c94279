package io.ksr.store;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the registry's topics again and again while it runs, because an operator can change a
 * topic's settings at any time: logs each problem once, when it appears, and counts those found by
 * the last check for the {@code ksr_topic_settings_problems} metric.
 */
public final class TopicWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TopicWatch.class);

  private final Supplier<List<String>> findProblems;
  private final ScheduledExecutorService checker =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            final Thread thread = new Thread(task, "ksr-topic-watch");
            thread.setDaemon(true);
            return thread;
          });
  private Set<String> known = Set.of();
  private volatile int problems;

  /**
   * @param replicationFactor the wanted replication factor, lowered to the number of brokers
   */
  public TopicWatch(final TopicSetup setup, final TopicNames topics, final int replicationFactor) {
    this(() -> setup.problems(topics, replicationFactor));
  }

  TopicWatch(final Supplier<List<String>> findProblems) {
    this.findProblems = findProblems;
  }

  /** Checks now, and then again every {@code interval}, in the background. */
  public void start(final Duration interval) {
    checker.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many problems the last check found. */
  public int problems() {
    return problems;
  }

  /**
   * Checks once and logs what is new. Runs on one thread at a time.
   *
   * @return the problems that the previous check did not find
   */
  synchronized List<String> check() {
    final List<String> found;
    try {
      found = findProblems.get();
    } catch (final TopicSetupException e) {
      // Whether Kafka answers is the readiness probe's business; the topics are as last seen.
      LOG.debug("Could not check the registry's topics: {}", e.getMessage());
      return List.of();
    } catch (final RuntimeException e) {
      // Thrown out of a scheduled task, it would end the checks for good, unnoticed.
      LOG.warn("Could not check the registry's topics", e);
      return List.of();
    }
    final List<String> appeared =
        found.stream().filter(problem -> !known.contains(problem)).toList();
    appeared.forEach(problem -> LOG.warn("{}", problem));
    known.stream()
        .filter(problem -> !found.contains(problem))
        .forEach(problem -> LOG.info("Resolved: {}", problem));
    known = new HashSet<>(found);
    problems = found.size();
    return appeared;
  }

  @Override
  public void close() {
    checker.shutdownNow();
  }
}
