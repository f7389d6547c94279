package io.ksr.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/** The registry's metrics, served in Prometheus' text format at {@code GET /metrics}. */
public final class RegistryMetrics implements AutoCloseable {
  private final Map<RequestKind, Timer> requestTimers = new ConcurrentHashMap<>();
  private final PrometheusMeterRegistry meters =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter registrations;
  private final Counter compatibilityRejections;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private KafkaStreamsMetrics streams;

  /** Micrometer holds a gauge's object weakly: without this, the sources could be collected. */
  private Sources sources;

  /** Held for the same reason as {@link #sources}. */
  private IntSupplier topicSettingsProblems;

  /** What the instance reports about itself; each is read when metrics are scraped. */
  public record Sources(
      Supplier<OptionalLong> storeLagRecords,
      BooleanSupplier isWriter,
      IntSupplier commandsPending,
      LongSupplier poisonRecordsSkipped,
      LongSupplier foreignRecords,
      Supplier<Readiness> readiness) {}

  public RegistryMetrics() {
    registrations =
        Counter.builder("ksr.registrations")
            .description("Schema registrations answered with success by this instance")
            .register(meters);
    compatibilityRejections =
        Counter.builder("ksr.compatibility.rejections")
            .description("Registrations refused by this instance as incompatible (40901)")
            .register(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    gc.bindTo(meters);
  }

  /** Reports the instance's state from now on. */
  public void bind(final Sources sources) {
    this.sources = sources;
    Gauge.builder("ksr.store.lag.records", sources, s -> s.storeLagRecords().get().orElse(0))
        .description("Records of the schemas topic this instance's store has not read yet")
        .register(meters);
    Gauge.builder("ksr.writer", sources, s -> s.isWriter().getAsBoolean() ? 1 : 0)
        .description("1 while this instance is the registry's writer")
        .register(meters);
    Gauge.builder("ksr.commands.pending", sources, s -> s.commandsPending().getAsInt())
        .description("Writes this instance has handed to the writer and awaits")
        .register(meters);
    FunctionCounter.builder(
            "ksr.poison.records.skipped", sources, s -> s.poisonRecordsSkipped().getAsLong())
        .description("Records of the schemas topic skipped as unreadable")
        .register(meters);
    FunctionCounter.builder("ksr.foreign.records", sources, s -> s.foreignRecords().getAsLong())
        .description(
            "Records of the schemas topic that another writer than this registry's appended since"
                + " this instance started")
        .register(meters);
    Gauge.builder("ksr.ready", sources, s -> s.readiness().get().ready() ? 1 : 0)
        .description("1 while GET /health/ready answers UP")
        .register(meters);
    for (final Readiness.Problem problem : Readiness.Problem.values()) {
      if (problem != Readiness.Problem.NONE) {
        Gauge.builder(
                "ksr.not.ready", sources, s -> s.readiness().get().problem() == problem ? 1 : 0)
            .description("1 while this keeps the instance from being ready")
            .tag("reason", problem.name().toLowerCase(Locale.ROOT))
            .register(meters);
      }
    }
  }

  /** Reports a Kafka Streams client from now on, instead of any before it. */
  public synchronized void streamsStarted(final KafkaStreams kafkaStreams) {
    if (streams != null) {
      streams.close();
    }
    streams = new KafkaStreamsMetrics(kafkaStreams);
    streams.bindTo(meters);
  }

  /** Reports how many problems with its topics' settings the registry found when it last looked. */
  public void bindTopicSettingsProblems(final IntSupplier problems) {
    this.topicSettingsProblems = problems;
    Gauge.builder("ksr.topic.settings.problems", problems, IntSupplier::getAsInt)
        .description(
            "Problems with the registry's topics (partitions, cleanup.policy, replication factor,"
                + " min.insync.replicas) that the last check found; each is logged when it appears")
        .register(meters);
  }

  /** Counts one answered HTTP request. */
  public void request(
      final String method, final String route, final int status, final Duration time) {
    requestTimers
        .computeIfAbsent(new RequestKind(method, route, status), this::requestTimer)
        .record(time);
  }

  /**
   * Looking a timer up by a record is cheaper than building its tags and id on every request, and
   * there are few kinds: routes, methods and statuses.
   */
  private Timer requestTimer(final RequestKind kind) {
    return Timer.builder("http.server.requests")
        .description("HTTP requests by route and status")
        .tags(
            "method",
            kind.method(),
            "route",
            kind.route(),
            "status",
            Integer.toString(kind.status()))
        .publishPercentileHistogram()
        .register(meters);
  }

  private record RequestKind(String method, String route, int status) {}

  public void registered() {
    registrations.increment();
  }

  public void compatibilityRejected() {
    compatibilityRejections.increment();
  }

  /** Every metric, in Prometheus' text format. */
  public String scrape() {
    return meters.scrape();
  }

  @Override
  public synchronized void close() {
    if (streams != null) {
      streams.close();
    }
    gc.close();
    meters.close();
  }
}
