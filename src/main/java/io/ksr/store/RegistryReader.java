package io.ksr.store;

import io.ksr.domain.SchemaIdentity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads the registry's state, as the applier laid it out, from any {@link KeyValueView}. */
public final class RegistryReader {
  private final KeyValueView kv;

  public RegistryReader(final KeyValueView kv) {
    this.kv = Objects.requireNonNull(kv, "kv can't be null");
  }

  /** The schema an id stands for. */
  public Optional<SchemaEntry> schema(final int id) {
    final byte[] bytes = kv.get(StoreKeys.schema(id));
    return bytes == null ? Optional.empty() : Optional.of(StoreJson.read(bytes, SchemaEntry.class));
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

  /** Subjects with at least one stored version, in order. */
  public List<String> allSubjects() {
    return subjects(false);
  }

  /**
   * Subjects in order.
   *
   * @param liveOnly whether to leave out subjects whose versions are all soft-deleted
   */
  public List<String> subjects(final boolean liveOnly) {
    final List<String> subjects = new ArrayList<>();
    kv.scan(
        StoreKeys.subjects(),
        (key, value) -> {
          if (!liveOnly || StoreJson.read(value, Entries.Subject.class).liveVersions() > 0) {
            subjects.add(StoreKeys.subjectIn(key));
          }
          return true;
        });
    return subjects;
  }

  /** Whether any stored subject-version carries an id. */
  public boolean isUsed(final int id) {
    final boolean[] used = {false};
    kv.scan(
        StoreKeys.usagesOf(id),
        (key, value) -> {
          used[0] = true;
          return false;
        });
    return used[0];
  }

  /** The ids registered for schemas with this identity, lowest first. */
  public List<Integer> idsWithIdentity(final SchemaIdentity identity) {
    final byte[] bytes = kv.get(StoreKeys.content(identity.bytes()));
    return bytes == null
        ? List.of()
        : Arrays.stream(StoreJson.read(bytes, int[].class)).boxed().toList();
  }

  /** The compatibility settings of a subject, or the global ones when {@code subject} is null. */
  public Optional<ConfigEntry> config(final String subject) {
    final byte[] bytes = kv.get(StoreKeys.config(subject));
    return bytes == null ? Optional.empty() : Optional.of(StoreJson.read(bytes, ConfigEntry.class));
  }

  /** The highest schema id ever applied; 0 when there is none. */
  public int maxId() {
    final byte[] bytes = kv.get(StoreKeys.meta(SchemasApplier.MAX_ID));
    return bytes == null ? 0 : StoreJson.read(bytes, Integer.class);
  }

  /** The offset of the last command whose writes have all been applied; -1 when none has. */
  public long appliedCommandOffset() {
    final byte[] bytes = kv.get(StoreKeys.meta(SchemasApplier.COMMAND_OFFSET));
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
    return new StoredVersion(subject, version, entry.id(), entry.deleted(), entry.rawKey());
  }
}
