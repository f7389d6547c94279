package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaReference;
import io.ksr.store.SchemaEntry;
import java.util.List;

/**
 * The schema a schema id stands for ({@code GET /schemas/ids/{id}}).
 *
 * @param maxId the highest id of the context, only when asked for with {@code fetchMaxId=true}
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaType", "schema", "references", "metadata", "ruleSet", "maxId"})
public record SchemaStringResponse(
    String schemaType,
    String schema,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet,
    Integer maxId) {

  /**
   * @param schemaText the schema text to show, which a {@code format} may have changed
   */
  public static SchemaStringResponse of(
      final SchemaEntry entry, final String schemaText, final Integer maxId) {
    return new SchemaStringResponse(
        entry.schemaType(),
        schemaText,
        entry.references(),
        entry.metadata(),
        entry.ruleSet(),
        maxId);
  }

  /** This response with the references written differently ({@code referenceFormat}). */
  public SchemaStringResponse withReferences(final List<SchemaReference> newReferences) {
    return new SchemaStringResponse(schemaType, schema, newReferences, metadata, ruleSet, maxId);
  }
}
