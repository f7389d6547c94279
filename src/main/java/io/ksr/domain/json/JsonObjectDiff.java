package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_PROPERTIES_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_PROPERTIES_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_PROPERTIES_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_PROPERTIES_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_ARRAY_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_ARRAY_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_ARRAY_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_ARRAY_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_ARRAY_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_SCHEMA_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.DEPENDENCY_SCHEMA_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_PROPERTIES_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_PROPERTIES_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_PROPERTIES_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_PROPERTIES_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_PROPERTIES_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_PROPERTIES_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_PROPERTIES_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_PROPERTIES_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_ATTRIBUTE_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_ATTRIBUTE_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.json.JsonScalarDiff.Limit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Compares two object schemas: which properties are required, the properties themselves (see {@link
 * JsonPropertyDiff}), dependencies, {@code additionalProperties} and the property counts.
 */
final class JsonObjectDiff {
  private static final Limit MAX_PROPERTIES =
      new Limit(
          "maxProperties",
          MAX_PROPERTIES_ADDED,
          MAX_PROPERTIES_REMOVED,
          MAX_PROPERTIES_INCREASED,
          MAX_PROPERTIES_DECREASED);
  private static final Limit MIN_PROPERTIES =
      new Limit(
          "minProperties",
          MIN_PROPERTIES_ADDED,
          MIN_PROPERTIES_REMOVED,
          MIN_PROPERTIES_INCREASED,
          MIN_PROPERTIES_DECREASED);

  private JsonObjectDiff() {}

  static void compare(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    compareRequired(context, original, update);
    JsonPropertyDiff.compare(context, original, update);
    compareDependencies(context, original, update);
    compareAdditionalProperties(context, original, update);
    JsonScalarDiff.compareLimit(context, MAX_PROPERTIES, original, update);
    JsonScalarDiff.compareLimit(context, MIN_PROPERTIES, original, update);
  }

  /** A property required now that was optional is only readable if the reader has a default. */
  private static void compareRequired(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final Map<String, JsonNode> after = properties(update);
    final Set<String> requiredBefore = required(original);
    final Set<String> requiredAfter = required(update);
    context.at(
        "required",
        () ->
            properties(original).keySet().stream()
                .filter(after::containsKey)
                .forEach(
                    name -> {
                      final boolean before = requiredBefore.contains(name);
                      final boolean now = requiredAfter.contains(name);
                      if (before && !now) {
                        context.add(name, REQUIRED_ATTRIBUTE_REMOVED);
                      } else if (!before && now) {
                        context.add(
                            name,
                            hasDefault(after.get(name))
                                ? REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                                : REQUIRED_ATTRIBUTE_ADDED);
                      }
                    }));
  }

  /**
   * Drafts 4 to 7 keep both kinds of dependency in {@code dependencies}; later drafts split them
   * into {@code dependentRequired} and {@code dependentSchemas}.
   */
  private static void compareDependencies(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final boolean combinedKeyword = usesDependencies(update);
    context.at(
        combinedKeyword ? "dependencies" : "dependentRequired",
        () ->
            compareDependencyArrays(
                context, dependencies(original, true), dependencies(update, true)));
    context.at(
        combinedKeyword ? "dependencies" : "dependentSchemas",
        () -> {
          final Map<String, JsonNode> before = dependencies(original, false);
          final Map<String, JsonNode> after = dependencies(update, false);
          for (final String name : union(before.keySet(), after.keySet())) {
            if (!after.containsKey(name)) {
              context.add(name, DEPENDENCY_SCHEMA_REMOVED);
            } else if (!before.containsKey(name)) {
              context.add(name, DEPENDENCY_SCHEMA_ADDED);
            } else {
              context.at(
                  name,
                  () ->
                      JsonSchemaDiff.compare(
                          context,
                          original.subschema(before.get(name)),
                          update.subschema(after.get(name))));
            }
          }
        });
  }

