package io.ksr.client.protobuf;

import io.ksr.client.SerdeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings of the Protobuf serializer, deserializer and Serde: the shared ones and Protobuf's
 * own, under Confluent's names.
 */
public final class ProtobufSerdeConfig extends SerdeConfig {
  public static final String SPECIFIC_KEY_TYPE = "specific.protobuf.key.type";
  public static final String SPECIFIC_VALUE_TYPE = "specific.protobuf.value.type";

  static final ConfigDef DEFINITION =
      definition()
          .define(
              SPECIFIC_KEY_TYPE,
              Type.CLASS,
              null,
              Importance.MEDIUM,
              "The generated Message class the deserializer reads keys into; DynamicMessage when"
                  + " unset.")
          .define(
              SPECIFIC_VALUE_TYPE,
              Type.CLASS,
              null,
              Importance.MEDIUM,
              "The generated Message class the deserializer reads values into; DynamicMessage"
                  + " when unset.");

  public ProtobufSerdeConfig(final Map<String, ?> configs) {
    super(DEFINITION, configs);
  }

  /** The generated class keys or values are read into, or null for DynamicMessage. */
  public Class<?> specificType(final boolean isKey) {
    return getClass(isKey ? SPECIFIC_KEY_TYPE : SPECIFIC_VALUE_TYPE);
  }
}
