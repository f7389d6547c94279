package io.ksr.writer;

import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.domain.Subjects;
import io.ksr.store.ConfigEntry;
import io.ksr.store.KeyValueView;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.SchemaQueries;
import io.ksr.store.StoredVersion;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides what a command does, from the registry's state: it validates, checks compatibility,
 * allocates ids and versions, and says which {@code _schemas} records carry the change out. It
 * writes nothing itself, so it is the same code whether Kafka Streams or a test drives it.
 */
public final class CommandHandler {
  private final SchemaProviders providers;
  private final CompatibilityLevel defaultLevel;

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   */
  public CommandHandler(final SchemaProviders providers, final CompatibilityLevel defaultLevel) {
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel can't be null");
  }

  /**
   * Decides a command.
   *
   * @throws RegistryException when the command is refused; nothing is to be written then
   */
  public Decision handle(final Command command, final KeyValueView state) {
    if (command instanceof Command.RegisterSchema register) {
      return register(register, state);
    } else if (command instanceof Command.UpdateConfig update) {
      return updateConfig(update, state);
    }
    throw new IllegalStateException("every command type is handled above: " + command);
  }

  private Decision register(final Command.RegisterSchema command, final KeyValueView state) {
    final String subject = Subjects.validate(command.subject());
    final SchemaType type = SchemaType.parse(command.schemaType());
    final ParsedSchema schema = providers.parse(type, command.schema(), List.of(), true);
    final SchemaIdentity identity = SchemaIdentity.of(schema);
    final RegistryReader reader = new RegistryReader(state);
    final List<StoredVersion> versions = reader.versions(subject);
    final List<Integer> sameSchemaIds = reader.idsWithIdentity(identity);

    // Registering what the subject already has live is answered with what it has: no new version.
    for (final StoredVersion version : versions) {
      if (!version.deleted() && sameSchemaIds.contains(version.id())) {
        return new Decision(new Outcome.Registered(version.id(), version.version()), List.of());
      }
    }

    final CompatibilityLevel level =
        new SchemaQueries(state, defaultLevel).effectiveCompatibility(subject);
    final List<String> problems =
        CompatibilityChecker.check(schema, liveNewestFirst(subject, versions, reader), level);
    if (!problems.isEmpty()) {
      throw new RegistryException(
          ErrorCode.INCOMPATIBLE_SCHEMA,
          "Schema being registered is incompatible with an earlier schema for subject \""
              + subject
              + "\", details: "
              + problems);
    }

    final int id = sameSchemaIds.isEmpty() ? reader.maxId() + 1 : sameSchemaIds.get(0);
    final int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
    final List<WriteRecord> records = new ArrayList<>();
    // A soft-deleted earlier version with the same id is superseded by the new one, as in
    // Confluent.
    for (final StoredVersion old : versions) {
      if (old.deleted() && old.id() == id) {
        records.add(
            WriteRecord.of(
                new SchemasRecord(new SchemasKey.SchemaVersion(subject, old.version()), null),
                old.rawKey()));
      }
    }
    records.add(
        WriteRecord.of(
            new SchemasRecord(
                new SchemasKey.SchemaVersion(subject, version),
                new SchemasValue.Schema(
                    subject,
                    version,
                    id,
                    type == SchemaType.AVRO ? null : type.name(),
                    List.of(),
                    null,
                    null,
                    schema.canonicalString(),
                    false)),
            null));
    return new Decision(new Outcome.Registered(id, version), records);
  }

  private Decision updateConfig(final Command.UpdateConfig command, final KeyValueView state) {
    final String subject = command.subject() == null ? null : Subjects.validate(command.subject());
    final CompatibilityLevel level = CompatibilityLevel.parse(command.compatibility());
    final byte[] existingKey =
        new RegistryReader(state).config(subject).map(ConfigEntry::rawKey).orElse(null);
    final WriteRecord record =
        WriteRecord.of(
            new SchemasRecord(
                new SchemasKey.Config(subject), new SchemasValue.Config(subject, level.name())),
            existingKey);
    return new Decision(new Outcome.ConfigUpdated(level.name()), List.of(record));
  }

  private List<PreviousVersion> liveNewestFirst(
      final String subject, final List<StoredVersion> versions, final RegistryReader reader) {
    final List<PreviousVersion> previous = new ArrayList<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      final StoredVersion version = versions.get(i);
      if (!version.deleted()) {
        previous.add(new PreviousVersion(version.version(), parseStored(subject, version, reader)));
      }
    }
    return previous;
  }

  private ParsedSchema parseStored(
      final String subject, final StoredVersion version, final RegistryReader reader) {
    final SchemaEntry entry =
        reader.schema(version.id()).orElseThrow(() -> Errors.schemaNotFound(version.id()));
    try {
      return providers.parse(entry.type(), entry.schema(), List.of(), false);
    } catch (final RegistryException e) {
      throw Errors.invalidSchema(
          "Version "
              + version.version()
              + " of subject '"
              + subject
              + "' cannot be read to check compatibility: "
              + e.getMessage());
    }
  }
}
