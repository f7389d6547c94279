package io.ksr.client;

import java.util.Objects;

/** A version of a subject: its number, its schema id and its schema. */
public record SchemaVersion(String subject, int version, int id, SchemaString schema) {
  public SchemaVersion {
    Objects.requireNonNull(subject, "subject can't be null");
    Objects.requireNonNull(schema, "schema can't be null");
  }
}
