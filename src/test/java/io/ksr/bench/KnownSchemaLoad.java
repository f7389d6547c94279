package io.ksr.bench;

import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.Wait;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that register again, in a loop over keep-alive connections to several instances, schemas
 * that their subjects already have, recording when each request started, how long it took and
 * whether it was answered with 200 and the schema's id.
 */
final class KnownSchemaLoad implements AutoCloseable {
  private static final Duration READ = Duration.ofSeconds(60);
  private static final int FIRST_FAILURES = 5;

  /** A schema registered under a subject of its own, with the id the registry gave it. */
  record Known(String subject, String body, int id) {}

  /**
   * One request.
   *
   * @param start {@link System#nanoTime()} when it was sent
   * @param failure why it failed, or null when it got 200 with the right id
   */
  record Sample(long start, long nanos, String failure) {}

  /** The requests that started within a window; latencies in milliseconds, NaN for none. */
  record Summary(int count, long failures, double p50, double p99, List<String> firstFailures) {
    /** The count, failures, p50 and p99 as cells of a Markdown row. */
    String cells() {
      return count + " | " + failures + " | " + millis(p50) + " | " + millis(p99);
    }

    private static String millis(final double value) {
      return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
  }

  private final List<Known> known;
  private final List<Thread> clients = new ArrayList<>();
  // Each list is written by its client alone and read only after the client has been joined.
  private final List<List<Sample>> samples = new ArrayList<>();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong latestStart = new AtomicLong(Long.MIN_VALUE);
  private volatile boolean running = true;

  /**
   * Starts the clients; client {@code c} sends to target {@code c % targets.size()} and cycles over
   * the schemas from its own starting point, so that every schema is asked for on every target.
   */
  KnownSchemaLoad(final List<RestClient> targets, final List<Known> known, final int clientCount) {
    this.known = List.copyOf(known);
    for (int c = 0; c < clientCount; c++) {
      final RestClient target = targets.get(c % targets.size());
      final int first = c * known.size() / clientCount;
      final List<Sample> own = new ArrayList<>();
      samples.add(own);
      final Thread thread = new Thread(() -> run(target, first, own), "known-schema-client-" + c);
      thread.setDaemon(true);
      clients.add(thread);
    }
    clients.forEach(Thread::start);
  }

  /**
   * Registers {@code count} distinct small Avro schemas, each under its own subject {@code
   * known-<run>-<n>-value}, one after another through {@code through}, and waits until every reader
   * answers the last one's id, so that each has read them all into its store.
   */
  static List<Known> register(
      final RestClient through, final List<RestClient> readers, final int run, final int count) {
    final List<Known> registered = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      final String subject = "known-" + run + "-" + n + "-value";
      final String body =
          RestClient.schemaBody(RegistrationLoad.schemaOf("known_" + run + "_" + n));
      final RestClient.Response response = through.post(versions(subject), body);
      if (response.status() != 200) {
        throw new AssertionError("registering " + subject + ": " + response.body());
      }
      registered.add(new Known(subject, body, response.json().get("id").asInt()));
    }
    final String last = "/schemas/ids/" + registered.get(registered.size() - 1).id();
    for (final RestClient reader : readers) {
      Wait.until("the known schemas on every reader", READ, () -> reader.get(last).status() == 200);
    }
    return registered;
  }

  /** How many requests have been answered or have failed so far. */
  long completed() {
    return completed.get();
  }

  /** When the most recent request was sent, as a {@link System#nanoTime()}. */
  long latestStart() {
    return latestStart.get();
  }

  /** Stops the clients after the requests in flight have ended, so that each is recorded. */
  @Override
  public void close() {
    running = false;
    for (final Thread client : clients) {
      try {
        client.join(Duration.ofSeconds(40).toMillis());
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The requests that started in {@code [from, to)}, {@link System#nanoTime()}s; after close. */
  Summary between(final long from, final long to) {
    final List<Sample> window =
        samples.stream()
            .flatMap(List::stream)
            .filter(sample -> sample.start() >= from && sample.start() < to)
            .sorted(Comparator.comparingLong(Sample::start))
            .toList();
    final List<String> failures =
        window.stream().filter(sample -> sample.failure() != null).map(Sample::failure).toList();
    final long[] nanos = window.stream().mapToLong(Sample::nanos).sorted().toArray();
    return new Summary(
        window.size(),
        failures.size(),
        percentile(nanos, 50),
        percentile(nanos, 99),
        failures.subList(0, Math.min(FIRST_FAILURES, failures.size())));
  }

  private void run(final RestClient target, final int first, final List<Sample> own) {
    for (int i = first; running; i++) {
      final Known schema = known.get(i % known.size());
      final long start = System.nanoTime();
      latestStart.accumulateAndGet(start, Math::max);
      final String failure = reRegister(target, schema);
      own.add(new Sample(start, System.nanoTime() - start, failure));
      completed.incrementAndGet();
    }
  }

  /** Sends one re-registration; answers why it failed, or null when it got 200 and the id. */
  private static String reRegister(final RestClient target, final Known schema) {
    try {
      final RestClient.Response response = target.post(versions(schema.subject()), schema.body());
      if (response.status() != 200) {
        return "HTTP " + response.status() + " " + response.body();
      }
      final int id = response.json().path("id").asInt();
      return id == schema.id() ? null : "id " + id + " instead of " + schema.id();
    } catch (final RuntimeException | AssertionError e) {
      // Whatever went wrong is a failed re-registration to count, not a reason to stop the load.
      return e.toString();
    }
  }

  private static String versions(final String subject) {
    return "/subjects/" + subject + "/versions";
  }

  /** The nearest-rank percentile of sorted latencies, in milliseconds. */
  private static double percentile(final long[] sortedNanos, final double percentile) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    final int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
    return sortedNanos[Math.max(0, rank - 1)] / (double) TimeUnit.MILLISECONDS.toNanos(1);
  }
}
