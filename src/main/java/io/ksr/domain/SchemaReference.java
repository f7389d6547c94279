package io.ksr.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A named dependency of a schema on a version of another subject. */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(subject, "subject can't be null");
  }

  /**
   * References as {@code normalize=true} stores them: by subject, then version, without duplicates.
   */
  public static List<SchemaReference> normalized(final List<SchemaReference> references) {
    return references.stream()
        .distinct()
        .sorted(
            Comparator.comparing(SchemaReference::subject)
                .thenComparingInt(SchemaReference::version)
                .thenComparing(SchemaReference::name))
        .toList();
  }
}
