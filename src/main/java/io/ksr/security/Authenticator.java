package io.ksr.security;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks HTTP Basic credentials against the users file and says what the user may do under the
 * access rules file; both files are read again when they change.
 */
public final class Authenticator {
  /** Past this many remembered credentials the memory is cleared rather than grown. */
  private static final int MAX_REMEMBERED = 10_000;

  private static final String BASIC = "basic ";

  /**
   * Where users and rules come from.
   *
   * @param usersFile the users file
   * @param rulesFile the access rules file, or null to let every signed-in user do everything
   * @param allowedRoles roles of which a user needs one to use the API at all; empty for any
   */
  public record Settings(Path usersFile, Path rulesFile, Set<String> allowedRoles) {
    public Settings {
      Objects.requireNonNull(usersFile, "usersFile can't be null");
      allowedRoles = Set.copyOf(allowedRoles);
    }
  }

  private record Verified(String user, String passwordHash) {}

  private final ReloadingFile<Map<String, UserAccount>> users;
  private final AccessPolicy policy;
  private final String unknownUserHash;

  /**
   * Hashing a password on purpose takes a long time, too long to repeat on every request: the
   * credentials that matched are remembered by a keyed digest, never in the clear, for as long as
   * the user's password hash stays the same.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private final byte[] digestKey = new byte[32];

  /**
   * Reads both files.
   *
   * @throws IllegalArgumentException when a file cannot be read or is malformed
   */
  public Authenticator(final Settings settings) {
    this(settings.usersFile(), new AccessPolicy(settings.rulesFile(), settings.allowedRoles()));
  }

  /**
   * Reads the users file; {@code policy} says what its users may do, shared with other sign-in
   * methods.
   *
   * @throws IllegalArgumentException when the file cannot be read or is malformed
   */
  public Authenticator(final Path usersFile, final AccessPolicy policy) {
    this.users = new ReloadingFile<>(usersFile, UsersFile::read);
    this.policy = Objects.requireNonNull(policy, "policy can't be null");
    new SecureRandom().nextBytes(digestKey);
    // Checking an unknown user's password costs as much as a known one's, so timing does not
    // tell which users exist.
    this.unknownUserHash =
        PasswordHash.hash("unknown user".toCharArray(), PasswordHash.DEFAULT_ITERATIONS);
  }

  /**
   * What the sender of a request with this {@code Authorization} header may do.
   *
   * @throws RegistryException 401 when the credentials are missing or wrong, 40301 when the user
   *     has none of the allowed roles
   */
  public Access authenticate(final String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      throw unauthorized("Unauthorized: this registry needs a user name and password (HTTP Basic)");
    }
    return policy.accessFor(check(authorization.substring(BASIC.length()).strip()));
  }

  private UserAccount check(final String credentials) {
    final Map<String, UserAccount> known = users.current();
    final String key = digest(credentials);
    final Verified remembered = verified.get(key);
    if (remembered != null) {
      final UserAccount user = known.get(remembered.user());
      if (user != null && user.passwordHash().equals(remembered.passwordHash())) {
        return user;
      }
      verified.remove(key);
    }
    final char[] decoded = decode(credentials);
    try {
      final int colon = indexOf(decoded, ':');
      if (colon < 0) {
        throw unauthorized("Unauthorized: the Basic credentials are not user:password");
      }
      final String name = new String(decoded, 0, colon);
      final char[] password = Arrays.copyOfRange(decoded, colon + 1, decoded.length);
      try {
        final UserAccount user = known.get(name);
        final boolean matches =
            PasswordHash.matches(password, user == null ? unknownUserHash : user.passwordHash());
        if (user == null || !matches) {
          throw unauthorized("Unauthorized: wrong user name or password");
        }
        if (verified.size() >= MAX_REMEMBERED) {
          verified.clear();
        }
        verified.put(key, new Verified(user.name(), user.passwordHash()));
        return user;
      } finally {
        Arrays.fill(password, '\0');
      }
    } finally {
      Arrays.fill(decoded, '\0');
    }
  }

  private static char[] decode(final String credentials) {
    final byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(credentials);
    } catch (final IllegalArgumentException e) {
      throw unauthorized("Unauthorized: the Basic credentials are not base64");
    }
    try {
      final CharBuffer chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes));
      final char[] result = new char[chars.remaining()];
      chars.get(result);
      Arrays.fill(chars.array(), '\0');
      return result;
    } catch (final CharacterCodingException e) {
      throw unauthorized("Unauthorized: the Basic credentials are not UTF-8");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static int indexOf(final char[] chars, final char wanted) {
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == wanted) {
        return i;
      }
    }
    return -1;
  }

  private String digest(final String credentials) {
    try {
      final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(digestKey);
      return HexFormat.of().formatHex(sha256.digest(credentials.getBytes(StandardCharsets.UTF_8)));
    } catch (final NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  private static RegistryException unauthorized(final String message) {
    return new RegistryException(ErrorCode.UNAUTHORIZED, message);
  }
}
