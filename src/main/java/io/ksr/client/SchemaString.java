package io.ksr.client;

import io.ksr.domain.SchemaReference;
import java.util.List;
import java.util.Objects;

/**
 * A schema as the registry stores and serves it: its text, its type and the schemas it references.
 *
 * @param schemaType {@code AVRO}, {@code JSON} or {@code PROTOBUF}; null means Avro, as in
 *     Confluent's API
 */
public record SchemaString(String schemaType, String schema, List<SchemaReference> references) {
  public SchemaString {
    Objects.requireNonNull(schema, "schema can't be null");
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** An Avro schema without references. */
  public static SchemaString avro(final String schema) {
    return new SchemaString(null, schema, List.of());
  }
}
