package io.ksr.config;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The registry's configuration, under Confluent Schema Registry's key names. Every key has a
 * default, a description and a check that runs at start-up.
 */
public final class RegistryConfig extends AbstractConfig {
  private static final Logger LOG = LoggerFactory.getLogger(RegistryConfig.class);

  public static final String LISTENERS = "listeners";
  public static final String KAFKASTORE_PREFIX = "kafkastore.";
  public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";
  public static final String TOPIC = "kafkastore.topic";
  public static final String TOPIC_REPLICATION_FACTOR = "kafkastore.topic.replication.factor";
  public static final String TIMEOUT_MS = "kafkastore.timeout.ms";
  public static final String GROUP_ID = "schema.registry.group.id";
  public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";
  public static final String LEADER_ELIGIBILITY = "leader.eligibility";
  public static final String HOST_NAME = "host.name";
  public static final String DATA_DIR = "data.dir";
  public static final String EMBEDDED_KAFKA_PORT = "embedded.kafka.port";
  public static final String MODE_MUTABILITY = "mode.mutability";
  public static final String MAX_REQUEST_BODY_SIZE = "max.request.body.size";

  private static final String HIDDEN = "[hidden]";

  /** Words in a Kafka client key that mark its value as a credential, never to be logged. */
  private static final List<String> CREDENTIAL_WORDS =
      List.of("password", "jaas", "secret", "user.info", "token", "credential");

  /** The registry's own keys under {@code kafkastore.}; all others go to the Kafka clients. */
  private static final Set<String> OWN_KAFKASTORE_KEYS =
      Set.of(BOOTSTRAP_SERVERS, TOPIC, TOPIC_REPLICATION_FACTOR, TIMEOUT_MS);

  public static final ConfigDef DEFINITION =
      OperationsSettings.define(
              BearerTokenSettings.define(
                  AuthenticationSettings.define(new ConfigDef(TlsConfig.DEFINITION))))
          .define(
              LISTENERS,
              Type.LIST,
              "http://0.0.0.0:8081",
              (name, value) -> listenersOf(value),
              Importance.HIGH,
              "Comma-separated addresses the REST API listens on, as http://host:port or"
                  + " https://host:port.")
          .define(
              BOOTSTRAP_SERVERS,
              Type.LIST,
              "",
              Importance.HIGH,
              "Kafka brokers that hold the registry's topics; when empty, the registry starts an"
                  + " embedded single-node broker.")
          .define(
              TOPIC,
              Type.STRING,
              "_schemas",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "The compacted one-partition topic that stores the schemas, in Confluent's format;"
                  + " the command and reply topics are named after it.")
          .define(
              TOPIC_REPLICATION_FACTOR,
              Type.INT,
              3,
              Range.atLeast(1),
              Importance.MEDIUM,
              "Replication factor of the topics the registry creates, lowered to the number of"
                  + " brokers when there are fewer; from 3 on, they also get"
                  + " min.insync.replicas=2.")
          .define(
              TIMEOUT_MS,
              Type.INT,
              10_000,
              Range.atLeast(1),
              Importance.MEDIUM,
              "How long a write waits for the writer to apply it before failing with 50002.")
          .define(
              GROUP_ID,
              Type.STRING,
              "schema-registry",
              new ConfigDef.NonEmptyString(),
              Importance.MEDIUM,
              "Instances with the same group id form one registry; it is the Kafka Streams"
                  + " application id.")
          .define(
              COMPATIBILITY_LEVEL,
              Type.STRING,
              "backward",
              (name, value) -> compatibilityLevelOf(value),
              Importance.MEDIUM,
              "The compatibility level where none is set: none, backward, backward_transitive,"
                  + " forward, forward_transitive, full or full_transitive.")
          .define(
              LEADER_ELIGIBILITY,
              Type.BOOLEAN,
              true,
              Importance.MEDIUM,
              "Whether this instance may become the writer; false keeps it a reader that still"
                  + " accepts writes and hands them to the writer.")
          .define(
              MODE_MUTABILITY,
              Type.BOOLEAN,
              true,
              Importance.LOW,
              "Whether the mode (READWRITE, READONLY, IMPORT...) may be changed through the REST"
                  + " API.")
          .define(
              MAX_REQUEST_BODY_SIZE,
              Type.INT,
              4 * 1024 * 1024,
              Range.atLeast(1024),
              Importance.MEDIUM,
              "The largest request body, in bytes, that the REST API reads; a larger one is"
                  + " refused with 413 before it is parsed.")
          .define(
              HOST_NAME,
              Type.STRING,
              "",
              Importance.LOW,
              "The name this instance goes by in logs and metadata; empty means this machine's"
                  + " host name.")
          .define(
              DATA_DIR,
              Type.STRING,
              "./data",
              new ConfigDef.NonEmptyString(),
              Importance.HIGH,
              "Directory for the local state store and, when embedded, the Kafka broker's log.")
          .define(
              EMBEDDED_KAFKA_PORT,
              Type.INT,
              9092,
              Range.between(0, 65535),
              Importance.LOW,
              "Port of the embedded broker, started when no bootstrap servers are set; 0 picks a"
                  + " free port.");

