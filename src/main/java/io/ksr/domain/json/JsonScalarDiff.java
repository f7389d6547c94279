package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MAXIMUM_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MAXIMUM_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MAXIMUM_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MAXIMUM_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MINIMUM_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MINIMUM_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MINIMUM_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.EXCLUSIVE_MINIMUM_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MAXIMUM_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MAXIMUM_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAXIMUM_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAXIMUM_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_LENGTH_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_LENGTH_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_LENGTH_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MAX_LENGTH_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MINIMUM_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MINIMUM_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MINIMUM_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MINIMUM_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_LENGTH_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_LENGTH_DECREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_LENGTH_INCREASED;
import static io.ksr.domain.json.JsonDifferenceType.MIN_LENGTH_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.MULTIPLE_OF_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.MULTIPLE_OF_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.MULTIPLE_OF_EXPANDED;
import static io.ksr.domain.json.JsonDifferenceType.MULTIPLE_OF_REDUCED;
import static io.ksr.domain.json.JsonDifferenceType.MULTIPLE_OF_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.PATTERN_ADDED;
import static io.ksr.domain.json.JsonDifferenceType.PATTERN_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.PATTERN_REMOVED;
import static io.ksr.domain.json.JsonDifferenceType.TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.TYPE_NARROWED;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** Compares string and number schemas, and the numeric limits of any schema. */
final class JsonScalarDiff {
  /**
   * A numeric keyword that limits a schema, and its differences when it is added, removed,
   * increased and decreased.
   */
  record Limit(
      String keyword,
      JsonDifferenceType added,
      JsonDifferenceType removed,
      JsonDifferenceType increased,
      JsonDifferenceType decreased) {}

  private static final Limit MAX_LENGTH =
      new Limit(
          "maxLength",
          MAX_LENGTH_ADDED,
          MAX_LENGTH_REMOVED,
          MAX_LENGTH_INCREASED,
          MAX_LENGTH_DECREASED);
  private static final Limit MIN_LENGTH =
      new Limit(
          "minLength",
          MIN_LENGTH_ADDED,
          MIN_LENGTH_REMOVED,
          MIN_LENGTH_INCREASED,
          MIN_LENGTH_DECREASED);
  private static final Limit MAXIMUM =
      new Limit("maximum", MAXIMUM_ADDED, MAXIMUM_REMOVED, MAXIMUM_INCREASED, MAXIMUM_DECREASED);
  private static final Limit MINIMUM =
      new Limit("minimum", MINIMUM_ADDED, MINIMUM_REMOVED, MINIMUM_INCREASED, MINIMUM_DECREASED);
  private static final Limit EXCLUSIVE_MAXIMUM =
      new Limit(
          "exclusiveMaximum",
          EXCLUSIVE_MAXIMUM_ADDED,
          EXCLUSIVE_MAXIMUM_REMOVED,
          EXCLUSIVE_MAXIMUM_INCREASED,
          EXCLUSIVE_MAXIMUM_DECREASED);
  private static final Limit EXCLUSIVE_MINIMUM =
      new Limit(
          "exclusiveMinimum",
          EXCLUSIVE_MINIMUM_ADDED,
          EXCLUSIVE_MINIMUM_REMOVED,
          EXCLUSIVE_MINIMUM_INCREASED,
          EXCLUSIVE_MINIMUM_DECREASED);

  private JsonScalarDiff() {}

  static void compareStrings(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    compareLimit(context, MAX_LENGTH, original, update);
    compareLimit(context, MIN_LENGTH, original, update);
    final String before = text(original.keyword("pattern"));
    final String after = text(update.keyword("pattern"));
    if (before == null && after != null) {
      context.add("pattern", PATTERN_ADDED);
    } else if (before != null && after == null) {
      context.add("pattern", PATTERN_REMOVED);
    } else if (before != null && !before.equals(after)) {
      context.add("pattern", PATTERN_CHANGED);
    }
  }

