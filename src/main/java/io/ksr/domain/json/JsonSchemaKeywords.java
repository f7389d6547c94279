package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Which keywords hold subschemas, so that a walk over a schema visits its schemas and never the
 * data in {@code default}, {@code enum}, {@code const} or {@code examples}.
 */
final class JsonSchemaKeywords {
  static final String REF = "$ref";

  /** Keywords whose value is one schema; {@code items} may also be an array of them. */
  private static final Set<String> ONE_SCHEMA =
      Set.of(
          "items",
          "additionalItems",
          "additionalProperties",
          "contains",
          "not",
          "if",
          "then",
          "else",
          "propertyNames",
          "unevaluatedItems",
          "unevaluatedProperties");

  private static final Set<String> SCHEMA_ARRAYS =
      Set.of("items", "allOf", "anyOf", "oneOf", "prefixItems");

  /** Keywords whose value maps names to schemas ({@code dependencies} also to name arrays). */
  private static final Set<String> SCHEMA_MAPS =
      Set.of(
          "properties",
          "patternProperties",
          "definitions",
          "$defs",
          "dependencies",
          "dependentSchemas");

  private JsonSchemaKeywords() {}

  /** Calls {@code visitor} with {@code schema} and every schema inside it, outermost first. */
  static void walk(final JsonNode schema, final Consumer<JsonNode> visitor) {
    visitor.accept(schema);
    if (!schema.isObject()) {
      return;
    }
    for (final Map.Entry<String, JsonNode> field : schema.properties()) {
      final String keyword = field.getKey();
      final JsonNode value = field.getValue();
      if (ONE_SCHEMA.contains(keyword) && isSchema(value)) {
        walk(value, visitor);
      } else if (SCHEMA_ARRAYS.contains(keyword) && value.isArray()) {
        value.forEach(element -> walkIfSchema(element, visitor));
      } else if (SCHEMA_MAPS.contains(keyword) && value.isObject()) {
        value.forEach(element -> walkIfSchema(element, visitor));
      }
    }
  }

  private static void walkIfSchema(final JsonNode node, final Consumer<JsonNode> visitor) {
    if (isSchema(node)) {
      walk(node, visitor);
    }
  }

  /** Whether a value can be a schema: an object, or {@code true} or {@code false}. */
  static boolean isSchema(final JsonNode node) {
    return node != null && (node.isObject() || node.isBoolean());
  }

  /** The text of a schema's {@code $ref}, or null when it has none. */
  static String ref(final JsonNode schema) {
    final JsonNode ref = schema.get(REF);
    return ref != null && ref.isTextual() ? ref.asText() : null;
  }
}
