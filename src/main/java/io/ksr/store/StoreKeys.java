package io.ksr.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.utils.Bytes;

/**
 * The key layout of the registry's RocksDB store: a one-byte kind, then the parts of the key.
 *
 * <p>Subjects are written as UTF-8 and ended by a zero byte, which no valid subject contains, so a
 * prefix scan over one subject never reaches another. Numbers are big-endian, so keys sort by
 * number.
 */
final class StoreKeys {
  static final byte VERSION = 'v';
  static final byte SCHEMA = 'i';
  static final byte USAGE = 'u';
  static final byte CONTENT = 'h';
  static final byte SUBJECT = 's';
  static final byte CONFIG = 'c';
  static final byte MODE = 'm';
  static final byte CONTEXT = 'x';
  static final byte MAX_ID = 'n';
  static final byte REFERENCE = 'r';
  static final byte META = '_';

  private static final byte GLOBAL = 0;
  private static final byte OF_SUBJECT = 1;

  private StoreKeys() {}

  /** A subject's version: {@code v subject 0 version}. */
  static Bytes version(final String subject, final int version) {
    return new Bytes(concat(new byte[] {VERSION}, terminated(subject), int4(version)));
  }

  /** The prefix of every version of a subject. */
  static Bytes versionsOf(final String subject) {
    return new Bytes(concat(new byte[] {VERSION}, terminated(subject)));
  }

  /** The version number at the end of a {@link #version} key. */
  static int versionIn(final Bytes key) {
    final byte[] bytes = key.get();
    return ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt();
  }

  /** The schema that an id stands for in a context: {@code i context 0 id}. */
  static Bytes schema(final String context, final int id) {
    return new Bytes(concat(new byte[] {SCHEMA}, terminated(context), int4(id)));
  }

  /**
   * One subject-version that carries an id of a context: {@code u context 0 id subject 0 version}.
   */
  static Bytes usage(final String context, final int id, final String subject, final int version) {
    return new Bytes(
        concat(
            new byte[] {USAGE}, terminated(context), int4(id), terminated(subject), int4(version)));
  }

  /** The prefix of every subject-version that carries an id of a context. */
  static Bytes usagesOf(final String context, final int id) {
    return new Bytes(concat(new byte[] {USAGE}, terminated(context), int4(id)));
  }

  /**
   * The subject between {@code prefix} and the version that ends a key, as in {@link #usage} and
   * {@link #reference} keys.
   */
  static String subjectAfter(final Bytes key, final Bytes prefix) {
    final byte[] bytes = key.get();
    final int start = prefix.get().length;
    return new String(bytes, start, bytes.length - start - 5, StandardCharsets.UTF_8);
  }

  /** The ids registered in a context for one schema identity. */
  static Bytes content(final String context, final byte[] identity) {
    return new Bytes(concat(new byte[] {CONTENT}, terminated(context), identity));
  }

  /** The highest id ever applied in a context. */
  static Bytes maxId(final String context) {
    return new Bytes(concat(new byte[] {MAX_ID}, terminated(context)));
  }

  /**
   * A schema version that references another: {@code r subject 0 version referrer 0 version}, the
   * referenced version first so that one scan finds everything that references it.
   */
  static Bytes reference(
      final String subject, final int version, final String referrer, final int referrerVersion) {
    return new Bytes(
        concat(
            new byte[] {REFERENCE},
            terminated(subject),
            int4(version),
            terminated(referrer),
            int4(referrerVersion)));
  }

  /** The prefix of every reference to a subject-version. */
  static Bytes referencesTo(final String subject, final int version) {
    return new Bytes(concat(new byte[] {REFERENCE}, terminated(subject), int4(version)));
  }

  /** A subject's summary. */
  static Bytes subject(final String subject) {
    return new Bytes(concat(new byte[] {SUBJECT}, terminated(subject)));
  }

  /** The prefix of the summaries of every subject whose name starts with {@code prefix}. */
  static Bytes subjectsStartingWith(final String prefix) {
    return new Bytes(concat(new byte[] {SUBJECT}, prefix.getBytes(StandardCharsets.UTF_8)));
  }

  /** The subject of a {@link #subject} key. */
  static String subjectIn(final Bytes key) {
    final byte[] bytes = key.get();
    return new String(bytes, 1, bytes.length - 2, StandardCharsets.UTF_8);
  }

  /** A subject's configuration, or the global one when {@code subject} is null. */
  static Bytes config(final String subject) {
    return scoped(CONFIG, subject);
  }

  /** A subject's mode, or the global one when {@code subject} is null. */
  static Bytes mode(final String subject) {
    return scoped(MODE, subject);
  }

  /** A known schema context. */
  static Bytes context(final String context) {
    return new Bytes(concat(new byte[] {CONTEXT}, terminated(context)));
  }

  /** The prefix of every known schema context. */
  static Bytes contexts() {
    return new Bytes(new byte[] {CONTEXT});
  }

  /** The context of a {@link #context} key. */
  static String contextIn(final Bytes key) {
    return subjectIn(key);
  }

  /** A value the store keeps about itself. */
  static Bytes meta(final String name) {
    return new Bytes(concat(new byte[] {META}, name.getBytes(StandardCharsets.UTF_8)));
  }

  /** Whether {@code key} starts with {@code prefix}. */
  static boolean startsWith(final Bytes key, final Bytes prefix) {
    final byte[] k = key.get();
    final byte[] p = prefix.get();
    return k.length >= p.length && Arrays.equals(k, 0, p.length, p, 0, p.length);
  }

  private static Bytes scoped(final byte kind, final String subject) {
    return subject == null
        ? new Bytes(new byte[] {kind, GLOBAL})
        : new Bytes(concat(new byte[] {kind, OF_SUBJECT}, terminated(subject)));
  }

  private static byte[] terminated(final String text) {
    final byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(utf8, utf8.length + 1);
  }

  private static byte[] int4(final int value) {
    return ByteBuffer.allocate(4).putInt(value).array();
  }

  private static byte[] concat(final byte[]... parts) {
    int length = 0;
    for (final byte[] part : parts) {
      length += part.length;
    }
    final ByteBuffer buffer = ByteBuffer.allocate(length);
    for (final byte[] part : parts) {
      buffer.put(part);
    }
    return buffer.array();
  }
}
