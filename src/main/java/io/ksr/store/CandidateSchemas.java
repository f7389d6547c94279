package io.ksr.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.DataContracts;
import io.ksr.domain.Errors;
import io.ksr.domain.LookupRule;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * Schemas that a request brings to register, look up or check: parsed against the registry's state,
 * which resolves their references, and found among a subject's versions.
 */
public final class CandidateSchemas {
  private final SchemaResolver resolver;
  private final SettingsQueries settings;
  private final SubjectQueries subjects;
  private final RegistryReader reader;

  public CandidateSchemas(
      final SchemaResolver resolver,
      final SettingsQueries settings,
      final SubjectQueries subjects,
      final RegistryReader reader) {
    this.resolver = Objects.requireNonNull(resolver, "resolver can't be null");
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
    this.subjects = Objects.requireNonNull(subjects, "subjects can't be null");
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
  }

  /**
   * A parsed schema and the entry the store would hold for it.
   *
   * @param identity what makes it the same schema as a stored one, computed once
   */
  public record Candidate(ParsedSchema parsed, SchemaEntry entry, SchemaIdentity identity) {
    public Candidate(final ParsedSchema parsed, final SchemaEntry entry) {
      this(parsed, entry, entry.identity());
    }

    /** The same schema with other metadata and rule set. */
    Candidate with(final JsonNode metadata, final JsonNode ruleSet) {
      return new Candidate(
          parsed,
          new SchemaEntry(
              entry.schema(),
              entry.schemaType(),
              entry.references(),
              DataContracts.emptyToNull(metadata),
              DataContracts.emptyToNull(ruleSet)));
    }

    private LookupRule.Described described() {
      return LookupRule.Described.of(parsed, entry.references(), entry.metadata(), entry.ruleSet());
    }
  }

  /**
   * Parses a schema for a subject, with its references made concrete. A schema sent again with the
   * same references is not parsed again.
   *
   * @param normalize whether to store and compare it in normal form
   * @param isNew whether it is about to be registered: validated strictly, and it may not reference
   *     soft-deleted versions
   * @throws RegistryException 42201 when it does not parse or a reference is missing
   */
  public Candidate parse(
      final String subject,
      final SchemaType type,
      final String schema,
      final List<SchemaReference> references,
      final JsonNode metadata,
      final JsonNode ruleSet,
      final boolean normalize,
      final boolean isNew) {
    final SchemaResolver.Resolved resolved =
        resolver.resolve(QualifiedSubject.contextOf(subject), references, !isNew);
    final ParsedSchema parsed = resolver.parseSent(type, schema, resolved, normalize, isNew);
    final List<SchemaReference> stored =
        normalize ? SchemaReference.normalized(resolved.references()) : resolved.references();
    return new Candidate(
        parsed,
        new SchemaEntry(
            parsed.canonicalString(),
            type == SchemaType.AVRO ? null : type.name(),
            stored,
            DataContracts.emptyToNull(metadata),
            DataContracts.emptyToNull(ruleSet)));
  }

  /** Whether a request that did not ask to normalize gets it from the subject's config. */
  public boolean normalizes(final String subject, final boolean requested) {
    return requested || Boolean.TRUE.equals(settings.effectiveConfig(subject).normalize());
  }

  /**
   * The version of a subject that has this schema ({@code POST /subjects/{subject}}): the one with
   * its exact identity, else the newest that Confluent's {@link LookupRule} finds; failing both,
   * the same again with the metadata and rule set a registration would give it (the config's
   * defaults and overrides, or the latest version's), since stored versions carry them.
   *
   * @throws RegistryException 40401 when the subject has no version to match, 40403 when none
   *     matches
   */
  public RegisteredSchema lookup(
      final String subject, final Candidate candidate, final boolean includeDeleted) {
    final List<StoredVersion> shown = subjects.shownOrNotFound(subject, includeDeleted);
    final Optional<StoredVersion> found = find(subject, shown, candidate);
    if (found.isPresent()) {
      return subjects.registered(found.get());
    }
    final StoredVersion latest = latestLive(reader.versions(subject));
    if (latest == null) {
      throw Errors.schemaNotFound();
    }
    final Candidate filledIn = withInherited(subject, candidate, schemaOf(latest));
    if (filledIn.identity().equals(candidate.identity())) {
      throw Errors.schemaNotFound();
    }
    return find(subject, shown, filledIn)
        .map(subjects::registered)
        .orElseThrow(Errors::schemaNotFound);
  }

