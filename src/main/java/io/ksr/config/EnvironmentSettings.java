package io.ksr.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Settings from {@code SCHEMA_REGISTRY_*} environment variables, as Confluent's image reads them.
 */
final class EnvironmentSettings {
  /** Environment variables of the Confluent image's launcher that are not registry settings. */
  private static final Set<String> LAUNCHER_VARIABLES =
      Set.of(
          "SCHEMA_REGISTRY_HEAP_OPTS",
          "SCHEMA_REGISTRY_JVM_PERFORMANCE_OPTS",
          "SCHEMA_REGISTRY_JMX_OPTS",
          "SCHEMA_REGISTRY_JMX_HOSTNAME",
          "SCHEMA_REGISTRY_JMX_PORT",
          "SCHEMA_REGISTRY_LOG4J_ROOT_LOGLEVEL",
          "SCHEMA_REGISTRY_LOG4J_LOGGERS",
          "SCHEMA_REGISTRY_LOG4J_OPTS",
          "SCHEMA_REGISTRY_OPTS",
          "SCHEMA_REGISTRY_VERSION");

  private static final String ENV_PREFIX = "SCHEMA_REGISTRY_";

  private EnvironmentSettings() {}

  /**
   * Settings from environment variables in the Confluent image's convention: {@code
   * SCHEMA_REGISTRY_} then the key upper-cased, with {@code .} written {@code _}, {@code _} written
   * {@code __} and {@code -} written {@code ___}.
   */
  static Map<String, String> of(final Map<String, String> env) {
    final Map<String, String> settings = new HashMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(ENV_PREFIX) && !LAUNCHER_VARIABLES.contains(name)) {
            settings.put(keyOf(name.substring(ENV_PREFIX.length())), value);
          }
        });
    return settings;
  }

  private static String keyOf(final String variable) {
    return variable
        .toLowerCase(Locale.ROOT)
        .replace("___", "\u0000")
        .replace("__", "\u0001")
        .replace('_', '.')
        .replace('\u0000', '-')
        .replace('\u0001', '_');
  }
}
