package io.ksr.store;

import io.ksr.domain.Errors;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.Versions;
import io.ksr.store.RegistryReader.Referrer;
import io.ksr.store.RegistryReader.SubjectSummary;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Subjects and their versions with Confluent's semantics: soft-deleted versions are hidden unless
 * asked for, {@code latest} means the highest live version, and misses are the matching 404 errors.
 */
public final class SubjectQueries {
  private final RegistryReader reader;

  public SubjectQueries(final RegistryReader reader) {
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
  }

  /** Which versions a read shows. */
  public enum Visibility {
    /** Live versions only; the default. */
    LIVE,
    /** Live and soft-deleted versions ({@code deleted=true}). */
    ALL,
    /** Soft-deleted versions only ({@code deletedOnly=true}). */
    DELETED_ONLY;

    /** The visibility that a request's {@code deleted} and {@code deletedOnly} flags ask for. */
    public static Visibility of(final boolean deleted, final boolean deletedOnly) {
      return deletedOnly ? DELETED_ONLY : deleted ? ALL : LIVE;
    }

    boolean shows(final StoredVersion version) {
      return switch (this) {
        case LIVE -> !version.deleted();
        case ALL -> true;
        case DELETED_ONLY -> version.deleted();
      };
    }

    boolean shows(final SubjectSummary subject) {
      return switch (this) {
        case LIVE -> subject.liveVersions() > 0;
        case ALL -> true;
        case DELETED_ONLY -> subject.liveVersions() == 0;
      };
    }
  }

  /**
   * Subjects in order.
   *
   * @param prefix {@code null} or {@link QualifiedSubject#ALL_CONTEXTS} for every context; a
   *     qualified prefix ({@code :.ctx:na}) for subjects of that context; else a prefix of subjects
   *     in the default context
   */
  public List<String> subjects(final String prefix, final Visibility visibility) {
    return summaries(prefix).stream()
        .filter(visibility::shows)
        .map(SubjectSummary::subject)
        .toList();
  }

  /** The subjects a prefix selects, as {@link #subjects} describes, soft-deleted ones included. */
  List<SubjectSummary> summaries(final String prefix) {
    if (prefix == null || prefix.startsWith(QualifiedSubject.ALL_CONTEXTS)) {
      final String name = prefix == null ? "" : prefix.substring(3);
      final Predicate<String> matches = s -> QualifiedSubject.parse(s).name().startsWith(name);
      return reader.subjects("").stream().filter(s -> matches.test(s.subject())).toList();
    }
    final QualifiedSubject qualified = QualifiedSubject.parse(prefix);
    if (!qualified.isDefaultContext()) {
      return reader.subjects(prefix);
    }
    return reader.subjects(qualified.name()).stream()
        .filter(s -> QualifiedSubject.parse(s.subject()).isDefaultContext())
        .toList();
  }

  /**
   * The version numbers of a subject that a read shows, lowest first.
   *
   * @throws RegistryException 40401 when it shows none
   */
  public List<Integer> versions(final String subject, final Visibility visibility) {
    return versions(subject, visibility, false);
  }

