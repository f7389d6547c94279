package io.ksr.store;

import io.ksr.domain.Errors;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.store.RegistryReader.SubjectSummary;
import io.ksr.store.RegistryReader.Usage;
import io.ksr.store.SubjectQueries.Visibility;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Schemas by id, within their contexts, and lists of schemas and contexts. */
public final class SchemaQueries {
  private final RegistryReader reader;
  private final SubjectQueries subjects;

  public SchemaQueries(final RegistryReader reader, final SubjectQueries subjects) {
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
    this.subjects = Objects.requireNonNull(subjects, "subjects can't be null");
  }

  /** A schema found by id, with the context the id belongs to. */
  public record SchemaById(String context, int id, SchemaEntry schema) {}

  /**
   * The schema an id stands for; soft-deleted versions keep their id resolvable.
   *
   * @param subject picks the context to look in; without it the default context is searched first,
   *     then every other context
   * @throws RegistryException 40403 when no context has the id
   */
  public SchemaById schemaById(final int id, final String subject) {
    return find(id, subject).orElseThrow(() -> Errors.schemaNotFound(id));
  }

  /** The schema an id stands for in the default context. */
  public SchemaEntry schemaById(final int id) {
    return schemaById(id, null).schema();
  }

  /**
   * The subject-versions that carry an id, in subject and version order.
   *
   * @param includeDeleted whether soft-deleted versions count
   * @throws RegistryException 40403 when no context has the id
   */
  public List<Usage> versionsOf(final int id, final String subject, final boolean includeDeleted) {
    final SchemaById found = find(id, subject).orElseThrow(Errors::schemaNotFound);
    final List<Usage> usages = new ArrayList<>();
    for (final Usage usage : reader.usages(found.context(), found.id())) {
      final boolean deleted =
          reader.version(usage.subject(), usage.version()).map(StoredVersion::deleted).orElse(true);
      if (includeDeleted || !deleted) {
        usages.add(usage);
      }
    }
    return usages;
  }

  /**
   * Every version of the subjects a prefix selects (see {@link SubjectQueries#subjects}), in
   * subject and version order.
   *
   * @param latestOnly only the latest version of each subject
   */
  public List<RegisteredSchema> schemas(
      final String subjectPrefix, final boolean includeDeleted, final boolean latestOnly) {
    final Visibility visibility = includeDeleted ? Visibility.ALL : Visibility.LIVE;
    final List<RegisteredSchema> schemas = new ArrayList<>();
    for (final SubjectSummary subject : subjects.summaries(subjectPrefix)) {
      final List<StoredVersion> shown =
          reader.versions(subject.subject()).stream().filter(visibility::shows).toList();
      final List<StoredVersion> chosen =
          latestOnly && !shown.isEmpty() ? List.of(shown.get(shown.size() - 1)) : shown;
      for (final StoredVersion version : chosen) {
        reader
            .schemaOf(version)
            .ifPresent(
                schema ->
                    schemas.add(
                        new RegisteredSchema(
                            version.subject(),
                            version.version(),
                            version.id(),
                            version.deleted(),
                            schema)));
      }
    }
    return schemas;
  }

  /** The default context first, then every other known context in order. */
  public List<String> contexts() {
    final List<String> contexts = new ArrayList<>();
    contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
    contexts.addAll(reader.contexts());
    return contexts;
  }

  /** The highest id handed out in a subject's context; 0 when none was. */
  public int maxId(final String subject) {
    return reader.maxId(QualifiedSubject.contextOf(subject));
  }

  private Optional<SchemaById> find(final int id, final String subject) {
    if (subject != null && !subject.isEmpty()) {
      final String context = QualifiedSubject.contextOf(subject);
      final Optional<SchemaById> inContext =
          reader.schema(context, id).map(schema -> new SchemaById(context, id, schema));
      if (inContext.isPresent()) {
        return inContext;
      }
    }
    // Most ids live in the default context: look there before scanning for the other contexts,
    // whose scan would otherwise cost more than the lookup itself on every read.
    final Optional<SchemaEntry> inDefault = reader.schema(QualifiedSubject.DEFAULT_CONTEXT, id);
    if (inDefault.isPresent()) {
      return Optional.of(new SchemaById(QualifiedSubject.DEFAULT_CONTEXT, id, inDefault.get()));
    }
    for (final String context : reader.contexts()) {
      final Optional<SchemaEntry> schema = reader.schema(context, id);
      if (schema.isPresent()) {
        return Optional.of(new SchemaById(context, id, schema.get()));
      }
    }
    return Optional.empty();
  }
}