  private static void compareDependencyArrays(
      final JsonDiffContext context,
      final Map<String, JsonNode> before,
      final Map<String, JsonNode> after) {
    for (final String name : union(before.keySet(), after.keySet())) {
      if (!after.containsKey(name)) {
        context.add(name, DEPENDENCY_ARRAY_REMOVED);
      } else if (!before.containsKey(name)) {
        context.add(name, DEPENDENCY_ARRAY_ADDED);
      } else {
        final Set<String> was = strings(before.get(name));
        final Set<String> now = strings(after.get(name));
        if (!was.equals(now)) {
          if (now.containsAll(was)) {
            context.add(name, DEPENDENCY_ARRAY_EXTENDED);
          } else if (was.containsAll(now)) {
            context.add(name, DEPENDENCY_ARRAY_NARROWED);
          } else {
            context.add(name, DEPENDENCY_ARRAY_CHANGED);
          }
        }
      }
    }
  }

  private static void compareAdditionalProperties(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final JsonPropertyDiff.Additional before = JsonPropertyDiff.additional(original);
    final JsonPropertyDiff.Additional after = JsonPropertyDiff.additional(update);
    context.at(
        "additionalProperties",
        () -> {
          if (before.permitted() != after.permitted()) {
            context.add(
                after.permitted() ? ADDITIONAL_PROPERTIES_ADDED : ADDITIONAL_PROPERTIES_REMOVED);
          } else if (before.schema() == null && after.schema() != null) {
            context.add(ADDITIONAL_PROPERTIES_NARROWED);
          } else if (before.schema() != null && after.schema() == null) {
            context.add(ADDITIONAL_PROPERTIES_EXTENDED);
          } else {
            JsonSchemaDiff.compare(context, before.schema(), after.schema());
          }
        });
  }

  /** The schemas of {@code properties}, by name, in the order they are written. */
  static Map<String, JsonNode> properties(final JsonSchemaShape schema) {
    return schemasIn(schema.keyword("properties"));
  }

  static Set<String> required(final JsonSchemaShape schema) {
    return strings(schema.keyword("required"));
  }

  /** Whether a property's schema gives a default, which a reader uses when the value is absent. */
  static boolean hasDefault(final JsonNode schema) {
    return schema.isObject() && schema.has("default");
  }

  static Set<String> union(final Set<String> first, final Set<String> second) {
    final Set<String> union = new LinkedHashSet<>(first);
    union.addAll(second);
    return union;
  }

  private static boolean usesDependencies(final JsonSchemaShape schema) {
    return schema.document().draft().before(JsonSchemaDraft.DRAFT_2019_09);
  }

  /** The property dependencies ({@code arrays}) or the schema dependencies of a schema. */
  private static Map<String, JsonNode> dependencies(
      final JsonSchemaShape schema, final boolean arrays) {
    final Map<String, JsonNode> dependencies = new LinkedHashMap<>();
    final String keyword =
        usesDependencies(schema)
            ? "dependencies"
            : arrays ? "dependentRequired" : "dependentSchemas";
    final JsonNode all = schema.keyword(keyword);
    if (all != null && all.isObject()) {
      all.properties()
          .forEach(
              entry -> {
                if (entry.getValue().isArray() == arrays) {
                  dependencies.put(entry.getKey(), entry.getValue());
                }
              });
    }
    return dependencies;
  }

  private static Map<String, JsonNode> schemasIn(final JsonNode map) {
    final Map<String, JsonNode> schemas = new LinkedHashMap<>();
    if (map != null && map.isObject()) {
      map.properties()
          .forEach(
              entry -> {
                if (JsonSchemaKeywords.isSchema(entry.getValue())) {
                  schemas.put(entry.getKey(), entry.getValue());
                }
              });
    }
    return schemas;
  }

  private static Set<String> strings(final JsonNode array) {
    final Set<String> strings = new HashSet<>();
    if (array != null && array.isArray()) {
      array.forEach(element -> strings.add(element.asText()));
    }
    return strings;
  }
}
