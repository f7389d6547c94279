package io.ksr.store.record;

import java.util.Objects;

/**
 * A key of the {@code _schemas} topic. Keys are compared by content (keytype, subject, version),
 * never by their bytes, because older writers laid the same key out differently.
 */
public sealed interface SchemasKey {

  /** A version of a subject; its value is a {@link SchemasValue.Schema}. */
  record SchemaVersion(String subject, int version) implements SchemasKey {
    public SchemaVersion {
      Objects.requireNonNull(subject, "subject can't be null");
    }
  }

  /** The compatibility settings of a subject, or the global ones when {@code subject} is null. */
  record Config(String subject) implements SchemasKey {}

  /** The mode of a subject, or the global mode when {@code subject} is null. */
  record Mode(String subject) implements SchemasKey {}

  /** A soft delete of every version of a subject up to a version. */
  record DeleteSubject(String subject) implements SchemasKey {
    public DeleteSubject {
      Objects.requireNonNull(subject, "subject can't be null");
    }
  }

  /** Forgets the soft-deleted versions of a subject, or of every subject when it is null. */
  record ClearSubject(String subject) implements SchemasKey {}

  /** A record with no effect, written to learn how far the topic reaches. */
  record Noop() implements SchemasKey {}

  /** Announces a schema context. */
  record Context(String tenant, String context) implements SchemasKey {}
}
