package io.ksr.domain;

/** The schema languages Confluent's API names in {@code schemaType}. */
public enum SchemaType {
  AVRO,
  JSON,
  PROTOBUF;

  /**
   * Parses {@code schemaType} as Confluent does: absent means AVRO, and names are case-sensitive.
   */
  public static SchemaType parse(final String name) {
    if (name == null || name.isEmpty()) {
      return AVRO;
    }
    for (final SchemaType type : values()) {
      if (type.name().equals(name)) {
        return type;
      }
    }
    throw Errors.invalidSchema("Invalid schema type " + name);
  }
}
