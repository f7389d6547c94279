package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_ITEMS_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_ITEMS_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_ITEMS_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.ADDITIONAL_ITEMS_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static io.ksr.domain.json.JsonDifferenceType.MAX_ITEMS_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_ITEMS_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_ITEMS_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_ITEMS_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_ITEMS_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_ITEMS_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_ITEMS_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_ITEMS_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.UNIQUE_ITEMS_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.UNIQUE_ITEMS_REMOVED;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.json.JsonPropertyDiff.Additional;
import io.ksr.domain.json.JsonScalarDiff.Limit;
import io.ksr.domain.json.JsonSchemaShape.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares two array schemas: the schema of all items, the items of a tuple and the additional
 * items after it, the item counts and {@code uniqueItems}.
 *
 * <p>Tuple items are judged like properties (see {@link JsonPropertyDiff}), by the content model
 * that {@code additionalItems} gives the array. Draft 2020-12 spells the tuple {@code prefixItems}
 * and its additional items {@code items}.
 */
final class JsonArrayDiff {
  private static final Limit MAX_ITEMS =
      new Limit(
          "maxItems", MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED);
  private static final Limit MIN_ITEMS =
      new Limit(
          "minItems", MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED);

  private JsonArrayDiff() {}

  static void compare(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    context.at(
        "items", () -> JsonSchemaDiff.compare(context, allItems(original), allItems(update)));
    compareTuples(context, original, update);
    compareAdditionalItems(context, original, update);
    JsonScalarDiff.compareLimit(context, MAX_ITEMS, original, update);
    JsonScalarDiff.compareLimit(context, MIN_ITEMS, original, update);
    final boolean uniqueBefore = original.node().path("uniqueItems").asBoolean(false);
    final boolean uniqueAfter = update.node().path("uniqueItems").asBoolean(false);
    if (uniqueBefore != uniqueAfter) {
      context.add("uniqueItems", uniqueBefore ? UNIQUE_ITEMS_REMOVED : UNIQUE_ITEMS_ADDED);
    }
  }

  private static void compareTuples(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final List<JsonSchemaShape> before = tuple(original);
    final List<JsonSchemaShape> after = tuple(update);
    final String keyword = tupleKeyword(update);
    for (int index = 0; index < Math.max(before.size(), after.size()); index++) {
      final int position = index;
      context.at(
          keyword + "/" + position,
          () -> {
            if (position >= after.size()) {
              removed(context, before.get(position), update);
            } else if (position >= before.size()) {
              added(context, original, after.get(position));
            } else {
              JsonSchemaDiff.compare(context, before.get(position), after.get(position));
            }
          });
    }
  }

  private static void removed(
      final JsonDiffContext context, final JsonSchemaShape item, final JsonSchemaShape update) {
    final Additional additional = additional(update);
    if (additional.permitted() && additional.schema() == null) {
      context.add(ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL);
    } else if (additional.schema() != null) {
      final JsonDiffContext covered = context.sub();
      JsonSchemaDiff.compare(covered, item, additional.schema());
      context.addAll(covered);
      context.add(
          covered.compatible()
              ? ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
              : ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    } else {
      context.add(
          item.kind() == Kind.FALSE
              ? ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
              : ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);
    }
  }

  private static void added(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape item) {
    final Additional additional = additional(original);
    if (additional.permitted() && additional.schema() == null) {
      context.add(
          item.kind() == Kind.EMPTY
              ? ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
              : ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
    } else if (additional.schema() != null) {
      final JsonDiffContext covered = context.sub();
      JsonSchemaDiff.compare(covered, additional.schema(), item);
      context.addAll(covered);
      context.add(
          covered.compatible()
              ? ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
              : ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
    } else {
      context.add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
    }
  }

  private static void compareAdditionalItems(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final Additional before = additional(original);
    final Additional after = additional(update);
    context.at(
        isModern(update) ? "items" : "additionalItems",
        () -> {
          if (before.permitted() != after.permitted()) {
            context.add(before.permitted() ? ADDITIONAL_ITEMS_REMOVED : ADDITIONAL_ITEMS_ADDED);
          } else if (before.schema() == null && after.schema() != null) {
            context.add(ADDITIONAL_ITEMS_NARROWED);
          } else if (before.schema() != null && after.schema() == null) {
            context.add(ADDITIONAL_ITEMS_EXTENDED);
          } else {
            JsonSchemaDiff.compare(context, before.schema(), after.schema());
          }
        });
  }

  /** The schema every item must match; null when there is none or the array is a tuple. */
  private static JsonSchemaShape allItems(final JsonSchemaShape schema) {
    if (isModern(schema) && schema.keyword("prefixItems") != null) {
      return null;
    }
    final JsonNode items = schema.keyword("items");
    return items == null || items.isArray() ? null : schema.subschema(items);
  }

  private static List<JsonSchemaShape> tuple(final JsonSchemaShape schema) {
    final List<JsonSchemaShape> tuple = new ArrayList<>();
    final JsonNode items = schema.keyword(tupleKeyword(schema));
    if (items != null && items.isArray()) {
      items.forEach(item -> tuple.add(schema.subschema(item)));
    }
    return tuple;
  }

  /** What an array allows after its tuple. */
  private static Additional additional(final JsonSchemaShape schema) {
    final JsonNode node =
        isModern(schema)
            ? schema.keyword("prefixItems") == null ? null : schema.keyword("items")
            : schema.keyword("additionalItems");
    return Additional.of(schema.subschema(node));
  }

  private static String tupleKeyword(final JsonSchemaShape schema) {
    return isModern(schema) ? "prefixItems" : "items";
  }

  /** Whether the schema is written in draft 2020-12, which renamed the tuple keywords. */
  private static boolean isModern(final JsonSchemaShape schema) {
    return schema.document().draft() == JsonSchemaDraft.DRAFT_2020_12;
  }
}
