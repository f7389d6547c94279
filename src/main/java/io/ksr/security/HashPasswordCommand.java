package io.ksr.security;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code java -jar ksr.jar hash-password}: reads a password (from the terminal without echo, or the
 * first line of standard input) and prints its hash for the users file.
 */
public final class HashPasswordCommand {
  private HashPasswordCommand() {}

  /** Runs the command; returns the process exit code. */
  public static int run(final Console console, final InputStream in, final PrintStream out) {
    final char[] password;
    try {
      password = console != null ? console.readPassword("Password: ") : firstLine(in);
    } catch (final IOException e) {
      System.err.println("Cannot read the password: " + e.getMessage());
      return 1;
    }
    if (password == null || password.length == 0) {
      System.err.println("No password given: type it, or pipe it in on one line");
      return 1;
    }
    try {
      out.println(PasswordHash.hash(password, PasswordHash.DEFAULT_ITERATIONS));
      return 0;
    } finally {
      Arrays.fill(password, '\0');
    }
  }

  private static char[] firstLine(final InputStream in) throws IOException {
    final String line =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
    return line == null ? null : line.toCharArray();
  }
}
