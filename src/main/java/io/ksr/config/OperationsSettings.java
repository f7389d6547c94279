package io.ksr.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.event.Level;

/**
 * The keys for health checks, request logs, the audit log and the checks of the registry's topics.
 */
public final class OperationsSettings {
  public static final String READY_TIMEOUT_MS = "health.ready.timeout.ms";
  public static final String REQUEST_LOG_LEVEL = "request.log.level";
  public static final String TOPIC_SETTINGS_CHECK_INTERVAL_MS = "topic.settings.check.interval.ms";
  public static final String AUDIT_LOG_FILE = "audit.log.file";

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
                + " INFO shows it in the default log, OFF logs none.")
        .define(
            TOPIC_SETTINGS_CHECK_INTERVAL_MS,
            Type.INT,
            60_000,
            Range.atLeast(1_000),
            Importance.LOW,
            "How often the registry checks its topics' partitions, cleanup.policy, replication"
                + " factor and min.insync.replicas while it runs; a problem is logged once and"
                + " counted in ksr_topic_settings_problems.")
        .define(
            AUDIT_LOG_FILE,
            Type.STRING,
            "",
            Importance.LOW,
            "File the audit log (a JSON line per change and per refused request) is appended to;"
                + " empty logs it to the ksr.audit logger instead.");
  }

  /**
   * The file the audit log is appended to, when one is set.
   *
   * @throws ConfigException when its directory does not exist
   */
  static Optional<Path> auditLogFile(final AbstractConfig config) {
    final String file = config.getString(AUDIT_LOG_FILE).strip();
    if (file.isEmpty()) {
      return Optional.empty();
    }
    final Path path = Path.of(file).toAbsolutePath();
    if (!Files.isDirectory(path.getParent())) {
      throw new ConfigException(AUDIT_LOG_FILE, file, "its directory does not exist");
    }
    return Optional.of(path);
  }

  static Duration readyTimeout(final AbstractConfig config) {
    return Duration.ofMillis(config.getInt(READY_TIMEOUT_MS));
  }

  static Duration topicSettingsCheckInterval(final AbstractConfig config) {
    return Duration.ofMillis(config.getInt(TOPIC_SETTINGS_CHECK_INTERVAL_MS));
  }

  /** The request log's level, or null when it is off. */
  static Level requestLogLevel(final AbstractConfig config) {
    final String level = config.getString(REQUEST_LOG_LEVEL).toUpperCase(Locale.ROOT);
    return level.equals(OFF) ? null : Level.valueOf(level);
  }
}