  /**
   * The version numbers of a subject that a read shows, lowest first.
   *
   * @param deletedAsNegative write soft-deleted versions as negative numbers (Confluent 8)
   * @throws RegistryException 40401 when it shows none
   */
  public List<Integer> versions(
      final String subject, final Visibility visibility, final boolean deletedAsNegative) {
    final List<Integer> versions =
        reader.versions(subject).stream()
            .filter(visibility::shows)
            .map(v -> deletedAsNegative && v.deleted() ? -v.version() : v.version())
            .toList();
    if (versions.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    return versions;
  }

  /**
   * A version of a subject; {@link Versions#LATEST} is the highest live one, even when soft-deleted
   * versions are asked for.
   *
   * @param includeDeleted whether a soft-deleted version is found too ({@code deleted=true})
   * @throws RegistryException 40401 when the subject has no version the read shows, 40402 when that
   *     version is not one of them
   */
  public RegisteredSchema version(
      final String subject, final int version, final boolean includeDeleted) {
    final List<StoredVersion> shown = shownOrNotFound(subject, includeDeleted);
    final StoredVersion found;
    if (version == Versions.LATEST) {
      final List<StoredVersion> live = shown.stream().filter(v -> !v.deleted()).toList();
      if (live.isEmpty()) {
        throw Errors.versionNotFound(version);
      }
      found = live.get(live.size() - 1);
    } else {
      found =
          shown.stream()
              .filter(v -> v.version() == version)
              .findFirst()
              .orElseThrow(() -> Errors.versionNotFound(version));
    }
    return registered(found);
  }

  /** A live version of a subject. */
  public RegisteredSchema version(final String subject, final int version) {
    return version(subject, version, false);
  }

  /**
   * The version among {@code versions} of a subject whose schema has this identity: a live one
   * before a soft-deleted one, else the oldest.
   */
  Optional<StoredVersion> withIdentity(
      final String subject, final List<StoredVersion> versions, final SchemaIdentity identity) {
    final String hex = identity.toString();
    final List<Integer> ids =
        versions.stream().allMatch(v -> v.identity() != null)
            ? List.of()
            : reader.idsWithIdentity(QualifiedSubject.contextOf(subject), identity);
    return versions.stream()
        .filter(v -> v.identity() != null ? v.identity().equals(hex) : ids.contains(v.id()))
        .reduce((first, second) -> first.deleted() && !second.deleted() ? second : first);
  }

  /**
   * The ids of the live schemas that reference a version of a subject, lowest first; a soft-deleted
   * schema no longer counts as referencing anything, as in Confluent.
   *
   * @param shown which referring subjects the reader may see
   * @throws RegistryException 40401 or 40402 when there is no such version, soft-deleted or not
   */
  public List<Integer> referencedBy(
      final String subject, final int version, final Predicate<String> shown) {
    final RegisteredSchema referenced = version(subject, version, true);
    final TreeSet<Integer> ids = new TreeSet<>();
    referrers(subject, referenced.version(), false).stream()
        .filter(referrer -> shown.test(referrer.subject()))
        .forEach(referrer -> ids.add(referrer.id()));
    return List.copyOf(ids);
  }

  /**
   * The versions that reference a subject-version.
   *
   * @param includeSoftDeleted whether soft-deleted referrers count, as they do for a hard delete
   */
  public List<Referrer> referrers(
      final String subject, final int version, final boolean includeSoftDeleted) {
    final List<Referrer> referrers = reader.referrers(subject, version);
    return includeSoftDeleted
        ? referrers
        : referrers.stream().filter(r -> !isSoftDeleted(r)).toList();
  }

  /**
   * The latest version of a subject whose metadata has all these properties.
   *
   * @throws RegistryException 40401 when the subject has no version to match, 40403 when none
   *     matches
   */
  public RegisteredSchema latestWithMetadata(
      final String subject, final Map<String, String> properties, final boolean includeDeleted) {
    final List<StoredVersion> shown = shownOrNotFound(subject, includeDeleted);
    for (int i = shown.size() - 1; i >= 0; i--) {
      final RegisteredSchema candidate = registered(shown.get(i));
      if (hasProperties(candidate.schema(), properties)) {
        return candidate;
      }
    }
    throw Errors.schemaNotFound();
  }

  /** The versions a read shows, failing with 40401 when there are none. */
  List<StoredVersion> shownOrNotFound(final String subject, final boolean includeDeleted) {
    final Visibility visibility = includeDeleted ? Visibility.ALL : Visibility.LIVE;
    final List<StoredVersion> shown =
        reader.versions(subject).stream().filter(visibility::shows).toList();
    if (shown.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    return shown;
  }

  private boolean isSoftDeleted(final Referrer referrer) {
    return reader
        .version(referrer.subject(), referrer.version())
        .map(StoredVersion::deleted)
        .orElse(true);
  }

  private static boolean hasProperties(
      final SchemaEntry schema, final Map<String, String> properties) {
    if (schema.metadata() == null) {
      return properties.isEmpty();
    }
    return properties.entrySet().stream()
        .allMatch(
            p ->
                p.getValue()
                    .equals(schema.metadata().path("properties").path(p.getKey()).asText(null)));
  }

  /** A stored version with its schema. */
  RegisteredSchema registered(final StoredVersion version) {
    final SchemaEntry schema =
        reader.schemaOf(version).orElseThrow(() -> Errors.schemaNotFound(version.id()));
    return new RegisteredSchema(
        version.subject(), version.version(), version.id(), version.deleted(), schema);
  }
}
