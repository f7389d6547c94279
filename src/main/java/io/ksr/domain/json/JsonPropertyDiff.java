package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.json.JsonSchemaShape.Kind;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Compares the properties of two object schemas, judging added and removed ones by the content
 * model of the schema that lacks them.
 *
 * <p>An open model (no {@code patternProperties}, {@code additionalProperties} absent or {@code
 * true}) accepted any value under a name it does not list, so a reader that now types such a
 * property may meet data it rejects; removing a property from one is fine. A closed model ({@code
 * additionalProperties: false}) accepted none, so adding a property is fine and removing one is
 * not. A partially open model gives a schema for the names it does not list ({@code
 * additionalProperties} or a matching {@code patternProperties}), and the property must agree with
 * it.
 */
final class JsonPropertyDiff {
  /**
   * What {@code additionalProperties} or {@code additionalItems} allows: nothing, anything (no
   * schema), or what a schema accepts.
   */
  record Additional(boolean permitted, JsonSchemaShape schema) {
    /**
     * What the keyword's schema allows; a schema that accepts anything ({@code true}, or {@code
     * {}}) allows anything as the keyword's absence does, so it leaves the content model open.
     */
    static Additional of(final JsonSchemaShape schema) {
      if (schema == null || schema.kind() == Kind.EMPTY) {
        return new Additional(true, null);
      }
      return schema.kind() == Kind.FALSE
          ? new Additional(false, null)
          : new Additional(true, schema);
    }
  }

  private JsonPropertyDiff() {}

  static void compare(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final Map<String, JsonNode> before = JsonObjectDiff.properties(original);
    final Map<String, JsonNode> after = JsonObjectDiff.properties(update);
    context.at(
        "properties",
        () -> {
          for (final String name : JsonObjectDiff.union(before.keySet(), after.keySet())) {
            context.at(
                name,
                () -> {
                  if (!after.containsKey(name)) {
                    removed(context, original.subschema(before.get(name)), update, name);
                  } else if (!before.containsKey(name)) {
                    added(context, original, update, name, after.get(name));
                  } else {
                    JsonSchemaDiff.compare(
                        context,
                        original.subschema(before.get(name)),
                        update.subschema(after.get(name)));
                  }
                });
          }
        });
  }

  private static void removed(
      final JsonDiffContext context,
      final JsonSchemaShape property,
      final JsonSchemaShape update,
      final String name) {
    if (isOpen(update)) {
      context.add(PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL);
      return;
    }
    final JsonSchemaShape covering = covering(update, name);
    if (covering != null) {
      final JsonDiffContext covered = context.sub();
      JsonSchemaDiff.compare(covered, property, covering);
      context.addAll(covered);
      context.add(
          covered.compatible()
              ? PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
              : PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    } else {
      context.add(
          property.kind() == Kind.FALSE
              ? PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
              : PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
    }
  }

  private static void added(
      final JsonDiffContext context,
      final JsonSchemaShape original,
      final JsonSchemaShape update,
      final String name,
      final JsonNode schema) {
    final JsonSchemaShape property = update.subschema(schema);
    final boolean required = JsonObjectDiff.required(update).contains(name);
    final boolean hasDefault = JsonObjectDiff.hasDefault(schema);
    if (isOpen(original)) {
      if (property.kind() == Kind.EMPTY) {
        context.add(PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL);
      } else if (required) {
        context.add(
            hasDefault
                ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                : REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
      } else {
        context.add(OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
      }
      return;
    }
    final JsonSchemaShape covering = covering(original, name);
    if (covering != null) {
      final JsonDiffContext covered = context.sub();
      JsonSchemaDiff.compare(covered, covering, property);
      context.addAll(covered);
      context.add(
          covered.compatible()
              ? PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
              : PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    }
    if (required) {
      context.add(
          hasDefault
              ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
              : REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
    } else {
      context.add(OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
    }
  }

  static Additional additional(final JsonSchemaShape schema) {
    return Additional.of(schema.subschema(schema.keyword("additionalProperties")));
  }

  private static boolean isOpen(final JsonSchemaShape schema) {
    final JsonNode patterns = schema.keyword("patternProperties");
    final Additional additional = additional(schema);
    return (patterns == null || patterns.isEmpty())
        && additional.permitted()
        && additional.schema() == null;
  }

  /** The schema a partially open model gives a name it does not list; null if it gives none. */
  private static JsonSchemaShape covering(final JsonSchemaShape schema, final String name) {
    final JsonNode patterns = schema.keyword("patternProperties");
    if (patterns != null && patterns.isObject()) {
      for (final Map.Entry<String, JsonNode> entry : patterns.properties()) {
        if (Pattern.compile(entry.getKey()).matcher(name).find()) {
          return schema.subschema(entry.getValue());
        }
      }
    }
    return additional(schema).schema();
  }
}
