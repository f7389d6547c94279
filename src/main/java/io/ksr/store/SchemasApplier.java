package io.ksr.store;

import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaReference;
import io.ksr.store.record.MalformedRecordException;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasRecordCodec;
import io.ksr.store.record.SchemasValue;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;

/**
 * Applies {@code _schemas} records to the registry's state, with Confluent's meaning for each
 * record. Every instance's global store and the writer's own view run the same code, so they cannot
 * disagree on what a record means.
 */
public final class SchemasApplier {
  /**
   * Names the applied command offset of one command topic. Before the topic's id was part of it,
   * the name was this alone, which an older store still holds and now means nothing.
   */
  private static final String COMMAND_OFFSET = "commandOffset";

  private final MutableKeyValueView kv;
  private final RegistryReader reader;
  private final SchemaProviders providers;
  private final boolean checkParses;

  /**
   * @param providers check that a schema parses the first time its id is seen
   */
  public SchemasApplier(final MutableKeyValueView kv, final SchemaProviders providers) {
    this(kv, providers, true);
  }

  private SchemasApplier(
      final MutableKeyValueView kv, final SchemaProviders providers, final boolean checkParses) {
    this.kv = Objects.requireNonNull(kv, "kv can't be null");
    this.reader = new RegistryReader(kv);
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.checkParses = checkParses;
  }

  /**
   * An applier for the writer's own records only: it parsed every schema in them when it decided to
   * write them, so parsing again would only cost the single writer time.
   */
  public static SchemasApplier forOwnWrites(
      final MutableKeyValueView kv, final SchemaProviders providers) {
    return new SchemasApplier(kv, providers, false);
  }

  /**
   * Applies one record.
   *
   * @param rawKey the key bytes as they are in the topic
   * @throws MalformedRecordException when the record contradicts the state (for example, an id that
   *     already stands for another schema); the state is then unchanged
   */
  public void apply(final SchemasRecord record, final byte[] rawKey) {
    final SchemasKey key = record.key();
    final byte[] unusualKey =
        Arrays.equals(rawKey, SchemasRecordCodec.encodeKey(key)) ? null : rawKey;
    if (key instanceof SchemasKey.SchemaVersion k) {
      if (record.isTombstone()) {
        removeVersion(k.subject(), k.version());
      } else {
        putVersion((SchemasValue.Schema) record.value(), unusualKey);
      }
    } else if (key instanceof SchemasKey.Config k) {
      if (record.isTombstone()) {
        kv.delete(StoreKeys.config(k.subject()));
      } else {
        final SchemasValue.Config value = (SchemasValue.Config) record.value();
        kv.put(
            StoreKeys.config(k.subject()),
            StoreJson.write(new ConfigEntry(value.config(), unusualKey)));
      }
    } else if (key instanceof SchemasKey.Mode k) {
      if (record.isTombstone()) {
        kv.delete(StoreKeys.mode(k.subject()));
      } else {
        final SchemasValue.Mode value = (SchemasValue.Mode) record.value();
        kv.put(
            StoreKeys.mode(k.subject()),
            StoreJson.write(new Entries.Mode(value.mode(), unusualKey)));
      }
    } else if (key instanceof SchemasKey.DeleteSubject && !record.isTombstone()) {
      final SchemasValue.DeleteSubject value = (SchemasValue.DeleteSubject) record.value();
      softDeleteUpTo(value.subject(), value.version());
    } else if (key instanceof SchemasKey.ClearSubject && !record.isTombstone()) {
      final SchemasValue.ClearSubject value = (SchemasValue.ClearSubject) record.value();
      forgetSoftDeleted(value.subject());
    } else if (key instanceof SchemasKey.Context k
        && k.context() != null
        && !QualifiedSubject.DEFAULT_CONTEXT.equals(k.context())) {
      if (record.isTombstone()) {
        kv.delete(StoreKeys.context(k.context()));
      } else {
        kv.put(StoreKeys.context(k.context()), new byte[0]);
      }
    }
    // NOOP records, and tombstones of keys that have no meaning as tombstones, change nothing.
  }

  /**
   * Remembers that every command of a command topic up to {@code offset} has been applied.
   *
   * @param commandTopicId the id Kafka gave the command topic
   */
  void commandApplied(final String commandTopicId, final long offset) {
    kv.put(commandOffsetKey(commandTopicId), StoreJson.write(offset));
  }

  static Bytes commandOffsetKey(final String commandTopicId) {
    return StoreKeys.meta(COMMAND_OFFSET + "/" + commandTopicId);
  }

