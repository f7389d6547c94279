package io.ksr.http.dto;

import io.ksr.domain.SchemaReference;
import java.util.List;

/**
 * The body of register, lookup and compatibility requests. Unknown fields are ignored, as
 * Confluent's server ignores them.
 */
public record RegisterSchemaRequest(
    String schema, String schemaType, List<SchemaReference> references) {
  public RegisterSchemaRequest {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
