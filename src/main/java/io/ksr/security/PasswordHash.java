package io.ksr.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted password hashes for the users file: PBKDF2 with HMAC-SHA-256 from the JDK, written {@code
 * pbkdf2-sha256:<iterations>:<salt>:<hash>} with the salt and hash in base64.
 */
public final class PasswordHash {
  private static final String PREFIX = "pbkdf2-sha256";
  private static final String ALGORITHM = "PBKDF2WithHmacSHA256";

  /** OWASP's recommendation for PBKDF2-HMAC-SHA-256 at the time of writing. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  /** Below this a hash is too cheap to guess offline to be worth calling one. */
  static final int MIN_ITERATIONS = 1_000;

  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHash() {}

  /** A new hash of {@code password} with a random salt. */
  public static String hash(final char[] password, final int iterations) {
    if (iterations < MIN_ITERATIONS) {
      throw new IllegalArgumentException("use at least " + MIN_ITERATIONS + " iterations");
    }
    final byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    final Base64.Encoder base64 = Base64.getEncoder();
    return String.join(
        ":",
        PREFIX,
        Integer.toString(iterations),
        base64.encodeToString(salt),
        base64.encodeToString(derive(password, salt, iterations, HASH_BITS)));
  }

  /** Whether {@code password} is the one {@code hash} was made from, in constant time. */
  public static boolean matches(final char[] password, final String hash) {
    final Parsed parsed = parse(hash);
    final byte[] derived = derive(password, parsed.salt(), parsed.iterations(), parsed.bits());
    return MessageDigest.isEqual(derived, parsed.hash());
  }

  /**
   * Checks that {@code hash} is written as this class writes hashes.
   *
   * @throws IllegalArgumentException saying what is wrong, without repeating the hash
   */
  static void validate(final String hash) {
    parse(hash);
  }

  private record Parsed(int iterations, byte[] salt, byte[] hash) {
    int bits() {
      return hash.length * 8;
    }
  }

  private static Parsed parse(final String hash) {
    final String[] parts = hash.split(":", -1);
    if (parts.length != 4 || !parts[0].equals(PREFIX)) {
      throw new IllegalArgumentException(
          "the password must be a hash written " + PREFIX + ":<iterations>:<salt>:<hash>");
    }
    final int iterations;
    final byte[] salt;
    final byte[] derived;
    try {
      iterations = Integer.parseInt(parts[1]);
      salt = Base64.getDecoder().decode(parts[2]);
      derived = Base64.getDecoder().decode(parts[3]);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the password hash has a malformed iteration count, salt or hash");
    }
    if (iterations < MIN_ITERATIONS || salt.length == 0 || derived.length == 0) {
      throw new IllegalArgumentException(
          "the password hash needs at least " + MIN_ITERATIONS + " iterations, a salt and a hash");
    }
    return new Parsed(iterations, salt, derived);
  }

  private static byte[] derive(
      final char[] password, final byte[] salt, final int iterations, final int bits) {
    final PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
    try {
      return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
    } catch (final GeneralSecurityException e) {
      throw new IllegalStateException(ALGORITHM + " is missing from this JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
