package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Fills a subject with versions that are each compatible with all before them, then times the two
 * requests whose cost grows with a subject's history: the registration check under
 * BACKWARD_TRANSITIVE ({@code POST /compatibility/subjects/{s}/versions}) and the lookup of a
 * schema among the versions ({@code POST /subjects/{s}}).
 */
final class CompatibilityBench {
  private static final String SUBJECT = "history";

  /** Medians and 99th percentiles, in milliseconds. */
  record Result(
      int versions, double checkP50, double checkP99, double lookupP50, double lookupP99) {}

  private CompatibilityBench() {}

  /**
   * @param versions how many versions the subject gets
   * @param repetitions how many times each request is timed, after as many warm-up requests
   */
  static Result run(final RestClient rest, final int versions, final int repetitions) {
    // Filling the subject is not what is measured: no check while it fills.
    assertEquals(200, rest.put("/config/" + SUBJECT, "{\"compatibility\":\"NONE\"}").status());
    for (int version = 1; version <= versions; version++) {
      final Response registered =
          rest.post("/subjects/" + SUBJECT + "/versions", RestClient.schemaBody(record(version)));
      assertEquals(200, registered.status(), registered.body());
    }
    assertEquals(
        200,
        rest.put("/config/" + SUBJECT, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}").status());
    final String candidate = RestClient.schemaBody(record(versions + 1));
    final String existing = RestClient.schemaBody(record((versions + 1) / 2));
    final List<Double> checks = new ArrayList<>();
    final List<Double> lookups = new ArrayList<>();
    for (int i = 0; i < 2 * repetitions; i++) {
      final double check =
          time(rest, "/compatibility/subjects/" + SUBJECT + "/versions", candidate);
      final double lookup = time(rest, "/subjects/" + SUBJECT, existing);
      if (i >= repetitions) {
        checks.add(check);
        lookups.add(lookup);
      }
    }
    return new Result(
        versions,
        percentile(checks, 50),
        percentile(checks, 99),
        percentile(lookups, 50),
        percentile(lookups, 99));
  }

  /** Version {@code n}: a record with fields {@code f1} to {@code fn}, each with a default. */
  static String record(final int n) {
    final StringBuilder fields = new StringBuilder();
    for (int i = 1; i <= n; i++) {
      if (i > 1) {
        fields.append(',');
      }
      fields.append("{\"name\":\"f").append(i).append("\",\"type\":\"int\",\"default\":0}");
    }
    return "{\"type\":\"record\",\"name\":\"History\",\"fields\":[" + fields + "]}";
  }

  private static double time(final RestClient rest, final String path, final String body) {
    final long start = System.nanoTime();
    final Response response = rest.post(path, body);
    final double millis = (System.nanoTime() - start) / 1e6;
    assertEquals(200, response.status(), response.body());
    return millis;
  }

  private static double percentile(final List<Double> values, final int percentile) {
    final List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    final int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }
}
