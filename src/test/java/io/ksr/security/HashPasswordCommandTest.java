package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HashPasswordCommandTest {
  @Test
  void shouldPrintAHashOfThePasswordPipedIn() {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    final int exit =
        HashPasswordCommand.run(
            null,
            new ByteArrayInputStream("correct horse\n".getBytes(StandardCharsets.UTF_8)),
            new PrintStream(out, true, StandardCharsets.UTF_8));

    assertEquals(0, exit);
    final String hash = out.toString(StandardCharsets.UTF_8).strip();
    assertTrue(hash.startsWith("pbkdf2-sha256:600000:"), hash);
    assertTrue(PasswordHash.matches("correct horse".toCharArray(), hash));
  }

  @Test
  void shouldFailWithoutAPassword() {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertEquals(
        1,
        HashPasswordCommand.run(
            null, new ByteArrayInputStream(new byte[0]), new PrintStream(out, true)));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }
}
