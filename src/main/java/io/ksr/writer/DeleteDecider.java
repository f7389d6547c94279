package io.ksr.writer;

import io.ksr.domain.Errors;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.Versions;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.StoredVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides soft and hard deletes of versions and subjects, with Confluent's preconditions: a hard
 * delete only after a soft delete, nothing soft-deleted that a live schema references, and nothing
 * hard-deleted that any schema references, even a soft-deleted one, which could otherwise never be
 * resolved again.
 */
final class DeleteDecider {

  Decision deleteVersion(final Command.DeleteVersion command, final RegistryQueries queries) {
    final String subject = QualifiedSubject.normalize(command.subject());
    final RegistryReader reader = queries.reader();
    final List<StoredVersion> versions = reader.versions(subject);
    final StoredVersion target = find(versions, command.version());
    if (target != null && target.deleted() && !command.permanent()) {
      throw Errors.versionSoftDeleted(subject, target.version());
    }
    if (target == null) {
      throw versions.isEmpty()
          ? Errors.subjectNotFound(subject)
          : Errors.versionNotFound(command.version());
    }
    if (queries.settings().effectiveMode(subject).isReadOnly()) {
      throw Errors.readOnlyMode(subject);
    }
    if (!queries.subjects().referrers(subject, target.version(), command.permanent()).isEmpty()) {
      throw Errors.referenceExists(subject, target.version());
    }
    final List<WriteRecord> records = new ArrayList<>();
    if (command.permanent()) {
      if (!target.deleted()) {
        throw Errors.versionNotSoftDeleted(subject, target.version());
      }
      records.add(Records.tombstone(target));
      if (versions.size() == 1) {
        forgetSettings(subject, reader, records);
      }
    } else {
      records.add(Records.softDeleted(target, schemaOf(target, reader)));
    }
    return new Decision(new Outcome.Deleted(List.of(target.version())), records);
  }

  Decision deleteSubject(final Command.DeleteSubject command, final RegistryQueries queries) {
    final String subject = QualifiedSubject.normalize(command.subject());
    final RegistryReader reader = queries.reader();
    final List<StoredVersion> versions = reader.versions(subject);
    if (versions.isEmpty()) {
      throw Errors.subjectNotFound(subject);
    }
    final List<StoredVersion> live = versions.stream().filter(v -> !v.deleted()).toList();
    if (live.isEmpty() && !command.permanent()) {
      throw Errors.subjectSoftDeleted(subject);
    }
    if (queries.settings().effectiveMode(subject).isReadOnly()) {
      throw Errors.readOnlyMode(subject);
    }
    // As in Confluent 8, versions of the subject itself do not keep it; other subjects do.
    for (final StoredVersion version : command.permanent() ? versions : live) {
      if (queries.subjects().referrers(subject, version.version(), command.permanent()).stream()
          .anyMatch(referrer -> !referrer.subject().equals(subject))) {
        throw Errors.referenceExists(subject, version.version());
      }
    }
    final List<WriteRecord> records = new ArrayList<>();
    if (!command.permanent()) {
      records.add(Records.deleteSubject(subject, live.get(live.size() - 1).version()));
      return new Decision(new Outcome.Deleted(numbers(live)), records);
    }
    if (!live.isEmpty()) {
      throw Errors.subjectNotSoftDeleted(subject);
    }
    for (int i = versions.size() - 1; i >= 0; i--) {
      records.add(Records.tombstone(versions.get(i)));
    }
    forgetSettings(subject, reader, records);
    return new Decision(new Outcome.Deleted(numbers(versions)), records);
  }

  Decision deleteContext(final Command.DeleteContext command, final RegistryQueries queries) {
    final String context = command.context();
    final String prefix = new QualifiedSubject(context, "").qualified();
    if (QualifiedSubject.DEFAULT_CONTEXT.equals(context)
        || !queries.reader().subjects(prefix).isEmpty()) {
      throw Errors.contextNotEmpty(context);
    }
    final List<WriteRecord> records = new ArrayList<>();
    if (queries.reader().contexts().contains(context)) {
      records.add(Records.contextTombstone(context));
    }
    return new Decision(new Outcome.Deleted(List.of()), records);
  }

  /** Once a subject has no versions left at all, its own config and mode go too. */
  private static void forgetSettings(
      final String subject, final RegistryReader reader, final List<WriteRecord> records) {
    Records.modeTombstone(subject, reader).ifPresent(records::add);
    Records.configTombstone(subject, reader).ifPresent(records::add);
  }

  /** The stored version a request names; {@code latest} is the highest live one. */
  private static StoredVersion find(final List<StoredVersion> versions, final int version) {
    if (version == Versions.LATEST) {
      for (int i = versions.size() - 1; i >= 0; i--) {
        if (!versions.get(i).deleted()) {
          return versions.get(i);
        }
      }
      return null;
    }
    return versions.stream().filter(v -> v.version() == version).findFirst().orElse(null);
  }

  private static SchemaEntry schemaOf(final StoredVersion version, final RegistryReader reader) {
    return reader.schemaOf(version).orElseThrow(() -> Errors.schemaNotFound(version.id()));
  }

  private static List<Integer> numbers(final List<StoredVersion> versions) {
    return versions.stream().map(StoredVersion::version).toList();
  }
}
