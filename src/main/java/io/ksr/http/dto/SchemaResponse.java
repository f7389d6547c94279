package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaReference;
import io.ksr.store.RegisteredSchema;
import java.util.List;

/**
 * A subject's version with its schema. {@code schemaType} is left out for Avro, as Confluent 5.5 to
 * 7.9 do, which every client reads as Avro; {@code deleted} appears only on soft-deleted versions.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({
  "subject",
  "version",
  "id",
  "schemaType",
  "references",
  "metadata",
  "ruleSet",
  "schema",
  "deleted"
})
public record SchemaResponse(
    String subject,
    int version,
    int id,
    String schemaType,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet,
    String schema,
    Boolean deleted) {

  /**
   * @param schemaText the schema text to show, which a {@code format} may have changed
   */
  public static SchemaResponse of(final RegisteredSchema registered, final String schemaText) {
    return new SchemaResponse(
        registered.subject(),
        registered.version(),
        registered.id(),
        registered.schema().schemaType(),
        registered.schema().references(),
        registered.schema().metadata(),
        registered.schema().ruleSet(),
        schemaText,
        registered.deleted() ? Boolean.TRUE : null);
  }

  /** This response with the references written differently ({@code referenceFormat}). */
  public SchemaResponse withReferences(final List<SchemaReference> newReferences) {
    return new SchemaResponse(
        subject, version, id, schemaType, newReferences, metadata, ruleSet, schema, deleted);
  }
}
