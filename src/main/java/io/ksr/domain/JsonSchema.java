package io.ksr.domain;

import java.util.List;
import java.util.Objects;

/**
 * A parsed JSON Schema, whose canonical text is its JSON re-written compactly with its keys in the
 * order they were written, as Confluent stores it.
 */
final class JsonSchema implements ParsedSchema {
  private final JsonSchemaDocuments documents;
  private final String canonical;

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

  @Override
  public List<String> readProblems(final ParsedSchema writer, final boolean readerIsNew) {
    final JsonSchemaDocuments written = ((JsonSchema) writer).documents;
    return JsonSchemaDiff.compare(written.main(), documents.main()).stream()
        .filter(difference -> !difference.type().compatible())
        .map(difference -> difference.describe(readerIsNew))
        .toList();
  }
}
