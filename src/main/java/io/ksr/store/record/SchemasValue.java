package io.ksr.store.record;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaReference;
import java.util.List;
import java.util.Objects;

/** A value of the {@code _schemas} topic; which kind depends on the key. */
public sealed interface SchemasValue {

  /**
   * A registered schema version.
   *
   * @param schemaType null for Avro, as Confluent 5.5 to 7.9 write it
   * @param metadata Confluent data-contract metadata, kept as written; null when absent
   * @param ruleSet Confluent data-contract rules, kept as written; null when absent
   */
  record Schema(
      String subject,
      int version,
      int id,
      String schemaType,
      List<SchemaReference> references,
      JsonNode metadata,
      JsonNode ruleSet,
      String schema,
      boolean deleted)
      implements SchemasValue {
    public Schema {
      Objects.requireNonNull(subject, "subject can't be null");
      Objects.requireNonNull(schema, "schema can't be null");
      references = references == null ? List.of() : List.copyOf(references);
    }

    /** This version, soft-deleted or not. */
    public Schema withDeleted(final boolean newDeleted) {
      return new Schema(
          subject, version, id, schemaType, references, metadata, ruleSet, schema, newDeleted);
    }
  }

  /** The settings of a subject, or the global ones when {@code subject} is null. */
  record Config(String subject, SchemaConfig config) implements SchemasValue {
    public Config {
      Objects.requireNonNull(config, "config can't be null");
    }
  }

  /** A mode such as READWRITE or IMPORT. */
  record Mode(String subject, String mode) implements SchemasValue {
    public Mode {
      Objects.requireNonNull(mode, "mode can't be null");
    }
  }

  /** Soft-deletes versions 1 to {@code version} of {@code subject}. */
  record DeleteSubject(String subject, int version) implements SchemasValue {
    public DeleteSubject {
      Objects.requireNonNull(subject, "subject can't be null");
    }
  }

  /** Forgets soft-deleted versions of a subject, or of all subjects when it is null. */
  record ClearSubject(String subject) implements SchemasValue {}

  /** A schema context of a tenant. */
  record Context(String tenant, String context) implements SchemasValue {}
}