  /**
   * The live version of a subject that already has a sent schema, as a registration looks for it
   * before it decides anything: the one with its exact identity, else the newest that Confluent's
   * {@link LookupRule} finds.
   *
   * @param latestOnly whether only the latest live version may match ({@code "version": -1})
   */
  public Optional<StoredVersion> liveVersionWith(
      final String subject, final Candidate candidate, final boolean latestOnly) {
    final List<StoredVersion> live =
        reader.versions(subject).stream().filter(v -> !v.deleted()).toList();
    if (live.isEmpty()) {
      return Optional.empty();
    }
    final List<StoredVersion> among =
        latestOnly ? live.subList(live.size() - 1, live.size()) : live;
    return find(subject, among, candidate);
  }

  /** The live version of a subject whose schema has exactly this identity. */
  public Optional<StoredVersion> liveVersionWith(
      final String subject, final SchemaIdentity identity) {
    final List<StoredVersion> live =
        reader.versions(subject).stream().filter(v -> !v.deleted()).toList();
    return subjects.withIdentity(subject, live, identity);
  }

  /**
   * The newest live version of a subject that Confluent's {@link LookupRule} finds for a candidate,
   * among the versions whose id {@code acceptsId}.
   */
  public Optional<StoredVersion> newestLiveMatching(
      final String subject, final Candidate candidate, final IntPredicate acceptsId) {
    final List<StoredVersion> versions = reader.versions(subject);
    final LookupRule.Described sent = candidate.described();
    for (int i = versions.size() - 1; i >= 0; i--) {
      final StoredVersion version = versions.get(i);
      if (!version.deleted()
          && acceptsId.test(version.id())
          && LookupRule.matches(sent, described(version), version.version())) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  private Optional<StoredVersion> find(
      final String subject, final List<StoredVersion> versions, final Candidate candidate) {
    final Optional<StoredVersion> exact =
        subjects.withIdentity(subject, versions, candidate.identity());
    if (exact.isPresent()) {
      return exact;
    }
    final LookupRule.Described sent = candidate.described();
    for (int i = versions.size() - 1; i >= 0; i--) {
      final StoredVersion version = versions.get(i);
      if (LookupRule.matches(sent, described(version), version.version())) {
        return Optional.of(version);
      }
    }
    return Optional.empty();
  }

  /** A stored version as the lookup rule sees it; its schema is parsed only if the rule asks. */
  private LookupRule.Described described(final StoredVersion version) {
    final SchemaEntry entry = schemaOf(version);
    return new LookupRule.Described(
        entry.type(),
        () -> resolver.parseStored(version),
        entry.references(),
        entry.metadata(),
        entry.ruleSet());
  }

  /**
   * The candidate with the metadata and rule set a registration would give it: its own, or else the
   * latest version's, between the config's defaults and overrides.
   */
  private Candidate withInherited(
      final String subject, final Candidate candidate, final SchemaEntry latest) {
    final SchemaConfig config = settings.effectiveConfig(subject);
    final SchemaEntry entry = candidate.entry();
    return candidate.with(
        DataContracts.mergeMetadata(
            DataContracts.mergeMetadata(
                config.defaultMetadata(),
                entry.metadata() != null ? entry.metadata() : latest.metadata()),
            config.overrideMetadata()),
        DataContracts.mergeRuleSets(
            DataContracts.mergeRuleSets(
                config.defaultRuleSet(),
                entry.ruleSet() != null ? entry.ruleSet() : latest.ruleSet()),
            config.overrideRuleSet()));
  }

  private SchemaEntry schemaOf(final StoredVersion version) {
    return reader.schemaOf(version).orElseThrow(() -> Errors.schemaNotFound(version.id()));
  }

  private static StoredVersion latestLive(final List<StoredVersion> versions) {
    for (int i = versions.size() - 1; i >= 0; i--) {
      if (!versions.get(i).deleted()) {
        return versions.get(i);
      }
    }
    return null;
  }
}
