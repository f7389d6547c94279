package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.Objects;

/**
 * A parsed JSON Schema, whose canonical text is its JSON re-written compactly with its keys in the
 * order they were written, as Confluent stores it.
 */
final class JsonSchema implements ParsedSchema {
  private final JsonSchemaDocuments documents;
  private final String canonical;
  // Compiled on first use: only clients that check payloads need it.
  private Schema validator;

  JsonSchema(final JsonSchemaDocuments documents) {
    this.documents = Objects.requireNonNull(documents, "documents can't be null");
    this.canonical = JsonSchemaJson.write(documents.main().root());
  }

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public String canonicalString() {
    return canonical;
  }

  /** The keys of every object in ascending order, which is all Confluent's normal form changes. */
  @Override
  public ParsedSchema normalize() {
    return new JsonSchema(documents.withMain(JsonSchemaJson.sorted(documents.main().root())));
  }

  @Override
  public String formatted(final String format) {
    return JsonSchemaProvider.RESOLVED_FORMAT.equals(format)
        ? JsonSchemaJson.write(JsonSchemaInliner.inline(documents))
        : canonical;
  }

  /** What makes a JSON value not fit this schema, one line per problem; empty when it fits. */
  synchronized List<String> validate(final JsonNode payload) {
    if (validator == null) {
      final JsonNode resolved = JsonSchemaInliner.inline(documents);
      validator = JsonSchemaDraft.of(resolved).compile(resolved);
    }
    return validator.validate(payload).stream().map(error -> "#" + error).toList();
  }

  @Override
  public List<String> readProblems(final ParsedSchema writer, final boolean readerIsNew) {
    final JsonSchemaDocuments written = ((JsonSchema) writer).documents;
    return JsonSchemaDiff.compare(written.main(), documents.main()).stream()
        .filter(difference -> !difference.type().compatible())
        .map(difference -> difference.describe(readerIsNew))
        .toList();
  }
}
