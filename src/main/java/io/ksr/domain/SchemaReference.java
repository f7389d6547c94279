package io.ksr.domain;

import java.util.Objects;

/** A named dependency of a schema on a version of another subject. */
public record SchemaReference(String name, String subject, int version) {
  public SchemaReference {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(subject, "subject can't be null");
  }
}
