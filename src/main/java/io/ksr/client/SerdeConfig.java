package io.ksr.client;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings every serializer, deserializer and Serde of this library shares, under Confluent's
 * names so that existing producer, consumer and Streams configurations work unchanged. Settings of
 * the registry client itself (URLs, credentials, retries) are read by the client from the same map;
 * each schema type adds its own.
 */
public class SerdeConfig extends AbstractConfig {
  public static final String SCHEMA_REGISTRY_URL = ClientConfig.URL;
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
  public static final String USE_LATEST_VERSION = "use.latest.version";
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  private static final String TOPIC_NAME_STRATEGY = "TopicNameStrategy";

  /** The shared settings, for a schema type to add its own to. */
  public static ConfigDef definition() {
    return new ConfigDef()
        .define(
            SCHEMA_REGISTRY_URL,
            Type.LIST,
            ConfigDef.NO_DEFAULT_VALUE,
            (name, value) -> {
              if (value == null || ((java.util.List<?>) value).isEmpty()) {
                throw new ConfigException(name, value, "at least one registry URL is needed");
              }
            },
            Importance.HIGH,
            "Comma-separated registry URLs (http://host:port), tried in order; mock://<scope>"
                + " for an in-memory registry in tests.")
        .define(
            AUTO_REGISTER_SCHEMAS,
            Type.BOOLEAN,
            true,
            Importance.MEDIUM,
            "Whether the serializer registers a record's schema; when false it looks the"
                + " schema up and fails if it is not registered.")
        .define(
            USE_LATEST_VERSION,
            Type.BOOLEAN,
            false,
            Importance.MEDIUM,
            "Serializer: write with the subject's latest schema instead of the record's"
                + " (with auto.register.schemas=false). Deserializer: read generic records with"
                + " the latest schema.")
        .define(
            NORMALIZE_SCHEMAS,
            Type.BOOLEAN,
            false,
            Importance.LOW,
            "Whether the registry normalizes schemas before registering or looking them up.")
        .define(
            KEY_SUBJECT_NAME_STRATEGY,
            Type.STRING,
            TOPIC_NAME_STRATEGY,
            SerdeConfig::checkStrategy,
            Importance.MEDIUM,
            "How key schemas are named: TopicNameStrategy, RecordNameStrategy or"
                + " TopicRecordNameStrategy (Confluent's class names work too).")
        .define(
            VALUE_SUBJECT_NAME_STRATEGY,
            Type.STRING,
            TOPIC_NAME_STRATEGY,
            SerdeConfig::checkStrategy,
            Importance.MEDIUM,
            "How value schemas are named, with the same choices as the key strategy.");
  }

  protected SerdeConfig(final ConfigDef definition, final Map<String, ?> configs) {
    super(definition, configs, false);
  }

  public boolean autoRegisterSchemas() {
    return getBoolean(AUTO_REGISTER_SCHEMAS);
  }

  public boolean useLatestVersion() {
    return getBoolean(USE_LATEST_VERSION);
  }

  public boolean normalizeSchemas() {
    return getBoolean(NORMALIZE_SCHEMAS);
  }

  /** The subject name strategy for keys or values. */
  public SubjectNameStrategy subjectNameStrategy(final boolean isKey) {
    return SubjectNameStrategy.named(
        getString(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY));
  }

  private static void checkStrategy(final String name, final Object value) {
    try {
      SubjectNameStrategy.named((String) value);
    } catch (final IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }
}
