package io.ksr.writer;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.ConfluentVersion;
import io.ksr.domain.DataContracts;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.Errors;
import io.ksr.domain.Mode;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.StoredVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides a registration as Confluent's registry does: a schema the subject already has answered at
 * once, then mode checks, inherited metadata and rules, the same schema answered with what the
 * subject has, the compatibility check, then the next version and a new or reused id.
 */
final class RegisterDecider {
  Decision decide(final Command.RegisterSchema request, final RegistryQueries queries) {
    final Command.RegisterSchema command = RegistrationCheck.validate(request);
    final String subject = command.subject();
    final Optional<Outcome.Registered> known =
        RegistrationCheck.alreadyRegistered(command, queries);
    if (known.isPresent()) {
      return new Decision(known.get(), List.of());
    }
    final String context = QualifiedSubject.contextOf(subject);
    final RegistryReader reader = queries.reader();
    final boolean hasId = command.hasId();
    final Mode mode = queries.settings().effectiveMode(subject);
    if (mode.isReadOnly()) {
      throw Errors.readOnlyMode(subject);
    } else if (hasId && mode != Mode.IMPORT) {
      throw Errors.notImportMode(subject);
    } else if (!hasId && mode != Mode.READWRITE) {
      throw Errors.notReadWriteMode(subject);
    }
    final boolean importing = mode == Mode.IMPORT;
    final SchemaConfig config = queries.settings().effectiveConfig(subject);
    final List<StoredVersion> versions = reader.versions(subject);
    final OptionalInt nextVersion = nextVersion(versions);
    final SchemaEntry latest = latestLive(versions, reader);

    String text = command.schema();
    SchemaType type = SchemaType.parse(command.schemaType());
    List<SchemaReference> references = command.references();
    JsonNode metadata = command.metadata();
    JsonNode ruleSet = command.ruleSet();
    if (!importing) {
      if (text == null || text.isBlank()) {
        if (latest == null) {
          throw Errors.invalidSchema("Empty schema");
        }
        text = latest.schema();
        type = latest.type();
        references = latest.references();
      }
      metadata =
          DataContracts.mergeMetadata(
              DataContracts.mergeMetadata(
                  config.defaultMetadata(),
                  metadata != null ? metadata : latest == null ? null : latest.metadata()),
              config.overrideMetadata());
      ruleSet =
          DataContracts.mergeRuleSets(
              DataContracts.mergeRuleSets(
                  config.defaultRuleSet(),
                  ruleSet != null ? ruleSet : latest == null ? null : latest.ruleSet()),
              config.overrideRuleSet());
      // Confluent keeps confluent:version up to date once a client has asked for a version.
      final boolean versionAsked = command.version() != null && command.version() != 0;
      // A subject with no version left keeps the metadata it has: its next version is refused
      // below, unless the schema turns out to be one it has already.
      if (nextVersion.isPresent() && (versionAsked || ConfluentVersion.isIn(metadata))) {
        metadata = ConfluentVersion.with(metadata, nextVersion.getAsInt());
      }
    }

    final Candidate candidate =
        queries
            .candidates()
            .parse(
                subject,
                type,
                text,
                references,
                metadata,
                ruleSet,
                !importing && queries.candidates().normalizes(subject, command.normalize()),
                !hasId);
    final ParsedSchema parsed = candidate.parsed();
    final SchemaEntry entry = candidate.entry();
    final SchemaIdentity identity = entry.identity();

    final List<Integer> sameIds = reader.idsWithIdentity(context, identity);
    final boolean versionGiven = command.hasVersion();
    Integer reusedId = null;
    if (!sameIds.isEmpty() && (!hasId || sameIds.contains(command.id()))) {
      reusedId = hasId ? command.id() : sameIds.get(0);
      final StoredVersion existing = liveWithIdentity(versions, sameIds, versionGiven, command);
      if (existing != null) {
        return new Decision(new Outcome.Registered(existing.id(), existing.version()), List.of());
      }
    }
    // As Confluent's registry does, a schema that is not new by its identity may still be an
    // existing version by the lookup rule (sent with its references inline, or differing only in
    // confluent:version).
    if (command.version() == null || command.version() == 0) {
      final Integer onlyId = hasId ? command.id() : reusedId;
      final Optional<StoredVersion> same =
          queries
              .candidates()
              .newestLiveMatching(subject, candidate, id -> onlyId == null || onlyId == id);
      if (same.isPresent()) {
        return new Decision(
            new Outcome.Registered(same.get().id(), same.get().version()), List.of());
      }
    }

    if (!importing && !command.force()) {
      final List<String> problems =
          queries.compatibility().check(subject, parsed, entry.metadata());
      if (!problems.isEmpty()) {
        throw new RegistryException(
            ErrorCode.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: "
                + problems);
      }
    }

    final int version = version(command, subject, nextVersion, importing);
    final int id;
    if (hasId) {
      reader
          .schema(context, command.id())
          .filter(stored -> !stored.identity().equals(identity))
          .ifPresent(
              stored -> {
                throw Errors.operationNotPermitted(
                    "Overwrite new schema with id "
                        + command.id()
                        + " in context "
                        + context
                        + " is not permitted.");
              });
      id = command.id();
    } else {
      id = reusedId != null ? reusedId : newId(reader, context);
    }

    final List<WriteRecord> records = new ArrayList<>();
    if (!QualifiedSubject.DEFAULT_CONTEXT.equals(context) && !reader.contexts().contains(context)) {
      records.add(Records.context(context));
    }
    // A soft-deleted earlier version with the same id is superseded by the new one, as in
    // Confluent, unless a schema still references it, even a soft-deleted one.
    for (final StoredVersion old : versions) {
      if (old.deleted()
          && old.id() == id
          && old.version() < version
          && reader.referrers(subject, old.version()).isEmpty()) {
        records.add(Records.tombstone(old));
      }
    }
    records.add(Records.version(subject, version, id, entry, false, null));
    return new Decision(new Outcome.Registered(id, version), records);
  }

