package io.ksr.http.dto;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaReference;
import java.util.List;

/**
 * The body of register, lookup and compatibility requests. Unknown fields are ignored, as
 * Confluent's server ignores them.
 *
 * @param id the schema id to keep, in IMPORT mode
 * @param version the version to use; 0 or absent for the next one
 */
public record RegisterSchemaRequest(
    String schema,
    String schemaType,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet,
    Integer id,
    Integer version) {
  public RegisterSchemaRequest {
    references = references == null ? List.of() : List.copyOf(references);
  }
}
