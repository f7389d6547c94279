package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaProvider;
import io.ksr.domain.SchemaType;
import io.ksr.domain.json.JsonSchemaDocuments.Document;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * JSON Schemas (drafts 4, 6, 7, 2019-09 and 2020-12), checked against the meta-schema of their
 * draft and compared as Confluent's JSON Schema provider compares them.
 */
public final class JsonSchemaProvider implements SchemaProvider {
  static final String RESOLVED_FORMAT = "resolved";

  /** Confluent rejects new schemas with such property names: it keeps them for itself. */
  private static final String RESERVED_PREFIX = "$$";

  @Override
  public SchemaType type() {
    return SchemaType.JSON;
  }

  @Override
  public ParsedSchema parse(
      final String schemaText, final List<ResolvedReference> references, final boolean isNew) {
    final JsonNode root = JsonSchemaJson.read(schemaText, "");
    final Map<String, JsonNode> referenced = new LinkedHashMap<>();
    for (final ResolvedReference reference : references) {
      if (reference.type() != SchemaType.JSON) {
        throw invalid("reference '" + reference.name() + "' is a " + reference.type() + " schema");
      }
      if (!referenced.containsKey(reference.name())) {
        referenced.put(
            reference.name(),
            JsonSchemaJson.read(reference.schema(), "reference '" + reference.name() + "': "));
      }
    }
    final JsonSchemaDraft draft = JsonSchemaDraft.of(root);
    final List<String> problems = draft.problems(root);
    if (!problems.isEmpty()) {
      throw invalid("not a valid " + draft + " JSON Schema: " + String.join("; ", problems));
    }
    if (isNew) {
      checkPropertyNames(root);
    }
    final JsonSchemaDocuments documents = new JsonSchemaDocuments(root, referenced);
    checkRefsAndPatterns(documents.main());
    return new JsonSchema(documents);
  }

  private static void checkPropertyNames(final JsonNode root) {
    final JsonNode properties = root.get("properties");
    if (properties != null && properties.isObject()) {
      properties
          .fieldNames()
          .forEachRemaining(
              name -> {
                if (name.startsWith(RESERVED_PREFIX)) {
                  throw invalid(
                      "#/properties/" + name + ": Field names cannot start with $$ prefix");
                }
              });
    }
  }

  /**
   * Resolves every {@code $ref} of the schema and of the documents they lead to, so that a schema
   * whose references are missing is rejected now and not when it is compared; and compiles every
   * regular expression, as Confluent's loader does.
   */
  private static void checkRefsAndPatterns(final Document main) {
    final Deque<Document> toCheck = new ArrayDeque<>(List.of(main));
    final Set<Document> seen = new HashSet<>(List.of(main));
    while (!toCheck.isEmpty()) {
      final Document document = toCheck.pop();
      JsonSchemaKeywords.walk(
          document.root(),
          schema -> {
            final String ref = JsonSchemaKeywords.ref(schema);
            if (ref != null) {
              final Document target = document.resolve(ref).document();
              if (seen.add(target)) {
                toCheck.push(target);
              }
            }
            checkPatterns(document, schema);
          });
    }
  }

  private static void checkPatterns(final Document document, final JsonNode schema) {
    final JsonNode pattern = schema.get("pattern");
    if (pattern != null && pattern.isTextual()) {
      compile(document, pattern.asText());
    }
    final JsonNode patternProperties = schema.get("patternProperties");
    if (patternProperties != null && patternProperties.isObject()) {
      final Iterator<String> patterns = patternProperties.fieldNames();
      patterns.forEachRemaining(regex -> compile(document, regex));
    }
  }

  private static void compile(final Document document, final String regex) {
    try {
      Pattern.compile(regex);
    } catch (final PatternSyntaxException e) {
      throw invalid(
          "the regular expression '"
              + regex
              + "' in "
              + document
              + " is invalid: "
              + e.getDescription());
    }
  }

  private static RegistryException invalid(final String details) {
    return Errors.invalidSchema("Invalid schema of type JSON, details: " + details);
  }
}
