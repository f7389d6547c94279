package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.DEFAULT_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.DESCRIPTION_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.ENUM_ARRAY_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.ENUM_ARRAY_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.ENUM_ARRAY_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.ID_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.NOT_TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.NOT_TYPE_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.SCHEMA_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.SCHEMA_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.SUM_TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.TITLE_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.TYPE_CHANGED;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.json.JsonSchemaDocuments.Document;
import io.ksr.domain.json.JsonSchemaShape.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Compares an original JSON Schema with its update as Confluent's JSON Schema diff does: every
 * difference gets a type, and the type says whether a reader with the update still reads all that
 * the original accepted.
 *
 * <p>This class compares the kinds of schema, what all schemas have ({@code title}, {@code
 * description}, {@code default}, {@code $id}), enums, consts and {@code not}; the other kinds have
 * their own classes. A {@code $ref} is compared by the schema it points at.
 */
final class JsonSchemaDiff {
  private JsonSchemaDiff() {}

  /** The differences between two main schemas, in the order they were found. */
  static List<JsonDifference> compare(final Document original, final Document update) {
    final JsonDiffContext context = new JsonDiffContext();
    compare(
        context,
        JsonSchemaShape.of(original, original.root()),
        JsonSchemaShape.of(update, update.root()));
    return context.differences();
  }

  /** Compares two schemas at the context's path; either may be null where there is none. */
  static void compare(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    if (original == null && update == null) {
      return;
    }
    if (original == null) {
      context.add(SCHEMA_ADDED);
      return;
    }
    if (update == null) {
      context.add(SCHEMA_REMOVED);
      return;
    }
    final JsonSchemaShape originalTarget = original.dereferenced();
    final JsonSchemaShape updateTarget = update.dereferenced();
    if (originalTarget != original || updateTarget != update) {
      context.compareTargets(
          originalTarget,
          updateTarget,
          fromTarget -> compareResolved(fromTarget, originalTarget, updateTarget));
    } else {
      compareResolved(context, original, update);
    }
  }

  private static void compareResolved(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final boolean originalCombined = original.kind() == Kind.COMBINED;
    final boolean updateCombined = update.kind() == Kind.COMBINED;
    if (!originalCombined && updateCombined) {
      final List<JsonSchemaShape> choices = update.subschemas();
      if (choices.size() == 1) {
        if (addIfCompatible(context, original, choices.get(0))) {
          return;
        }
      } else if (!JsonSchemaShape.ALL_OF.equals(update.criterion())) {
        // A schema that became one choice of several still reads what it read.
        for (final JsonSchemaShape choice : choices) {
          if (addIfCompatible(context, original, choice)) {
            context.add(SUM_TYPE_EXTENDED);
            return;
          }
        }
      }
    } else if (originalCombined && !updateCombined && original.subschemas().size() == 1) {
      if (addIfCompatible(context, original.subschemas().get(0), update)) {
        return;
      }
    }
    if (original.kind() != update.kind()) {
      // Nothing was accepted before, or anything is now: no reader is hurt.
      if (original.kind() != Kind.FALSE && update.kind() != Kind.EMPTY) {
        context.add(TYPE_CHANGED);
      }
      return;
    }
    compareAnnotations(context, original, update);
    switch (original.kind()) {
      case STRING -> JsonScalarDiff.compareStrings(context, original, update);
      case NUMBER -> JsonScalarDiff.compareNumbers(context, original, update);
      case OBJECT -> JsonObjectDiff.compare(context, original, update);
      case ARRAY -> JsonArrayDiff.compare(context, original, update);
      case COMBINED -> JsonCombinedDiff.compare(context, original, update);
      case ENUM -> compareEnums(context, original, update);
      case CONST -> compareConsts(context, original, update);
      case NOT -> compareNots(context, original, update);
      default -> {
        // Null, boolean, empty, false and conditional schemas have nothing more to compare.
      }
    }
  }

  /**
   * Compares two schemas apart, and keeps what it found only if it is compatible.
   *
   * @return whether it was compatible
   */
  static boolean addIfCompatible(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final JsonDiffContext apart = context.sub();
    compare(apart, original, update);
    if (apart.compatible()) {
      context.addAll(apart);
      return true;
    }
    return false;
  }

  private static void compareAnnotations(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    if (!Objects.equals(
        original.keyword(original.document().draft().idKeyword()),
        update.keyword(update.document().draft().idKeyword()))) {
      context.add(ID_CHANGED);
    }
    if (!Objects.equals(original.keyword("title"), update.keyword("title"))) {
      context.add(TITLE_CHANGED);
    }
    if (!Objects.equals(original.keyword("description"), update.keyword("description"))) {
      context.add(DESCRIPTION_CHANGED);
    }
    if (!Objects.equals(original.keyword("default"), update.keyword("default"))) {
      context.add(DEFAULT_CHANGED);
    }
  }

  private static void compareEnums(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final Set<String> before = values(original.keyword("enum"));
    final Set<String> after = values(update.keyword("enum"));
    if (before.equals(after)) {
      return;
    }
    if (after.containsAll(before)) {
      context.add("enum", ENUM_ARRAY_EXTENDED);
    } else if (before.containsAll(after)) {
      context.add("enum", ENUM_ARRAY_NARROWED);
    } else {
      context.add("enum", ENUM_ARRAY_CHANGED);
    }
  }

  private static Set<String> values(final JsonNode array) {
    final Set<String> values = new HashSet<>();
    if (array != null) {
      array.forEach(value -> values.add(JsonSchemaJson.valueKey(value)));
    }
    return values;
  }

  private static void compareConsts(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final String before = JsonSchemaJson.valueKey(original.keyword("const"));
    if (!before.equals(JsonSchemaJson.valueKey(update.keyword("const")))) {
      context.add("const", ENUM_ARRAY_CHANGED);
    }
  }

  /** {@code not} turns the comparison around: what it excludes must not grow. */
  private static void compareNots(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    context.at(
        "not",
        () -> {
          final JsonDiffContext reversed = context.sub();
          compare(
              reversed,
              update.subschema(update.keyword("not")),
              original.subschema(original.keyword("not")));
          context.add(reversed.compatible() ? NOT_TYPE_NARROWED : NOT_TYPE_EXTENDED);
        });
  }
}
