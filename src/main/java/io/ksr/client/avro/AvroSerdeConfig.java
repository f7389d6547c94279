package io.ksr.client.avro;

import io.ksr.client.SerdeConfig;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/** The settings of the Avro serializer, deserializer and Serdes: the shared ones and Avro's own. */
public final class AvroSerdeConfig extends SerdeConfig {
  public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";

  static final ConfigDef DEFINITION =
      definition()
          .define(
              SPECIFIC_AVRO_READER,
              Type.BOOLEAN,
              false,
              Importance.MEDIUM,
              "Whether the deserializer returns generated SpecificRecord classes, read with the"
                  + " class's schema, rather than GenericRecords.");

  public AvroSerdeConfig(final Map<String, ?> configs) {
    super(DEFINITION, configs);
  }

  public boolean specificAvroReader() {
    return getBoolean(SPECIFIC_AVRO_READER);
  }
}
