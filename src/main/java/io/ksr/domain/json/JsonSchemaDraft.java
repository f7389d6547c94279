package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The JSON Schema drafts the registry accepts, told apart by {@code $schema}, each checked against
 * its own meta-schema.
 */
enum JsonSchemaDraft {
  DRAFT_4("draft-04", "json-schema.org/draft-04/schema", SpecificationVersion.DRAFT_4),
  DRAFT_6("draft-06", "json-schema.org/draft-06/schema", SpecificationVersion.DRAFT_6),
  DRAFT_7("draft-07", "json-schema.org/draft-07/schema", SpecificationVersion.DRAFT_7),
  DRAFT_2019_09(
      "draft 2019-09", "json-schema.org/draft/2019-09/schema", SpecificationVersion.DRAFT_2019_09),
  DRAFT_2020_12(
      "draft 2020-12", "json-schema.org/draft/2020-12/schema", SpecificationVersion.DRAFT_2020_12);

  private static final String SCHEMA = "$schema";
  private static final String FORMAT = "format";

  private final String label;
  private final String address;
  private final SpecificationVersion version;
  // Loaded on first use: the meta-schemas ship inside the validator, so nothing is fetched.
  private Schema metaSchema;

  JsonSchemaDraft(final String label, final String address, final SpecificationVersion version) {
    this.label = label;
    this.address = address;
    this.version = version;
  }

  /**
   * The draft a schema document is written in: the one its {@code $schema} names, and draft 7, as
   * Confluent assumes, when it names none or one this registry does not know.
   */
  static JsonSchemaDraft of(final JsonNode document) {
    final JsonNode declared = document.get(SCHEMA);
    if (declared != null && declared.isTextual()) {
      final String address = withoutSchemeAndFragment(declared.asText());
      for (final JsonSchemaDraft draft : values()) {
        if (draft.address.equals(address)) {
          return draft;
        }
      }
    }
    return DRAFT_7;
  }

  private static String withoutSchemeAndFragment(final String uri) {
    String address = uri.trim().toLowerCase(Locale.ROOT);
    final int fragment = address.indexOf('#');
    if (fragment >= 0) {
      address = address.substring(0, fragment);
    }
    final int scheme = address.indexOf("://");
    return scheme >= 0 ? address.substring(scheme + 3) : address;
  }

  /** Whether this draft comes before {@code other}. */
  boolean before(final JsonSchemaDraft other) {
    return compareTo(other) < 0;
  }

  /** The keyword that names a schema's URI: {@code id} in draft 4, {@code $id} after it. */
  String idKeyword() {
    return this == DRAFT_4 ? "id" : "$id";
  }

  /** Where a document keeps schemas for {@code $ref} to point at. */
  String definitionsKeyword() {
    return before(DRAFT_2019_09) ? "definitions" : "$defs";
  }

  /**
   * What makes a document invalid against this draft's meta-schema, one line per problem; empty
   * when it is valid.
   *
   * <p>The meta-schemas' {@code format}s (an {@code $id} that is a URI reference, a {@code pattern}
   * that is a regular expression) are not checked: the validator asserts them for drafts 4 to 7
   * only, and Confluent's loader does not, so a schema it stored could otherwise not be read back.
   * Regular expressions are compiled by the provider instead.
   */
  List<String> problems(final JsonNode document) {
    final Set<String> problems = new LinkedHashSet<>();
    // The later drafts' meta-schemas are made of several vocabularies, which may each report the
    // same problem: it is listed once.
    for (final Error error : metaSchema().validate(document)) {
      if (!FORMAT.equals(error.getKeyword())) {
        // Its text starts with the JSON pointer to the problem, made a fragment like $ref's.
        problems.add("#" + error);
      }
    }
    return List.copyOf(problems);
  }

  /** A validator of values against a self-contained schema document of this draft. */
  Schema compile(final JsonNode document) {
    final Schema schema = SchemaRegistry.withDefaultDialect(version).getSchema(document);
    schema.initializeValidators();
    return schema;
  }

  @Override
  public String toString() {
    return label;
  }

  private synchronized Schema metaSchema() {
    if (metaSchema == null) {
      final Schema loaded =
          SchemaRegistry.withDefaultDialect(version)
              .getSchema(SchemaLocation.of(version.getDialectId()));
      // The validator builds its keyword checks lazily: built here, under the lock, and not by
      // whichever of several threads validates first.
      loaded.initializeValidators();
      metaSchema = loaded;
    }
    return metaSchema;
  }
}
