package io.ksr.bench;

import io.ksr.testkit.RegistrationLoad;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Registers distinct schemas over HTTP and times each registration: one client after another
 * (latency), or many clients at once for a fixed time (throughput). It works against any registry
 * with Confluent's API, so the same load can be sent to a peer.
 */
final class WriteBench {
  private WriteBench() {}

  /** An acknowledged registration, and how long its request took. */
  record Registration(String subject, String schema, int id, double millis) {}

  /**
   * What a load of registrations achieved.
   *
   * @param cpuMillis the CPU time of the whole JVM meanwhile: broker, registry and clients
   */
  record Result(List<Registration> registrations, long failures, double seconds, double cpuMillis) {
    double p50() {
      return percentile(millis(), 50);
    }

    double p99() {
      return percentile(millis(), 99);
    }

    double perSecond() {
      return registrations.size() / seconds;
    }

    private List<Double> millis() {
      return registrations.stream().map(Registration::millis).toList();
    }
  }

  /**
   * Registers {@code count} new subjects, one after another, each with a schema of its own.
   *
   * @param prefix keeps the subjects of runs and rounds apart, also in a registry that keeps them
   */
  static Result newSubjects(final RestClient rest, final String prefix, final int count) {
    final List<Registration> done = new ArrayList<>();
    long failures = 0;
    final long cpu = cpuNanos();
    final long start = System.nanoTime();
    for (int n = 0; n < count; n++) {
      final Registration registration =
          register(rest, prefix + "-" + n + "-value", RegistrationLoad.schemaOf(name(prefix, n)));
      if (registration == null) {
        failures++;
      } else {
        done.add(registration);
      }
    }
    return new Result(done, failures, (System.nanoTime() - start) / 1e9, since(cpu));
  }

  /**
   * Registers {@code count} new versions of one subject, one after another; each is backward
   * compatible with the one before, so the registration also runs the compatibility check.
   *
   * @param first the number of the first version, so that later rounds go on evolving the subject
   */
  static Result newVersions(
      final RestClient rest, final String subject, final int first, final int count) {
    final List<Registration> done = new ArrayList<>();
    long failures = 0;
    final long cpu = cpuNanos();
    final long start = System.nanoTime();
    for (int n = first; n < first + count; n++) {
      final Registration registration = register(rest, subject, version(n));
      if (registration == null) {
        failures++;
      } else {
        done.add(registration);
      }
    }
    return new Result(done, failures, (System.nanoTime() - start) / 1e9, since(cpu));
  }

  /**
   * Has {@code clients} clients register new subjects as fast as they are answered, for {@code
   * millis} milliseconds; a registration still in flight at the end is counted when it is answered.
   */
  static Result concurrent(final List<RestClient> clients, final String prefix, final long millis)
      throws InterruptedException {
    final ConcurrentLinkedQueue<Registration> done = new ConcurrentLinkedQueue<>();
    final AtomicLong failures = new AtomicLong();
    final long cpu = cpuNanos();
    final long start = System.nanoTime();
    final long end = start + millis * 1_000_000;
    final List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients.size(); c++) {
      final RestClient rest = clients.get(c);
      final String clientPrefix = prefix + "-c" + c;
      final Thread thread =
          new Thread(
              () -> {
                for (int n = 0; System.nanoTime() < end; n++) {
                  final Registration registration =
                      register(
                          rest,
                          clientPrefix + "-" + n + "-value",
                          RegistrationLoad.schemaOf(name(clientPrefix, n)));
                  if (registration == null) {
                    failures.incrementAndGet();
                  } else {
                    done.add(registration);
                  }
                }
              },
              clientPrefix);
      threads.add(thread);
      thread.start();
    }
    for (final Thread thread : threads) {
      thread.join();
    }
    return new Result(
        List.copyOf(done), failures.get(), (System.nanoTime() - start) / 1e9, since(cpu));
  }

  /** Version {@code n} of the evolving subject: the new field has a default, the old one goes. */
  static String version(final int n) {
    return "{\"type\":\"record\",\"name\":\"Evolving\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"},"
        + "{\"name\":\"v"
        + n
        + "\",\"type\":\"int\",\"default\":0}]}";
  }

  /** The nearest-rank percentile of some milliseconds. */
  static double percentile(final List<Double> values, final int percentile) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    final List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    final int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  /** The CPU time this JVM has used so far, all threads together. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Milliseconds of CPU time since {@code cpuNanos}. */
  static double since(final long cpuNanos) {
    return (cpuNanos() - cpuNanos) / 1e6;
  }

  private static String name(final String prefix, final int n) {
    return prefix.replaceAll("[^A-Za-z0-9]", "_") + "_" + n;
  }

  /** The registration, or null when it was not acknowledged. */
  private static Registration register(
      final RestClient rest, final String subject, final String schema) {
    final long start = System.nanoTime();
    final Response response;
    try {
      response = rest.post("/subjects/" + subject + "/versions", RestClient.schemaBody(schema));
    } catch (final UncheckedIOException e) {
      return null;
    }
    final double millis = (System.nanoTime() - start) / 1e6;
    if (response.status() != 200) {
      return null;
    }
    return new Registration(subject, schema, response.json().get("id").asInt(), millis);
  }
}