  static void compareNumbers(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    final Bounds before = Bounds.of(original);
    final Bounds after = Bounds.of(update);
    compareLimit(context, MAXIMUM, before.maximum, after.maximum);
    compareLimit(context, MINIMUM, before.minimum, after.minimum);
    compareLimit(context, EXCLUSIVE_MAXIMUM, before.exclusiveMaximum, after.exclusiveMaximum);
    compareLimit(context, EXCLUSIVE_MINIMUM, before.exclusiveMinimum, after.exclusiveMinimum);
    compareMultipleOf(
        context,
        JsonSchemaJson.number(original.node(), "multipleOf"),
        JsonSchemaJson.number(update.node(), "multipleOf"));
    if (original.integer() && !update.integer()) {
      context.add(TYPE_EXTENDED);
    } else if (!original.integer() && update.integer()) {
      context.add(TYPE_NARROWED);
    }
  }

  /** Compares the keyword of {@code limit} in two schemas. */
  static void compareLimit(
      final JsonDiffContext context,
      final Limit limit,
      final JsonSchemaShape original,
      final JsonSchemaShape update) {
    compareLimit(
        context,
        limit,
        JsonSchemaJson.number(original.node(), limit.keyword()),
        JsonSchemaJson.number(update.node(), limit.keyword()));
  }

  private static void compareLimit(
      final JsonDiffContext context,
      final Limit limit,
      final BigDecimal original,
      final BigDecimal update) {
    if (original == null && update == null) {
      return;
    }
    if (original == null) {
      context.add(limit.keyword(), limit.added());
    } else if (update == null) {
      context.add(limit.keyword(), limit.removed());
    } else if (original.compareTo(update) < 0) {
      context.add(limit.keyword(), limit.increased());
    } else if (original.compareTo(update) > 0) {
      context.add(limit.keyword(), limit.decreased());
    }
  }

  /**
   * A {@code multipleOf} that is a multiple of the old one accepts fewer numbers (expanded), a
   * divisor of it more (reduced); any other change accepts others.
   */
  private static void compareMultipleOf(
      final JsonDiffContext context, final BigDecimal original, final BigDecimal update) {
    if (original == null && update == null
        || original != null && update != null && original.compareTo(update) == 0) {
      return;
    }
    if (original == null) {
      context.add("multipleOf", MULTIPLE_OF_ADDED);
    } else if (update == null) {
      context.add("multipleOf", MULTIPLE_OF_REMOVED);
    } else if (update.remainder(original).signum() == 0) {
      context.add("multipleOf", MULTIPLE_OF_EXPANDED);
    } else if (original.remainder(update).signum() == 0) {
      context.add("multipleOf", MULTIPLE_OF_REDUCED);
    } else {
      context.add("multipleOf", MULTIPLE_OF_CHANGED);
    }
  }

  private static String text(final JsonNode node) {
    return node != null && node.isTextual() ? node.asText() : null;
  }

  /**
   * A number schema's limits. In draft 4 {@code exclusiveMaximum: true} makes {@code maximum}
   * exclusive; it is read as the later drafts' {@code exclusiveMaximum} with that value, so that
   * making a limit exclusive counts as the narrowing it is.
   */
  private record Bounds(
      BigDecimal maximum,
      BigDecimal minimum,
      BigDecimal exclusiveMaximum,
      BigDecimal exclusiveMinimum) {
    static Bounds of(final JsonSchemaShape schema) {
      final JsonNode node = schema.node();
      final BigDecimal maximum = JsonSchemaJson.number(node, "maximum");
      final BigDecimal minimum = JsonSchemaJson.number(node, "minimum");
      if (schema.document().draft() != JsonSchemaDraft.DRAFT_4) {
        return new Bounds(
            maximum,
            minimum,
            JsonSchemaJson.number(node, "exclusiveMaximum"),
            JsonSchemaJson.number(node, "exclusiveMinimum"));
      }
      final boolean exclusiveMaximum = node.path("exclusiveMaximum").asBoolean(false);
      final boolean exclusiveMinimum = node.path("exclusiveMinimum").asBoolean(false);
      return new Bounds(
          exclusiveMaximum ? null : maximum,
          exclusiveMinimum ? null : minimum,
          exclusiveMaximum ? maximum : null,
          exclusiveMinimum ? minimum : null);
    }
  }
}
