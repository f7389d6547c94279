package io.ksr.domain;

import java.util.ArrayList;
import java.util.List;

/** Decides whether a schema may become the next version of a subject, and says why not. */
public final class CompatibilityChecker {
  private static final int MAX_OLD_SCHEMA_CHARS = 10_000;

  private CompatibilityChecker() {}

  /** A live earlier version of the subject. */
  public record PreviousVersion(int version, ParsedSchema schema) {}

  /**
   * Checks {@code candidate} against the subject's live versions.
   *
   * @param newestFirst the subject's live versions, newest first
   * @return the messages Confluent puts in a 409 response; empty when compatible
   */
  public static List<String> check(
      final ParsedSchema candidate,
      final List<PreviousVersion> newestFirst,
      final CompatibilityLevel level) {
    if (level == CompatibilityLevel.NONE || newestFirst.isEmpty()) {
      return List.of();
    }
    final List<PreviousVersion> checked =
        level.transitive() ? newestFirst : newestFirst.subList(0, 1);
    for (final PreviousVersion previous : checked) {
      final List<String> problems = problems(candidate, previous.schema(), level);
      if (!problems.isEmpty()) {
        final List<String> messages = new ArrayList<>(problems);
        messages.add("{oldSchemaVersion: " + previous.version() + "}");
        messages.add("{oldSchema: '" + truncate(previous.schema().canonicalString()) + "'}");
        messages.add("{validateFields: 'false', compatibility: '" + level + "'}");
        return messages;
      }
    }
    return List.of();
  }

  private static List<String> problems(
      final ParsedSchema candidate, final ParsedSchema previous, final CompatibilityLevel level) {
    if (candidate.type() != previous.type()) {
      return List.of("Incompatible because of different schema type");
    }
    final List<String> problems = new ArrayList<>();
    if (level.oldReadsNew()) {
      problems.addAll(previous.readProblems(candidate, false));
    }
    if (level.newReadsOld()) {
      problems.addAll(candidate.readProblems(previous, true));
    }
    return problems;
  }

  private static String truncate(final String text) {
    return text.length() <= MAX_OLD_SCHEMA_CHARS
        ? text
        : text.substring(0, MAX_OLD_SCHEMA_CHARS) + "...<truncated>";
  }
}
