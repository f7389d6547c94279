package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashTest {
  @Test
  void shouldMatchTheHashedPasswordOnly() {
    final String hash = PasswordHash.hash("s3cret".toCharArray(), 1_000);

    assertTrue(hash.startsWith("pbkdf2-sha256:1000:"), hash);
    assertTrue(PasswordHash.matches("s3cret".toCharArray(), hash));
    assertFalse(PasswordHash.matches("s3cret ".toCharArray(), hash));
    assertFalse(PasswordHash.matches(new char[0], hash));
  }

  @Test
  void shouldSaltEachHash() {
    assertNotEquals(
        PasswordHash.hash("same".toCharArray(), 1_000),
        PasswordHash.hash("same".toCharArray(), 1_000));
  }

  @Test
  void shouldRefuseMalformedOrCheapHashesWithoutRepeatingThem() {
    for (final String malformed :
        new String[] {
          "s3cret",
          "pbkdf2-sha256:10:c2FsdA==:aGFzaA==",
          "md5:1000:c2FsdA==:aGFzaA==",
          "pbkdf2-sha256:lots:c2FsdA==:aGFzaA==",
          "pbkdf2-sha256:1000:!!:aGFzaA=="
        }) {
      final IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> PasswordHash.validate(malformed));
      assertFalse(e.getMessage().contains(malformed), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> PasswordHash.hash("x".toCharArray(), 10));
  }
}
