package io.ksr.store;

import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.domain.Versions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/** Looks up the schemas that a schema references, in the registry, and parses schemas with them. */
public final class SchemaResolver {
  private final RegistryReader reader;
  private final SchemaProviders providers;
  private final ParsedSchemaCache cache;

  public SchemaResolver(
      final RegistryReader reader, final SchemaProviders providers, final ParsedSchemaCache cache) {
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.cache = Objects.requireNonNull(cache, "cache can't be null");
  }

  /**
   * References with concrete versions, and every schema they lead to.
   *
   * @param references as stored, with versions that name a version (not {@code latest})
   * @param closure what {@link SchemaProviders#parse} needs: each schema after those it references
   */
  public record Resolved(List<SchemaReference> references, List<ResolvedReference> closure) {}

  /**
   * Resolves a request's references: {@code -1} becomes the latest live version.
   *
   * @param context the context of the referencing subject, where unqualified subjects are looked up
   * @param allowSoftDeleted whether a soft-deleted version may be referenced (lookups, not new
   *     registrations)
   * @throws RegistryException 42201 when a reference names no version
   */
  public Resolved resolve(
      final String context,
      final List<SchemaReference> references,
      final boolean allowSoftDeleted) {
    final List<SchemaReference> concrete = new ArrayList<>();
    for (final SchemaReference reference : references) {
      final StoredVersion version = find(context, reference, allowSoftDeleted);
      concrete.add(new SchemaReference(reference.name(), reference.subject(), version.version()));
    }
    return new Resolved(concrete, closure(context, concrete, allowSoftDeleted));
  }

  /**
   * Every subject that references lead to, directly or through other references, qualified with its
   * context: what a resolved rendering of the schema, or a check of it, shows.
   *
   * @param references as a request or a stored schema has them; {@code -1} means the latest
   * @throws RegistryException 42201 when a reference names no version
   */
  public List<String> referencedSubjects(
      final String context, final List<SchemaReference> references) {
    return resolve(context, references, true).closure().stream()
        .map(ResolvedReference::subject)
        .distinct()
        .toList();
  }

  /** Parses a schema whose references {@link #resolve} resolved. */
  public ParsedSchema parse(
      final SchemaType type, final String schema, final Resolved resolved, final boolean isNew) {
    return providers.parse(type, schema, resolved.closure(), isNew);
  }

  /**
   * Parses a schema a request sent, whose references {@link #resolve} resolved, and puts it in
   * normal form when asked; a schema sent again with the same references is not parsed again.
   */
  public ParsedSchema parseSent(
      final SchemaType type,
      final String schema,
      final Resolved resolved,
      final boolean normalize,
      final boolean isNew) {
    return cache.sent(
        type,
        schema,
        resolved.closure(),
        normalize,
        isNew,
        () -> {
          final ParsedSchema parsed = parse(type, schema, resolved, isNew);
          return normalize ? parsed.normalize() : parsed;
        });
  }

  /** Parses a schema whose references have concrete versions. */
  public ParsedSchema parse(
      final String context,
      final SchemaType type,
      final String schema,
      final List<SchemaReference> references,
      final boolean isNew) {
    return providers.parse(type, schema, closure(context, references, true), isNew);
  }

  /** Parses a schema the registry holds. */
  public ParsedSchema parseStored(final String context, final SchemaEntry entry) {
    return cache.get(
        context,
        entry.identity().toString(),
        () -> parse(context, entry.type(), entry.schema(), entry.references(), false));
  }

  /**
   * Parses the schema a stored version carries; it reads the schema only when it is not parsed
   * already, which keeps checks against long histories cheap.
   */
  public ParsedSchema parseStored(final StoredVersion version) {
    final String context = QualifiedSubject.contextOf(version.subject());
    final Supplier<SchemaEntry> entry =
        () -> reader.schemaOf(version).orElseThrow(() -> Errors.schemaNotFound(version.id()));
    if (version.identity() == null) {
      return parseStored(context, entry.get());
    }
    return cache.get(
        context,
        version.identity(),
        () -> {
          final SchemaEntry stored = entry.get();
          return parse(context, stored.type(), stored.schema(), stored.references(), false);
        });
  }

  private List<ResolvedReference> closure(
      final String context, final List<SchemaReference> references, final boolean allowDeleted) {
    final List<ResolvedReference> closure = new ArrayList<>();
    final Set<String> names = new HashSet<>();
    final Set<String> visiting = new HashSet<>();
    for (final SchemaReference reference : references) {
      visit(context, reference, allowDeleted, closure, names, visiting);
    }
    return closure;
  }

  /** Adds a reference after everything it references; the first binding of a name wins. */
  private void visit(
      final String context,
      final SchemaReference reference,
      final boolean allowDeleted,
      final List<ResolvedReference> closure,
      final Set<String> names,
      final Set<String> visiting) {
    final String subject = QualifiedSubject.inContext(context, reference.subject());
    if (names.contains(reference.name()) || !visiting.add(subject + "\0" + reference.version())) {
      return;
    }
    final StoredVersion version = find(context, reference, allowDeleted);
    final SchemaEntry entry =
        reader
            .schemaOf(version)
            .orElseThrow(() -> missing(reference.subject(), reference.version()));
    final String referencedContext = QualifiedSubject.contextOf(subject);
    for (final SchemaReference nested : entry.references()) {
      visit(referencedContext, nested, allowDeleted, closure, names, visiting);
    }
    if (names.add(reference.name())) {
      closure.add(
          new ResolvedReference(
              reference.name(), subject, version.version(), entry.type(), entry.schema()));
    }
  }

  private StoredVersion find(
      final String context, final SchemaReference reference, final boolean allowSoftDeleted) {
    final String subject = QualifiedSubject.inContext(context, reference.subject());
    final List<StoredVersion> candidates =
        reader.versions(subject).stream().filter(v -> allowSoftDeleted || !v.deleted()).toList();
    if (reference.version() == Versions.LATEST) {
      final List<StoredVersion> live = candidates.stream().filter(v -> !v.deleted()).toList();
      if (live.isEmpty()) {
        throw missing(reference.subject(), reference.version());
      }
      return live.get(live.size() - 1);
    }
    return candidates.stream()
        .filter(v -> v.version() == reference.version())
        .findFirst()
        .orElseThrow(() -> missing(reference.subject(), reference.version()));
  }

  private static RegistryException missing(final String subject, final int version) {
    return Errors.invalidSchema(
        "No schema reference found for subject \"" + subject + "\" and version " + version);
  }
}
