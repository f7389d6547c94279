package io.ksr.store;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Errors;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.Versions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's read operations with Confluent's semantics: soft-deleted versions are hidden,
 * {@code latest} means the highest live version, and misses are the matching 404 errors.
 */
public final class SchemaQueries {
  private final RegistryReader reader;
  private final CompatibilityLevel defaultLevel;

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   */
  public SchemaQueries(final KeyValueView kv, final CompatibilityLevel defaultLevel) {
    this.reader = new RegistryReader(kv);
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel can't be null");
  }

  /** The schema an id stands for; soft-deleted versions keep their id resolvable. */
  public SchemaEntry schemaById(final int id) {
    return reader.schema(id).orElseThrow(() -> Errors.schemaNotFound(id));
  }

  /** Subjects with at least one live version, in order. */
  public List<String> subjects() {
    return reader.subjects(true);
  }

  /**
   * The live version numbers of a subject, lowest first.
   *
   * @throws RegistryException 40401 when the subject has no live version
   */
  public List<Integer> versions(final String subject) {
    final List<Integer> versions =
        liveVersions(subject).stream().map(StoredVersion::version).toList();
    if (versions.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    return versions;
  }

  /**
   * A live version of a subject.
   *
   * @param version a version number or {@link Versions#LATEST}
   * @throws RegistryException 40401 when the subject has no live version, 40402 when that version
   *     is not live
   */
  public RegisteredSchema version(final String subject, final int version) {
    final List<StoredVersion> live = liveVersions(subject);
    if (live.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    final StoredVersion found =
        version == Versions.LATEST
            ? live.get(live.size() - 1)
            : live.stream()
                .filter(v -> v.version() == version)
                .findFirst()
                .orElseThrow(() -> Errors.versionNotFound(version));
    return registered(found);
  }

  /**
   * The live version of a subject whose schema has this identity.
   *
   * @throws RegistryException 40401 when the subject has no live version, 40403 when none matches
   */
  public RegisteredSchema lookup(final String subject, final SchemaIdentity identity) {
    final List<StoredVersion> live = liveVersions(subject);
    if (live.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    final List<Integer> ids = reader.idsWithIdentity(identity);
    return live.stream()
        .filter(v -> ids.contains(v.id()))
        .findFirst()
        .map(this::registered)
        .orElseThrow(Errors::schemaNotFound);
  }

  /** The global compatibility level, or the configured default when none is stored. */
  public CompatibilityLevel globalCompatibility() {
    return storedLevel(null).orElse(defaultLevel);
  }

  /** The compatibility level stored for the subject itself, if any. */
  public Optional<CompatibilityLevel> subjectCompatibility(final String subject) {
    return storedLevel(subject);
  }

  /** The level that applies to a subject: its own, else the global one, else the default. */
  public CompatibilityLevel effectiveCompatibility(final String subject) {
    return storedLevel(subject).orElseGet(this::globalCompatibility);
  }

  private Optional<CompatibilityLevel> storedLevel(final String subject) {
    return reader
        .config(subject)
        .map(ConfigEntry::compatibilityLevel)
        .flatMap(SchemaQueries::parseStoredLevel);
  }

  private static Optional<CompatibilityLevel> parseStoredLevel(final String level) {
    try {
      return Optional.of(CompatibilityLevel.parse(level));
    } catch (final RegistryException e) {
      // A level that another writer stored and we cannot read counts as no level at all.
      return Optional.empty();
    }
  }

  private List<StoredVersion> liveVersions(final String subject) {
    return reader.versions(subject).stream().filter(v -> !v.deleted()).toList();
  }

  private RegisteredSchema registered(final StoredVersion version) {
    final SchemaEntry schema =
        reader.schema(version.id()).orElseThrow(() -> Errors.schemaNotFound(version.id()));
    return new RegisteredSchema(version.subject(), version.version(), version.id(), schema);
  }
}
