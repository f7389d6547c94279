package io.ksr.writer;

import io.ksr.domain.SchemaConfig;
import io.ksr.store.ConfigEntry;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.StoredMode;
import io.ksr.store.StoredVersion;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasValue;
import java.util.Optional;

/**
 * The {@code _schemas} records a decision appends. A record that replaces or removes an existing
 * key reuses that key's bytes, so that compaction supersedes the old record.
 */
final class Records {
  private static final String TENANT = "default";

  private Records() {}

  /** A version of a subject, new or rewritten (for example, soft-deleted). */
  static WriteRecord version(
      final String subject,
      final int version,
      final int id,
      final SchemaEntry schema,
      final boolean deleted,
      final byte[] existingKey) {
    return WriteRecord.of(
        new SchemasRecord(
            new SchemasKey.SchemaVersion(subject, version),
            new SchemasValue.Schema(
                subject,
                version,
                id,
                schema.schemaType(),
                schema.references(),
                schema.metadata(),
                schema.ruleSet(),
                schema.schema(),
                deleted)),
        existingKey);
  }

  /** A stored version again, soft-deleted. */
  static WriteRecord softDeleted(final StoredVersion version, final SchemaEntry schema) {
    return version(
        version.subject(), version.version(), version.id(), schema, true, version.rawKey());
  }

  /** The removal of a stored version (a hard delete). */
  static WriteRecord tombstone(final StoredVersion version) {
    return WriteRecord.of(
        new SchemasRecord(new SchemasKey.SchemaVersion(version.subject(), version.version()), null),
        version.rawKey());
  }

  /** A soft delete of every live version of a subject up to {@code version}. */
  static WriteRecord deleteSubject(final String subject, final int version) {
    return WriteRecord.of(
        new SchemasRecord(
            new SchemasKey.DeleteSubject(subject),
            new SchemasValue.DeleteSubject(subject, version)),
        null);
  }

  /** The announcement of a new context. */
  static WriteRecord context(final String context) {
    return WriteRecord.of(
        new SchemasRecord(
            new SchemasKey.Context(TENANT, context), new SchemasValue.Context(TENANT, context)),
        null);
  }

  /** The removal of a context that has no subjects left. */
  static WriteRecord contextTombstone(final String context) {
    return WriteRecord.of(new SchemasRecord(new SchemasKey.Context(TENANT, context), null), null);
  }

  /** A config at a scope (null: global). */
  static WriteRecord config(
      final String scope, final SchemaConfig config, final RegistryReader reader) {
    return WriteRecord.of(
        new SchemasRecord(new SchemasKey.Config(scope), new SchemasValue.Config(scope, config)),
        reader.config(scope).map(ConfigEntry::rawKey).orElse(null));
  }

  /** The removal of the config at a scope, if one is stored. */
  static Optional<WriteRecord> configTombstone(final String scope, final RegistryReader reader) {
    return reader
        .config(scope)
        .map(
            entry ->
                WriteRecord.of(
                    new SchemasRecord(new SchemasKey.Config(scope), null), entry.rawKey()));
  }

  /** A mode at a scope (null: global). */
  static WriteRecord mode(final String scope, final String mode, final RegistryReader reader) {
    return WriteRecord.of(
        new SchemasRecord(new SchemasKey.Mode(scope), new SchemasValue.Mode(scope, mode)),
        reader.mode(scope).map(StoredMode::rawKey).orElse(null));
  }

  /** The removal of the mode at a scope, if one is stored. */
  static Optional<WriteRecord> modeTombstone(final String scope, final RegistryReader reader) {
    return reader
        .mode(scope)
        .map(
            stored ->
                WriteRecord.of(
                    new SchemasRecord(new SchemasKey.Mode(scope), null), stored.rawKey()));
  }

  /** Forgets the soft-deleted versions at a scope (null: every subject). */
  static WriteRecord clearSubject(final String scope) {
    return WriteRecord.of(
        new SchemasRecord(new SchemasKey.ClearSubject(scope), new SchemasValue.ClearSubject(scope)),
        null);
  }
}