  private final TlsSettings tls;

  /**
   * @throws ConfigException when a value is invalid, a {@code kafkastore.*} key would change a
   *     setting the registry's guarantees rest on, or an https listener's keystore or truststore
   *     cannot be opened
   */
  public RegistryConfig(final Map<String, ?> settings) {
    super(DEFINITION, settings, false);
    warnAboutUnknownKeys(settings.keySet());
    ProtectedSettings.check(kafkaClientSettings());
    authentication();
    auditLogFile();
    this.tls = listeners().stream().anyMatch(Listener::isHttps) ? TlsConfig.settingsOf(this) : null;
  }

  /**
   * Reads the configuration from a properties file (if given) and from {@code SCHEMA_REGISTRY_*}
   * environment variables, which win over the file.
   *
   * @throws ConfigException when a value is invalid or the file cannot be read
   */
  public static RegistryConfig load(final Path propertiesFile, final Map<String, String> env) {
    final Map<String, Object> settings = new HashMap<>();
    if (propertiesFile != null) {
      final Properties properties = new Properties();
      try (InputStream in = Files.newInputStream(propertiesFile)) {
        properties.load(in);
      } catch (final IOException e) {
        throw new ConfigException(
            "Cannot read configuration file " + propertiesFile + ": " + e.getMessage());
      }
      properties
          .stringPropertyNames()
          .forEach(key -> settings.put(key, properties.getProperty(key)));
    }
    settings.putAll(EnvironmentSettings.of(env));
    return new RegistryConfig(settings);
  }

  public List<Listener> listeners() {
    return listenersOf(getList(LISTENERS));
  }

  /** The TLS of the https listeners; empty when every listener is http. */
  public Optional<TlsSettings> tls() {
    return Optional.ofNullable(tls);
  }

