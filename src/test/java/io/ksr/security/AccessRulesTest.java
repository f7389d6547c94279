package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessRulesTest {
  @TempDir Path dir;

  private static final UserAccount ALICE =
      new UserAccount("alice", "unused", Set.of("team-a", "readers"));
  private static final UserAccount BOB = new UserAccount("bob", "unused", Set.of());

  @Test
  void shouldGrantByUserRoleOrAnyoneOnExactNamesAndPrefixes() throws Exception {
    final AccessRules rules =
        rules(
            "# team A owns its subjects",
            "role:team-a   write  subject:team-a-*",
            "user:alice    admin  subject:shared-config",
            "*             read   subject:public-*",
            "",
            "role:ops      admin  global");

    final Access alice = rules.accessFor(ALICE);
    assertTrue(alice.allows(Permission.WRITE, "team-a-orders"));
    assertTrue(alice.allows(Permission.READ, "team-a-orders"), "write includes read");
    assertFalse(alice.allows(Permission.ADMIN, "team-a-orders"));
    assertTrue(alice.allows(Permission.ADMIN, "shared-config"));
    assertFalse(alice.allows(Permission.READ, "shared-config-2"), "an exact name is not a prefix");
    assertFalse(alice.allows(Permission.READ, "team-b-orders"));
    assertFalse(alice.allowsGlobal(Permission.READ));

    final Access bob = rules.accessFor(BOB);
    assertTrue(bob.allows(Permission.READ, "public-news"));
    assertFalse(bob.allows(Permission.WRITE, "public-news"));
    assertFalse(bob.allows(Permission.READ, "team-a-orders"));
    assertTrue(bob.restricted());

    final Access ops =
        rules.accessFor(new UserAccount("carol", "unused", Set.of("ops"))); // only global
    assertTrue(ops.allowsGlobal(Permission.ADMIN));
    assertFalse(ops.allows(Permission.READ, "team-a-orders"));
  }

  @Test
  void shouldMatchSubjectsOfAContextByTheirQualifiedName() throws Exception {
    final Access alice = rules("role:team-a read subject::.team-a:*").accessFor(ALICE);

    assertTrue(alice.allows(Permission.READ, ":.team-a:orders"));
    assertTrue(alice.allows(Permission.READ, ":.team-a:"), "the context's own config and mode");
    assertFalse(alice.allows(Permission.READ, "orders"));
  }

  @Test
  void shouldSayWhichLineIsWrong() throws Exception {
    assertEquals(
        rulesFile() + " line 2: 'erase' is not a permission: use read, write or admin",
        assertThrows(
                IllegalArgumentException.class,
                () -> rules("user:alice read subject:a", "user:alice erase subject:a"))
            .getMessage());
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> rules("alice read subject:a"))
            .getMessage()
            .contains("'alice' should be user:<name>, role:<name> or *"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> rules("user:alice read topic:a"))
            .getMessage()
            .contains("should be subject:<name>, subject:<prefix>* or global"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> rules("user:alice read"))
            .getMessage()
            .contains("expected '<who> <permission> <what>'"));
  }

  @Test
  void shouldReadUsersWithRolesAndRefuseBadLinesWithoutTheirHash() throws Exception {
    final String hash = PasswordHash.hash("pw".toCharArray(), 1_000);
    final Path users = dir.resolve("users");
    Files.writeString(users, "# users\nalice: " + hash + ", team-a, readers\nbob: " + hash + "\n");

    final UserAccount alice = UsersFile.read(users).get("alice");
    assertEquals(Set.of("team-a", "readers"), alice.roles());
    assertEquals(Set.of(), UsersFile.read(users).get("bob").roles());
    assertFalse(alice.toString().contains(hash), "the hash stays out of logs");

    Files.writeString(users, "alice: plain-password, team-a\n");
    final String message =
        assertThrows(IllegalArgumentException.class, () -> UsersFile.read(users)).getMessage();
    assertTrue(message.startsWith(users + " line 1: user 'alice': "), message);
    assertFalse(message.contains("plain-password"), message);

    Files.writeString(users, "alice: " + hash + "\nalice: " + hash + "\n");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> UsersFile.read(users))
            .getMessage()
            .contains("user 'alice' is listed twice"));
  }

  private AccessRules rules(final String... lines) throws Exception {
    Files.writeString(rulesFile(), String.join("\n", lines));
    return AccessRules.read(rulesFile());
  }

  private Path rulesFile() {
    return dir.resolve("rules");
  }
}
