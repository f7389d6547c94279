package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where a JSON Schema comparison is, the differences it found, and the pairs of {@code $ref}
 * targets it has compared or is comparing.
 */
final class JsonDiffContext {
  private final Deque<String> path;
  private final List<JsonDifference> differences = new ArrayList<>();
  private final Map<Pair, List<JsonDifference>> compared;
  private final Set<Pair> comparing;

  JsonDiffContext() {
    this(new ArrayDeque<>(), new HashMap<>(), new HashSet<>());
  }

  private JsonDiffContext(
      final Deque<String> path,
      final Map<Pair, List<JsonDifference>> compared,
      final Set<Pair> comparing) {
    this.path = path;
    this.compared = compared;
    this.comparing = comparing;
  }

  /** A context at the same path that collects its differences apart, to be judged on their own. */
  JsonDiffContext sub() {
    return new JsonDiffContext(new ArrayDeque<>(path), compared, comparing);
  }

  /** Runs {@code body} one path segment deeper. */
  void at(final String segment, final Runnable body) {
    path.addLast(segment);
    try {
      body.run();
    } finally {
      path.removeLast();
    }
  }

  void add(final JsonDifferenceType type) {
    differences.add(new JsonDifference(type, path()));
  }

  /** Adds a difference in the keyword {@code attribute} of the schema at the current path. */
  void add(final String attribute, final JsonDifferenceType type) {
    at(attribute, () -> add(type));
  }

  void addAll(final JsonDiffContext other) {
    differences.addAll(other.differences);
  }

  List<JsonDifference> differences() {
    return differences;
  }

  /** Whether every difference found so far is one a reader copes with. */
  boolean compatible() {
    return differences.stream().allMatch(difference -> difference.type().compatible());
  }

  /**
   * Compares the schemas that two {@code $ref}s point at, running {@code comparison} once per pair.
   * A pair met again while it is being compared is a cycle: it counts as no difference, as the
   * comparison in progress already looks at it.
   */
  void compareTargets(
      final JsonSchemaShape original,
      final JsonSchemaShape update,
      final Consumer<JsonDiffContext> comparison) {
    final Pair pair = new Pair(original, update);
    List<JsonDifference> found = compared.get(pair);
    if (found == null) {
      if (!comparing.add(pair)) {
        return;
      }
      try {
        final JsonDiffContext fromTarget =
            new JsonDiffContext(new ArrayDeque<>(), compared, comparing);
        comparison.accept(fromTarget);
        found = List.copyOf(fromTarget.differences);
        compared.put(pair, found);
      } finally {
        comparing.remove(pair);
      }
    }
    final String prefix = path();
    found.forEach(difference -> differences.add(difference.under(prefix)));
  }

  private String path() {
    return JsonDifference.ROOT + String.join("/", path);
  }

  /**
   * Two shapes, their schemas by identity: equal-looking schemas in different places are different
   * pairs, so that a change deep inside a recursive schema is not hidden by an earlier result.
   */
  private static final class Pair {
    private final JsonNode original;
    private final JsonNode update;
    private final String facets;

    Pair(final JsonSchemaShape original, final JsonSchemaShape update) {
      this.original = original.node();
      this.update = update.node();
      this.facets = original.facet() + "/" + update.facet();
    }

    @Override
    public boolean equals(final Object other) {
      return other instanceof Pair that
          && original == that.original
          && update == that.update
          && facets.equals(that.facets);
    }

    @Override
    public int hashCode() {
      return 31 * (31 * System.identityHashCode(original) + System.identityHashCode(update))
          + facets.hashCode();
    }
  }
}
