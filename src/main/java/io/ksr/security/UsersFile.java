package io.ksr.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the users file: one user per line, {@code name: <password hash>, role, role...}, with
 * {@code #} starting a comment. The hash comes from {@code java -jar ksr.jar hash-password}.
 */
public final class UsersFile {
  private UsersFile() {}

  /**
   * The users in {@code file}, by name.
   *
   * @throws IllegalArgumentException naming the line that is wrong, never its password hash
   */
  public static Map<String, UserAccount> read(final Path file) {
    final List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read the users file " + file, e);
    }
    final Map<String, UserAccount> users = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      final String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      final UserAccount user = parse(line, file, i + 1);
      if (users.putIfAbsent(user.name(), user) != null) {
        throw new IllegalArgumentException(
            file + " line " + (i + 1) + ": user '" + user.name() + "' is listed twice");
      }
    }
    return Map.copyOf(users);
  }

  private static UserAccount parse(final String line, final Path file, final int number) {
    final int colon = line.indexOf(':');
    final String where = file + " line " + number + ": ";
    if (colon <= 0) {
      throw new IllegalArgumentException(where + "expected 'name: <password hash>, role, ...'");
    }
    final String name = line.substring(0, colon).strip();
    final String[] parts = line.substring(colon + 1).split(",");
    final String hash = parts[0].strip();
    try {
      PasswordHash.validate(hash);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "user '" + name + "': " + e.getMessage());
    }
    final Set<String> roles = new LinkedHashSet<>();
    Arrays.stream(parts)
        .skip(1)
        .map(String::strip)
        .filter(role -> !role.isEmpty())
        .forEach(roles::add);
    return new UserAccount(name, hash, roles);
  }
}
