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

  /** The schema that an id stands for. */
  static Bytes schema(final int id) {
    return new Bytes(concat(new byte[] {SCHEMA}, int4(id)));
  }

  /** One subject-version that carries an id: {@code u id subject 0 version}. */
  static Bytes usage(final int id, final String subject, final int version) {
    return new Bytes(concat(new byte[] {USAGE}, int4(id), terminated(subject), int4(version)));
  }

  /** The prefix of every subject-version that carries an id. */
  static Bytes usagesOf(final int id) {
    return new Bytes(concat(new byte[] {USAGE}, int4(id)));
  }

  /** The ids registered for one schema identity. */
  static Bytes content(final byte[] identity) {
    return new Bytes(concat(new byte[] {CONTENT}, identity));
  }

  /** A subject's summary. */
  static Bytes subject(final String subject) {
    return new Bytes(concat(new byte[] {SUBJECT}, terminated(subject)));
  }

  /** The prefix of every subject summary. */
  static Bytes subjects() {
    return new Bytes(new byte[] {SUBJECT});
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
