package io.ksr.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes two registrations "the same schema": type, canonical text, references, metadata and
 * rule set. Equal identities share a schema id.
 */
public final class SchemaIdentity {
  private static final MessageDigest MD5 = newMd5();

  private final byte[] digest;

  private SchemaIdentity(final byte[] digest) {
    this.digest = digest;
  }

  /**
   * Computes the identity of a schema.
   *
   * @param metadata the metadata as canonical JSON, or null
   * @param ruleSet the rule set as canonical JSON, or null
   */
  public static SchemaIdentity of(
      final SchemaType type,
      final String canonicalText,
      final List<SchemaReference> references,
      final String metadata,
      final String ruleSet) {
    final MessageDigest md5 = md5();
    update(md5, type.name());
    update(md5, canonicalText);
    for (final SchemaReference reference : references) {
      update(md5, reference.name());
      update(md5, reference.subject());
      update(md5, Integer.toString(reference.version()));
    }
    update(md5, metadata == null ? "" : metadata);
    update(md5, ruleSet == null ? "" : ruleSet);
    return new SchemaIdentity(md5.digest());
  }

  /** The identity of a parsed schema that has no references, metadata or rule set. */
  public static SchemaIdentity of(final ParsedSchema schema) {
    return of(schema.type(), schema.canonicalString(), List.of(), null, null);
  }

  /**
   * The identity that {@link #toString} wrote.
   *
   * @throws IllegalArgumentException when the text is not an identity
   */
  public static SchemaIdentity parse(final String hex) {
    final byte[] digest = HexFormat.of().parseHex(hex);
    if (digest.length != 16) {
      throw new IllegalArgumentException("an identity has 16 bytes, not " + digest.length);
    }
    return new SchemaIdentity(digest);
  }

  public byte[] bytes() {
    return digest.clone();
  }

  private static void update(final MessageDigest md5, final String part) {
    final byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
    // The length prefix keeps ("ab","c") and ("a","bc") apart.
    md5.update(
        new byte[] {
          (byte) (bytes.length >>> 24),
          (byte) (bytes.length >>> 16),
          (byte) (bytes.length >>> 8),
          (byte) bytes.length
        });
    md5.update(bytes);
  }

  /** Cloning a digest costs far less than looking one up in the security providers again. */
  private static MessageDigest md5() {
    try {
      return (MessageDigest) MD5.clone();
    } catch (final CloneNotSupportedException e) {
      throw new IllegalStateException("the JDK's MD5 can be cloned", e);
    }
  }

  private static MessageDigest newMd5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK ships MD5", e);
    }
  }

  @Override
  public boolean equals(final Object other) {
    return other instanceof SchemaIdentity that && Arrays.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(digest);
  }
}
