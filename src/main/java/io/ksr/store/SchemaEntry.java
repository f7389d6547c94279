package io.ksr.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.store.record.SchemasValue;
import java.util.List;

/**
 * The schema that a schema id stands for: the same for every subject-version carrying the id.
 *
 * @param schemaType null for Avro
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SchemaEntry(
    String schema,
    String schemaType,
    List<SchemaReference> references,
    JsonNode metadata,
    JsonNode ruleSet) {

  public SchemaEntry {
    references = references == null ? List.of() : List.copyOf(references);
  }

  static SchemaEntry of(final SchemasValue.Schema value) {
    return new SchemaEntry(
        value.schema(), value.schemaType(), value.references(), value.metadata(), value.ruleSet());
  }

  public SchemaType type() {
    return SchemaType.parse(schemaType);
  }

  /** What makes two schemas the same schema; see {@link SchemaIdentity}. */
  public SchemaIdentity identity() {
    return SchemaIdentity.of(
        type(), schema, references, StoreJson.canonical(metadata), StoreJson.canonical(ruleSet));
  }
}