  /** Broker addresses, or an empty list when the registry should start its own broker. */
  public List<String> bootstrapServers() {
    return getList(BOOTSTRAP_SERVERS).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public String topic() {
    return getString(TOPIC);
  }

  public int topicReplicationFactor() {
    return getInt(TOPIC_REPLICATION_FACTOR);
  }

  public Duration timeout() {
    return Duration.ofMillis(getInt(TIMEOUT_MS));
  }

  public String groupId() {
    return getString(GROUP_ID);
  }

  public CompatibilityLevel compatibilityLevel() {
    return compatibilityLevelOf(getString(COMPATIBILITY_LEVEL));
  }

  public boolean leaderEligibility() {
    return getBoolean(LEADER_ELIGIBILITY);
  }

  public boolean modeMutability() {
    return getBoolean(MODE_MUTABILITY);
  }

  public int maxRequestBodySize() {
    return getInt(MAX_REQUEST_BODY_SIZE);
  }

  /** {@code host.name}, or this machine's host name when it is not set. */
  public String hostName() {
    final String configured = getString(HOST_NAME);
    if (!configured.isBlank()) {
      return configured;
    }
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (final UnknownHostException e) {
      return "localhost";
    }
  }

  /**
   * How this instance is named to other instances and operators: {@code host.name} and the port of
   * the first listener.
   */
  public String instanceId() {
    return hostName() + ":" + listeners().get(0).port();
  }

  public Path dataDir() {
    return Path.of(getString(DATA_DIR));
  }

  /** Where Kafka Streams keeps this instance's local store. */
  public Path streamsStateDir() {
    return dataDir().resolve("streams");
  }

  /** How long Kafka may fail to answer before this instance says it is not ready. */
  public Duration readyTimeout() {
    return OperationsSettings.readyTimeout(this);
  }

  /** How often the registry checks the settings of its topics while it runs. */
  public Duration topicSettingsCheckInterval() {
    return OperationsSettings.topicSettingsCheckInterval(this);
  }

  /** The level of the per-request log line, or null when there is none. */
  public Level requestLogLevel() {
    return OperationsSettings.requestLogLevel(this);
  }

  /** The file the audit log is appended to; empty logs it to the {@code ksr.audit} logger. */
  public Optional<Path> auditLogFile() {
    return OperationsSettings.auditLogFile(this);
  }

  /**
   * Every setting in force, one per line and sorted, with passwords and other credentials shown as
   * {@code [hidden]}, for the log at start-up.
   */
  public String describe() {
    final Map<String, Object> shown = new TreeMap<>();
    values().forEach((key, value) -> shown.put(key, value));
    kafkaClientSettings()
        .forEach(
            (key, value) -> shown.put(KAFKASTORE_PREFIX + key, isCredential(key) ? HIDDEN : value));
    final StringBuilder text = new StringBuilder();
    shown.forEach(
        (key, value) -> text.append("  ").append(key).append(" = ").append(value).append('\n'));
    return text.toString().stripTrailing();
  }

  private static boolean isCredential(final String key) {
    final String lower = key.toLowerCase(Locale.ROOT);
    return CREDENTIAL_WORDS.stream().anyMatch(lower::contains);
  }

  /** How REST API users sign in and what they may do. */
  public AuthenticationSettings.Authentication authentication() {
    return AuthenticationSettings.of(this);
  }

  public int embeddedKafkaPort() {
    return getInt(EMBEDDED_KAFKA_PORT);
  }

  /**
   * Settings passed to every Kafka client the registry creates: each {@code kafkastore.<x>} key
   * other than the registry's own, as {@code <x>}; for example {@code
   * kafkastore.security.protocol}.
   */
  public Map<String, Object> kafkaClientSettings() {
    final Map<String, Object> settings = new HashMap<>();
    originals()
        .forEach(
            (key, value) -> {
              if (key.startsWith(KAFKASTORE_PREFIX) && !OWN_KAFKASTORE_KEYS.contains(key)) {
                settings.put(key.substring(KAFKASTORE_PREFIX.length()), value);
              }
            });
    return settings;
  }

  private void warnAboutUnknownKeys(final Set<String> keys) {
    final Set<String> unknown = new TreeSet<>();
    for (final String key : keys) {
      if (!DEFINITION.names().contains(key) && !key.startsWith(KAFKASTORE_PREFIX)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      LOG.warn("Ignoring unknown configuration keys: {}", unknown);
    }
  }

  private static List<Listener> listenersOf(final Object value) {
    @SuppressWarnings("unchecked")
    final List<String> listeners = (List<String>) value;
    if (listeners == null || listeners.isEmpty()) {
      throw new ConfigException(LISTENERS, value, "at least one listener is needed");
    }
    return listeners.stream().map(Listener::parse).toList();
  }

  private static CompatibilityLevel compatibilityLevelOf(final Object value) {
    try {
      return CompatibilityLevel.parse((String) value);
    } catch (final RegistryException e) {
      throw new ConfigException(COMPATIBILITY_LEVEL, value, e.getMessage());
    }
  }
}
