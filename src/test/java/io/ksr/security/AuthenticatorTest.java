package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  @TempDir Path dir;

  @Test
  void shouldSignInWithTheRightPasswordOnly() throws Exception {
    final Authenticator authenticator = authenticator(Set.of(), "alice", "pw1", "team-a");

    assertEquals("alice", authenticator.authenticate(basic("alice", "pw1")).user());
    assertEquals("alice", authenticator.authenticate(basic("alice", "pw1")).user(), "again");
    assertUnauthorized(authenticator, basic("alice", "pw2"), "wrong user name or password");
    assertUnauthorized(authenticator, basic("mallory", "pw1"), "wrong user name or password");
    assertUnauthorized(authenticator, null, "needs a user name and password");
    assertUnauthorized(authenticator, "Bearer abc", "needs a user name and password");
    assertUnauthorized(authenticator, "Basic %%%", "not base64");
    assertUnauthorized(
        authenticator,
        "Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)),
        "not user:password");
  }

  @Test
  void shouldRefuseUsersWithoutAnAllowedRole() throws Exception {
    final Authenticator authenticator = authenticator(Set.of("ops"), "alice", "pw", "team-a");

    final RegistryException denied =
        assertThrows(
            RegistryException.class, () -> authenticator.authenticate(basic("alice", "pw")));
    assertEquals(ErrorCode.ACCESS_DENIED, denied.errorCode());
  }

  @Test
  void shouldReadTheUsersFileAgainWhenItChanges() throws Exception {
    final Authenticator authenticator = authenticator(Set.of(), "alice", "old", "team-a");
    assertEquals("alice", authenticator.authenticate(basic("alice", "old")).user());

    writeUsers("alice", "new", "team-a");
    Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(5)));
    Wait.until(
        "the changed users file to be read",
        Duration.ofSeconds(10),
        () -> signsIn(authenticator, "alice", "new"));

    assertUnauthorized(authenticator, basic("alice", "old"), "wrong user name or password");
    assertEquals("alice", authenticator.authenticate(basic("alice", "new")).user());

    Files.writeString(usersFile(), "alice: not-a-hash\n");
    Files.setLastModifiedTime(usersFile(), FileTime.from(Instant.now().plusSeconds(10)));
    // The file is looked at again at most once a second: keep signing in past that point.
    final long until = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
    while (System.nanoTime() < until) {
      assertEquals(
          "alice",
          authenticator.authenticate(basic("alice", "new")).user(),
          "a broken edit keeps the users from before it");
      Wait.pause(Duration.ofMillis(100));
    }
  }

  private static boolean signsIn(
      final Authenticator authenticator, final String user, final String password) {
    try {
      authenticator.authenticate(basic(user, password));
      return true;
    } catch (final RegistryException e) {
      return false;
    }
  }

  @Test
  void shouldApplyTheAccessRulesToTheSignedInUser() throws Exception {
    writeUsers("alice", "pw", "team-a");
    final Path rules = dir.resolve("rules");
    Files.writeString(rules, "role:team-a write subject:team-a-*\n");
    final Authenticator authenticator =
        new Authenticator(new Authenticator.Settings(usersFile(), rules, Set.of()));

    final Access access = authenticator.authenticate(basic("alice", "pw"));
    assertTrue(access.allows(Permission.WRITE, "team-a-orders"));
    assertFalse(access.allows(Permission.READ, "team-b-orders"));
  }

  private Authenticator authenticator(
      final Set<String> allowedRoles, final String user, final String password, final String role)
      throws Exception {
    writeUsers(user, password, role);
    return new Authenticator(new Authenticator.Settings(usersFile(), null, allowedRoles));
  }

  private void writeUsers(final String user, final String password, final String role)
      throws Exception {
    Files.writeString(
        usersFile(),
        user + ": " + PasswordHash.hash(password.toCharArray(), 1_000) + ", " + role + "\n");
  }

  private Path usersFile() {
    return dir.resolve("users");
  }

  static String basic(final String user, final String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void assertUnauthorized(
      final Authenticator authenticator, final String header, final String because) {
    final RegistryException e =
        assertThrows(RegistryException.class, () -> authenticator.authenticate(header));
    assertEquals(ErrorCode.UNAUTHORIZED, e.errorCode());
    assertTrue(e.getMessage().contains(because), e.getMessage());
  }
}
