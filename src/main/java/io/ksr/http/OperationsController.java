package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.monitoring.Readiness;
import io.ksr.monitoring.RegistryMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What load balancers and monitoring ask: whether the process is up, whether it should get traffic,
 * and its metrics. Outside Confluent's API, so no content negotiation applies.
 */
final class OperationsController {
  static final String LIVE = "/health/live";
  static final String READY = "/health/ready";
  static final String METRICS = "/metrics";

  /** Probes must work without credentials, or a load balancer could never ask. */
  static final Set<String> UNAUTHENTICATED = Set.of(LIVE, READY);

  private static final Set<String> PATHS = Set.of(LIVE, READY, METRICS);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Supplier<Readiness> readiness;
  private final RegistryMetrics metrics;

  OperationsController(final Supplier<Readiness> readiness, final RegistryMetrics metrics) {
    this.readiness = readiness;
    this.metrics = metrics;
  }

  /** Whether a path is one of these, which answer in their own formats. */
  static boolean isOperational(final String path) {
    return PATHS.contains(path);
  }

  void live(final Context ctx) {
    ctx.json(Map.of("status", "UP"));
  }

  void ready(final Context ctx) {
    final Readiness current = readiness.get();
    final Map<String, String> body = new LinkedHashMap<>();
    body.put("status", current.ready() ? "UP" : "DOWN");
    if (!current.ready()) {
      body.put("reason", current.reason());
      ctx.status(503);
    }
    ctx.json(body);
  }

  void metrics(final Context ctx) {
    ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape());
  }
}
