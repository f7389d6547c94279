package io.ksr.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.DataContracts;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.Objects;

/**
 * Schemas that a request brings to register, look up or check: parsed against the registry's state,
 * which resolves their references, and found among a subject's versions.
 */
public final class CandidateSchemas {
  private final SchemaResolver resolver;
  private final SettingsQueries settings;
  private final SubjectQueries subjects;

  public CandidateSchemas(
      final SchemaResolver resolver,
      final SettingsQueries settings,
      final SubjectQueries subjects) {
    this.resolver = Objects.requireNonNull(resolver, "resolver can't be null");
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
    this.subjects = Objects.requireNonNull(subjects, "subjects can't be null");
  }

  /** A parsed schema and the entry the store would hold for it. */
  public record Candidate(ParsedSchema parsed, SchemaEntry entry) {
    /** What makes it the same schema as a stored one. */
    public SchemaIdentity identity() {
      return entry.identity();
    }
  }

  /**
   * Parses a schema for a subject, with its references made concrete.
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
    ParsedSchema parsed = resolver.parse(type, schema, resolved, isNew);
    List<SchemaReference> stored = resolved.references();
    if (normalize) {
      parsed = parsed.normalize();
      stored = SchemaReference.normalized(stored);
    }
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
   * The version of a subject that has this schema. Stored versions carry the config's default and
   * override metadata and rules, so a client that sends the bare schema finds them too.
   *
   * @throws RegistryException 40401 when the subject has no version to match, 40403 when none
   *     matches
   */
  public RegisteredSchema lookup(
      final String subject, final Candidate candidate, final boolean includeDeleted) {
    try {
      return subjects.lookup(subject, candidate.identity(), includeDeleted);
    } catch (final RegistryException notFound) {
      final SchemaConfig config = settings.effectiveConfig(subject);
      final SchemaEntry entry = candidate.entry();
      final SchemaEntry withDefaults =
          new SchemaEntry(
              entry.schema(),
              entry.schemaType(),
              entry.references(),
              DataContracts.mergeMetadata(
                  DataContracts.mergeMetadata(config.defaultMetadata(), entry.metadata()),
                  config.overrideMetadata()),
              DataContracts.mergeRuleSets(
                  DataContracts.mergeRuleSets(config.defaultRuleSet(), entry.ruleSet()),
                  config.overrideRuleSet()));
      if (withDefaults.identity().equals(candidate.identity())) {
        throw notFound;
      }
      return subjects.lookup(subject, withDefaults.identity(), includeDeleted);
    }
  }
}
