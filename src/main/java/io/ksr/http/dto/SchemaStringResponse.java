package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaReference;
import io.ksr.store.SchemaEntry;
import java.util.List;

/** The schema a schema id stands for ({@code GET /schemas/ids/{id}}). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaType", "schema", "references", "metadata", "ruleSet"})
public record SchemaStringResponse(
    String schemaType,
    String schema,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet) {

  public static SchemaStringResponse of(final SchemaEntry entry) {
    return new SchemaStringResponse(
        entry.schemaType(), entry.schema(), entry.references(), entry.metadata(), entry.ruleSet());
  }
}
