package io.ksr.store;

import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.SchemaIdentity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;

/** Reads the registry's state, as the applier laid it out, from any {@link KeyValueView}. */
public final class RegistryReader {
  private final KeyValueView kv;

  public RegistryReader(final KeyValueView kv) {
    this.kv = Objects.requireNonNull(kv, "kv can't be null");
  }

  /** A subject with how many versions it has stored, and how many are not soft-deleted. */
  public record SubjectSummary(String subject, int versions, int liveVersions) {}

  /** A subject-version that carries a schema id. */
  public record Usage(String subject, int version) {}

  /** A schema version that references another: the referrer's subject, version and id. */
  public record Referrer(String subject, int version, int id) {}

  /** The schema an id stands for in a context. */
  public Optional<SchemaEntry> schema(final String context, final int id) {
    final byte[] bytes = kv.get(StoreKeys.schema(context, id));
    return bytes == null ? Optional.empty() : Optional.of(StoreJson.read(bytes, SchemaEntry.class));
  }

  /** The schema that a stored version carries. */
  public Optional<SchemaEntry> schemaOf(final StoredVersion version) {
    return schema(QualifiedSubject.contextOf(version.subject()), version.id());
  }

  /** One stored version of a subject, soft-deleted or not. */
  public Optional<StoredVersion> version(final String subject, final int version) {
    final byte[] bytes = kv.get(StoreKeys.version(subject, version));
    return bytes == null ? Optional.empty() : Optional.of(toVersion(subject, version, bytes));
  }

  /** Every stored version of a subject, soft-deleted ones included, oldest first. */
  public List<StoredVersion> versions(final String subject) {
    final List<StoredVersion> versions = new ArrayList<>();
    kv.scan(
        StoreKeys.versionsOf(subject),
        (key, value) -> {
          versions.add(toVersion(subject, StoreKeys.versionIn(key), value));
          return true;
        });
    return versions;
  }

  /** Every subject with at least one stored version whose name starts with {@code prefix}. */
  public List<SubjectSummary> subjects(final String prefix) {
    final List<SubjectSummary> subjects = new ArrayList<>();
    kv.scan(
        StoreKeys.subjectsStartingWith(prefix),
        (key, value) -> {
          final Entries.Subject counts = StoreJson.read(value, Entries.Subject.class);
          subjects.add(
              new SubjectSummary(
                  StoreKeys.subjectIn(key), counts.versions(), counts.liveVersions()));
          return true;
        });
    return subjects;
  }

  /** Subjects with at least one stored version, in order. */
  public List<String> allSubjects() {
    return subjects("").stream().map(SubjectSummary::subject).toList();
  }

  /** The subject-versions that carry an id of a context, in subject and version order. */
  public List<Usage> usages(final String context, final int id) {
    final List<Usage> usages = new ArrayList<>();
    final Bytes prefix = StoreKeys.usagesOf(context, id);
    kv.scan(
        prefix,
        (key, value) -> {
          usages.add(new Usage(StoreKeys.subjectAfter(key, prefix), StoreKeys.versionIn(key)));
          return true;
        });
    return usages;
  }

  /** Whether any stored subject-version carries an id of a context. */
  public boolean isUsed(final String context, final int id) {
    final boolean[] used = {false};
    kv.scan(
        StoreKeys.usagesOf(context, id),
        (key, value) -> {
          used[0] = true;
          return false;
        });
    return used[0];
  }

  /** The ids registered in a context for schemas with this identity, lowest first. */
  public List<Integer> idsWithIdentity(final String context, final SchemaIdentity identity) {
    final byte[] bytes = kv.get(StoreKeys.content(context, identity.bytes()));
    return bytes == null
        ? List.of()
        : Arrays.stream(StoreJson.read(bytes, int[].class)).boxed().toList();
  }

  /** The stored versions, soft-deleted or not, that reference a subject-version. */
  public List<Referrer> referrers(final String subject, final int version) {
    final List<Referrer> referrers = new ArrayList<>();
    final Bytes prefix = StoreKeys.referencesTo(subject, version);
    kv.scan(
        prefix,
        (key, value) -> {
          referrers.add(
              new Referrer(
                  StoreKeys.subjectAfter(key, prefix),
                  StoreKeys.versionIn(key),
                  StoreJson.read(value, Integer.class)));
          return true;
        });
    return referrers;
  }

  /**
   * The settings stored for a subject, for a context ({@code :.ctx:}), or the global ones when
   * {@code subject} is null.
   */
  public Optional<ConfigEntry> config(final String subject) {
    final byte[] bytes = kv.get(StoreKeys.config(subject));
    return bytes == null ? Optional.empty() : Optional.of(StoreJson.read(bytes, ConfigEntry.class));
  }

  /** The mode stored for a subject, a context or globally (null), and its key's bytes. */
  public Optional<StoredMode> mode(final String subject) {
    final byte[] bytes = kv.get(StoreKeys.mode(subject));
    if (bytes == null) {
      return Optional.empty();
    }
    final Entries.Mode entry = StoreJson.read(bytes, Entries.Mode.class);
    return Optional.of(new StoredMode(entry.mode(), entry.rawKey()));
  }

  /** The contexts that hold or held subjects, other than the default one, in order. */
  public List<String> contexts() {
    final List<String> contexts = new ArrayList<>();
    kv.scan(
        StoreKeys.contexts(),
        (key, value) -> {
          contexts.add(StoreKeys.contextIn(key));
          return true;
        });
    return contexts;
  }

  /** The highest schema id ever applied in a context; 0 when there is none. */
  public int maxId(final String context) {
    final byte[] bytes = kv.get(StoreKeys.maxId(context));
    return bytes == null ? 0 : StoreJson.read(bytes, Integer.class);
  }

  /**
   * The offset of the last command of one command topic whose writes have all been applied; -1 when
   * none has. Offsets of a topic deleted and created again under the same name, or of a mirrored
   * one, say nothing about this one's.
   *
   * @param commandTopicId the id Kafka gave the command topic
   */
  public long appliedCommandOffset(final String commandTopicId) {
    final byte[] bytes = kv.get(SchemasApplier.commandOffsetKey(commandTopicId));
    return bytes == null ? -1 : StoreJson.read(bytes, Long.class);
  }

  Optional<Entries.Subject> subjectCounts(final String subject) {
    final byte[] bytes = kv.get(StoreKeys.subject(subject));
    return bytes == null
        ? Optional.empty()
        : Optional.of(StoreJson.read(bytes, Entries.Subject.class));
  }

  private static StoredVersion toVersion(
      final String subject, final int version, final byte[] bytes) {
    final Entries.Version entry = StoreJson.read(bytes, Entries.Version.class);
    return new StoredVersion(
        subject, version, entry.id(), entry.deleted(), entry.rawKey(), entry.identity());
  }
}