  private void putVersion(final SchemasValue.Schema value, final byte[] rawKey) {
    if (value.version() < 1 || value.id() < 0) {
      throw new MalformedRecordException(
          "version " + value.version() + " or id " + value.id() + " is out of range");
    }
    final String subject = value.subject();
    final String context = QualifiedSubject.contextOf(subject);
    final SchemaEntry incoming = SchemaEntry.of(value);
    final SchemaIdentity identity;
    try {
      identity = incoming.identity();
    } catch (final RegistryException e) {
      throw new MalformedRecordException(e.getMessage(), e);
    }
    final SchemaEntry existing = reader.schema(context, value.id()).orElse(null);
    if (existing != null && !existing.identity().equals(identity)) {
      throw new MalformedRecordException(
          "id " + value.id() + " already stands for a different schema in context " + context);
    }
    if (existing == null && checkParses) {
      checkParses(incoming, value.id());
    }
    final StoredVersion old = reader.version(subject, value.version()).orElse(null);
    if (old != null && old.id() != value.id()) {
      dropUsage(old);
    }
    kv.put(
        StoreKeys.version(subject, value.version()),
        StoreJson.write(
            new Entries.Version(value.id(), value.deleted(), rawKey, identity.toString())));
    if (existing == null) {
      kv.put(StoreKeys.schema(context, value.id()), StoreJson.write(incoming));
      final TreeSet<Integer> ids = new TreeSet<>(reader.idsWithIdentity(context, identity));
      ids.add(value.id());
      kv.put(StoreKeys.content(context, identity.bytes()), StoreJson.write(ids));
    }
    kv.put(StoreKeys.usage(context, value.id(), subject, value.version()), new byte[0]);
    for (final SchemaReference reference : incoming.references()) {
      kv.put(
          StoreKeys.reference(
              QualifiedSubject.inContext(context, reference.subject()),
              reference.version(),
              subject,
              value.version()),
          StoreJson.write(value.id()));
    }
    if (value.id() > reader.maxId(context)) {
      kv.put(StoreKeys.maxId(context), StoreJson.write(value.id()));
    }
    if (!QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
      kv.put(StoreKeys.context(context), new byte[0]);
    }
    countVersion(subject, old, value.deleted(), true);
  }

  /**
   * Refuses a schema its type's parser rejects. A type this build has no parser for cannot be
   * judged, and a schema with references is judged when it is used, so both are kept.
   */
  private void checkParses(final SchemaEntry schema, final int id) {
    if (!providers.types().contains(schema.type()) || !schema.references().isEmpty()) {
      return;
    }
    try {
      providers.check(schema.type(), schema.schema());
    } catch (final RegistryException e) {
      throw new MalformedRecordException("schema " + id + " does not parse: " + e.getMessage(), e);
    }
  }

  private void removeVersion(final String subject, final int version) {
    final StoredVersion old = reader.version(subject, version).orElse(null);
    if (old == null) {
      return;
    }
    kv.delete(StoreKeys.version(subject, version));
    dropUsage(old);
    countVersion(subject, old, false, false);
  }

  /** Forgets that a version carries its id, and the id itself once no version carries it. */
  private void dropUsage(final StoredVersion version) {
    final String context = QualifiedSubject.contextOf(version.subject());
    final int id = version.id();
    kv.delete(StoreKeys.usage(context, id, version.subject(), version.version()));
    final SchemaEntry schema = reader.schema(context, id).orElse(null);
    if (schema == null) {
      return;
    }
    for (final SchemaReference reference : schema.references()) {
      kv.delete(
          StoreKeys.reference(
              QualifiedSubject.inContext(context, reference.subject()),
              reference.version(),
              version.subject(),
              version.version()));
    }
    if (!reader.isUsed(context, id)) {
      kv.delete(StoreKeys.schema(context, id));
      final SchemaIdentity identity = schema.identity();
      final TreeSet<Integer> ids = new TreeSet<>(reader.idsWithIdentity(context, identity));
      ids.remove(id);
      if (ids.isEmpty()) {
        kv.delete(StoreKeys.content(context, identity.bytes()));
      } else {
        kv.put(StoreKeys.content(context, identity.bytes()), StoreJson.write(ids));
      }
    }
  }

  private void softDeleteUpTo(final String subject, final int maxVersion) {
    for (final StoredVersion version : reader.versions(subject)) {
      if (version.version() <= maxVersion && !version.deleted()) {
        kv.put(
            StoreKeys.version(subject, version.version()),
            StoreJson.write(
                new Entries.Version(version.id(), true, version.rawKey(), version.identity())));
        countVersion(subject, version, true, true);
      }
    }
  }

  private void forgetSoftDeleted(final String subject) {
    final List<String> subjects = subject == null ? reader.allSubjects() : List.of(subject);
    for (final String each : subjects) {
      final List<StoredVersion> softDeleted = new ArrayList<>();
      for (final StoredVersion version : reader.versions(each)) {
        if (version.deleted()) {
          softDeleted.add(version);
        }
      }
      for (final StoredVersion version : softDeleted) {
        removeVersion(each, version.version());
      }
    }
  }

  /** Keeps a subject's version counts right when one of its versions changes. */
  private void countVersion(
      final String subject,
      final StoredVersion before,
      final boolean deleted,
      final boolean exists) {
    final Entries.Subject counts = reader.subjectCounts(subject).orElse(new Entries.Subject(0, 0));
    int versions = counts.versions();
    int live = counts.liveVersions();
    if (before != null) {
      versions--;
      live -= before.deleted() ? 0 : 1;
    }
    if (exists) {
      versions++;
      live += deleted ? 0 : 1;
    }
    if (versions <= 0) {
      kv.delete(StoreKeys.subject(subject));
    } else {
      kv.put(StoreKeys.subject(subject), StoreJson.write(new Entries.Subject(versions, live)));
    }
  }
}
