package io.ksr.domain.json;

import static io.ksr.domain.json.JsonDifferenceType.COMBINED_TYPE_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.COMBINED_TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.COMBINED_TYPE_SUBSCHEMAS_CHANGED;
import static io.ksr.domain.json.JsonDifferenceType.PRODUCT_TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.PRODUCT_TYPE_NARROWED;
import static io.ksr.domain.json.JsonDifferenceType.SUM_TYPE_EXTENDED;
import static io.ksr.domain.json.JsonDifferenceType.SUM_TYPE_NARROWED;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two {@code allOf}, {@code anyOf} or {@code oneOf} schemas: first their criterion, then
 * their subschemas, each original one matched with at most one update it is compatible with. The
 * matching is a maximum one, so the order of the subschemas does not matter.
 */
final class JsonCombinedDiff {
  private JsonCombinedDiff() {}

  static void compare(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    if (compareCriteria(context, original, update) == COMBINED_TYPE_CHANGED) {
      return;
    }
    final List<JsonSchemaShape> before = distinct(original.subschemas());
    final List<JsonSchemaShape> after = distinct(update.subschemas());
    final boolean product = JsonSchemaShape.ALL_OF.equals(update.criterion());
    if (before.size() < after.size()) {
      context.add(product ? PRODUCT_TYPE_EXTENDED : SUM_TYPE_EXTENDED);
    } else if (before.size() > after.size()) {
      context.add(product ? PRODUCT_TYPE_NARROWED : SUM_TYPE_NARROWED);
    }
    final JsonDiffContext[][] compatible = new JsonDiffContext[before.size()][after.size()];
    for (int index = 0; index < before.size(); index++) {
      final int row = index;
      context.at(
          original.criterion() + "/" + row,
          () -> {
            for (int column = 0; column < after.size(); column++) {
              final JsonDiffContext pair = context.sub();
              JsonSchemaDiff.compare(pair, before.get(row), after.get(column));
              if (pair.compatible()) {
                compatible[row][column] = pair;
              }
            }
          });
    }
    final int[] matches = maximumMatching(compatible, after.size());
    int matched = 0;
    for (int row = 0; row < before.size(); row++) {
      if (matches[row] >= 0) {
        context.addAll(compatible[row][matches[row]]);
        matched++;
      }
    }
    if (matched < Math.min(before.size(), after.size())) {
      context.add(COMBINED_TYPE_SUBSCHEMAS_CHANGED);
    }
  }

  /**
   * Turning {@code allOf} or {@code oneOf} into {@code anyOf} accepts more; so does making a
   * combination of one schema a {@code oneOf}, or a single-schema one an {@code allOf} of one.
   * Other changes of criterion change what is accepted, and end the comparison.
   */
  private static JsonDifferenceType compareCriteria(
      final JsonDiffContext context, final JsonSchemaShape original, final JsonSchemaShape update) {
    if (original.criterion().equals(update.criterion())) {
      return null;
    }
    final boolean originalSingle = original.subschemas().size() == 1;
    final boolean updateSingle = update.subschemas().size() == 1;
    final JsonDifferenceType type =
        switch (update.criterion()) {
          case JsonSchemaShape.ANY_OF -> COMBINED_TYPE_EXTENDED;
          case JsonSchemaShape.ONE_OF ->
              originalSingle ? COMBINED_TYPE_EXTENDED : COMBINED_TYPE_CHANGED;
          default ->
              originalSingle && updateSingle ? COMBINED_TYPE_EXTENDED : COMBINED_TYPE_CHANGED;
        };
    context.add(type);
    return type;
  }

  private static List<JsonSchemaShape> distinct(final List<JsonSchemaShape> subschemas) {
    final Map<String, JsonSchemaShape> distinct = new LinkedHashMap<>();
    subschemas.forEach(subschema -> distinct.putIfAbsent(subschema.identity(), subschema));
    return new ArrayList<>(distinct.values());
  }

  /**
   * A largest set of compatible pairs in which no subschema appears twice (augmenting paths).
   *
   * @return for each original subschema, the update it is paired with, or -1
   */
  private static int[] maximumMatching(final JsonDiffContext[][] compatible, final int columns) {
    final int[] rowOfColumn = new int[columns];
    Arrays.fill(rowOfColumn, -1);
    for (int row = 0; row < compatible.length; row++) {
      augment(compatible, row, new boolean[columns], rowOfColumn);
    }
    final int[] columnOfRow = new int[compatible.length];
    Arrays.fill(columnOfRow, -1);
    for (int column = 0; column < columns; column++) {
      if (rowOfColumn[column] >= 0) {
        columnOfRow[rowOfColumn[column]] = column;
      }
    }
    return columnOfRow;
  }

  private static boolean augment(
      final JsonDiffContext[][] compatible,
      final int row,
      final boolean[] visited,
      final int[] rowOfColumn) {
    for (int column = 0; column < visited.length; column++) {
      if (compatible[row][column] != null && !visited[column]) {
        visited[column] = true;
        if (rowOfColumn[column] < 0
            || augment(compatible, rowOfColumn[column], visited, rowOfColumn)) {
          rowOfColumn[column] = row;
          return true;
        }
      }
    }
    return false;
  }
}
