package io.ksr.domain;

import java.util.Objects;

/**
 * A schema that another schema references, looked up in the registry: its name in the referencing
 * schema, where it is registered, and its text.
 *
 * @param subject the subject it is registered under, qualified with its context
 * @param version the concrete version (never {@code latest})
 */
public record ResolvedReference(
    String name, String subject, int version, SchemaType type, String schema) {
  public ResolvedReference {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(subject, "subject can't be null");
    Objects.requireNonNull(type, "type can't be null");
    Objects.requireNonNull(schema, "schema can't be null");
  }
}
