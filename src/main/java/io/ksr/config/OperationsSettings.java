package io.ksr.config;

import java.time.Duration;
import java.util.Locale;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.slf4j.event.Level;

/** The keys for health checks and request logs. */
public final class OperationsSettings {
  public static final String READY_TIMEOUT_MS = "health.ready.timeout.ms";
  public static final String REQUEST_LOG_LEVEL = "request.log.level";

  private static final String OFF = "OFF";

  private OperationsSettings() {}

  static ConfigDef define(final ConfigDef definition) {
    return definition
        .define(
            READY_TIMEOUT_MS,
            Type.INT,
            10_000,
            Range.atLeast(1_000),
            Importance.MEDIUM,
            "How long Kafka may not answer, or the store stay behind the schemas topic, before"
                + " GET /health/ready answers 503.")
        .define(
            REQUEST_LOG_LEVEL,
            Type.STRING,
            "DEBUG",
            ConfigDef.CaseInsensitiveValidString.in("TRACE", "DEBUG", "INFO", "WARN", "ERROR", OFF),
            Importance.LOW,
            "The level of the one line logged per request (method, path, status, time, user);"
                + " INFO shows it in the default log, OFF logs none.");
  }

  static Duration readyTimeout(final AbstractConfig config) {
    return Duration.ofMillis(config.getInt(READY_TIMEOUT_MS));
  }

  /** The request log's level, or null when it is off. */
  static Level requestLogLevel(final AbstractConfig config) {
    final String level = config.getString(REQUEST_LOG_LEVEL).toUpperCase(Locale.ROOT);
    return level.equals(OFF) ? null : Level.valueOf(level);
  }
}
