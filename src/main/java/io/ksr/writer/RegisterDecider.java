package io.ksr.writer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.ksr.domain.Subjects;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.StoredVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides a registration as Confluent's registry does: mode checks, inherited metadata and rules,
 * the same schema answered with what the subject has, the compatibility check, then the next
 * version and a new or reused id.
 */
final class RegisterDecider {
  private static final String VERSION_PROPERTY = "confluent:version";

  Decision decide(final Command.RegisterSchema command, final RegistryQueries queries) {
    final String subject = Subjects.validateForSchemas(command.subject());
    final String context = QualifiedSubject.contextOf(subject);
    final RegistryReader reader = queries.reader();
    final boolean hasId = command.id() != null && command.id() >= 0;
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
    final int nextVersion =
        versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
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
      if (versionAsked || hasVersionProperty(metadata)) {
        metadata = withVersionProperty(metadata, nextVersion);
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
    final boolean versionGiven = command.version() != null && command.version() > 0;
    Integer reusedId = null;
    if (!sameIds.isEmpty() && (!hasId || sameIds.contains(command.id()))) {
      reusedId = hasId ? command.id() : sameIds.get(0);
      final StoredVersion existing = liveWithIdentity(versions, sameIds, versionGiven, command);
      if (existing != null) {
        return new Decision(new Outcome.Registered(existing.id(), existing.version()), List.of());
      }
    }
    // Only schemas that carry confluent:version, or follow one that does, can differ in it alone;
    // everything else skips comparing with every version of the subject.
    if (!hasId
        && !versionGiven
        && (hasVersionProperty(entry.metadata())
            || (latest != null && hasVersionProperty(latest.metadata())))) {
      final StoredVersion same = liveIgnoringVersionProperty(versions, entry, reader);
      if (same != null) {
        return new Decision(new Outcome.Registered(same.id(), same.version()), List.of());
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

    final int version = versionGiven ? command.version() : nextVersion;
    if (!importing && version != nextVersion) {
      throw Errors.invalidSchema("Version is not one more than previous version");
    }
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
      id = reusedId != null ? reusedId : reader.maxId(context) + 1;
    }

    final List<WriteRecord> records = new ArrayList<>();
    if (!QualifiedSubject.DEFAULT_CONTEXT.equals(context) && !reader.contexts().contains(context)) {
      records.add(Records.context(context));
    }
    // A soft-deleted earlier version with the same id is superseded by the new one, as in
    // Confluent, unless a schema still references it.
    for (final StoredVersion old : versions) {
      if (old.deleted()
          && old.id() == id
          && old.version() < version
          && queries.subjects().liveReferrers(subject, old.version()).isEmpty()) {
        records.add(Records.tombstone(old));
      }
    }
    records.add(Records.version(subject, version, id, entry, false, null));
    return new Decision(new Outcome.Registered(id, version), records);
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

  /**
   * The newest live version that differs only in the {@code confluent:version} property, which
   * Confluent sets to each new version's number and so must not make the same schema new.
   */
  private static StoredVersion liveIgnoringVersionProperty(
      final List<StoredVersion> versions, final SchemaEntry entry, final RegistryReader reader) {
    final SchemaIdentity wanted = withoutVersionProperty(entry).identity();
    for (int i = versions.size() - 1; i >= 0; i--) {
      final StoredVersion version = versions.get(i);
      if (!version.deleted()
          && reader
              .schemaOf(version)
              .map(stored -> withoutVersionProperty(stored).identity().equals(wanted))
              .orElse(false)) {
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

  private static boolean hasVersionProperty(final JsonNode metadata) {
    return metadata != null && metadata.path("properties").has(VERSION_PROPERTY);
  }

  private static JsonNode withVersionProperty(final JsonNode metadata, final int version) {
    final ObjectNode properties = JsonNodeFactory.instance.objectNode();
    properties.put(VERSION_PROPERTY, Integer.toString(version));
    final ObjectNode overlay = JsonNodeFactory.instance.objectNode();
    overlay.set("properties", properties);
    return DataContracts.mergeMetadata(metadata, overlay);
  }

  private static SchemaEntry withoutVersionProperty(final SchemaEntry entry) {
    if (!hasVersionProperty(entry.metadata())) {
      return entry;
    }
    final ObjectNode metadata = entry.metadata().deepCopy();
    ((ObjectNode) metadata.get("properties")).remove(VERSION_PROPERTY);
    if (metadata.get("properties").isEmpty()) {
      metadata.remove("properties");
    }
    return new SchemaEntry(
        entry.schema(),
        entry.schemaType(),
        entry.references(),
        DataContracts.emptyToNull(metadata),
        entry.ruleSet());
  }
}
