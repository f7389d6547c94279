package io.ksr.client.json;

import io.ksr.client.SerdeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings of the JSON Schema serializer, deserializer and Serde: the shared ones and JSON
 * Schema's own, under Confluent's names.
 */
public final class JsonSchemaSerdeConfig extends SerdeConfig {
  public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
  public static final String KEY_TYPE = "json.key.type";
  public static final String VALUE_TYPE = "json.value.type";

  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

  static final ConfigDef DEFINITION =
      definition()
          .define(
              FAIL_INVALID_SCHEMA,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Whether the serializer and deserializer check each value against its schema and"
                  + " fail on one that does not fit.")
          .define(
              KEY_TYPE,
              Type.CLASS,
              JSON_NODE,
              Importance.MEDIUM,
              "The class the deserializer reads keys into with Jackson; JsonNode by default.")
          .define(
              VALUE_TYPE,
              Type.CLASS,
              JSON_NODE,
              Importance.MEDIUM,
              "The class the deserializer reads values into with Jackson; JsonNode by default.");

  public JsonSchemaSerdeConfig(final Map<String, ?> configs) {
    super(DEFINITION, configs);
  }

  public boolean failInvalidSchema() {
    return getBoolean(FAIL_INVALID_SCHEMA);
  }

  /** The class keys or values are read into. */
  public Class<?> type(final boolean isKey) {
    return getClass(isKey ? KEY_TYPE : VALUE_TYPE);
  }
}