  /** One more than the subject's highest version, or none when that is the highest there is. */
  private static OptionalInt nextVersion(final List<StoredVersion> versions) {
    if (versions.isEmpty()) {
      return OptionalInt.of(1);
    }
    final int highest = versions.get(versions.size() - 1).version();
    return highest == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(highest + 1);
  }

  /**
   * The version a new schema gets: in IMPORT the one it is given (gaps allowed), otherwise the
   * next.
   *
   * @throws RegistryException 42205 when the subject has no version left, 42201 when a version is
   *     given outside IMPORT that is not the next
   */
  private static int version(
      final Command.RegisterSchema command,
      final String subject,
      final OptionalInt nextVersion,
      final boolean importing) {
    if (command.hasVersion() && importing) {
      return command.version();
    }
    final int next = nextVersion.orElseThrow(() -> Errors.versionsExhausted(subject));
    if (command.hasVersion() && command.version() != next) {
      throw Errors.invalidSchema("Version is not one more than previous version");
    }
    return next;
  }

  /**
   * One more than the highest id the context has ever had.
   *
   * @throws RegistryException 42205 when that is the highest id there is
   */
  private static int newId(final RegistryReader reader, final String context) {
    final int highest = reader.maxId(context);
    if (highest == Integer.MAX_VALUE) {
      throw Errors.idsExhausted(context);
    }
    return highest + 1;
  }

  /** The live version of the subject that already has this schema, if the request allows it. */
  private static StoredVersion liveWithIdentity(
      final List<StoredVersion> versions,
      final List<Integer> sameIds,
      final boolean versionGiven,
      final Command.RegisterSchema command) {
    for (final StoredVersion version : versions) {
      if (!version.deleted()
          && sameIds.contains(version.id())
          && (command.id() == null || command.id() < 0 || version.id() == command.id())
          && (!versionGiven || version.version() == command.version())) {
        return version;
      }
    }
    return null;
  }

  private static SchemaEntry latestLive(
      final List<StoredVersion> versions, final RegistryReader reader) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).deleted()) {
        return reader.schemaOf(versions.get(i)).orElse(null);
      }
    }
    return null;
  }
}
