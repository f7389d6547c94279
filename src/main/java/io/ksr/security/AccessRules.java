package io.ksr.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the access rules file: one grant per line, {@code <who> <permission> <what>}, with {@code
 * #} starting a comment.
 *
 * <ul>
 *   <li>who: {@code user:<name>}, {@code role:<name>}, or {@code *} for every signed-in user;
 *   <li>permission: {@code read}, {@code write} or {@code admin}, each including the ones before;
 *   <li>what: {@code subject:<name>}, {@code subject:<prefix>*}, or {@code global} for the
 *       registry's own config and mode and for deleting contexts.
 * </ul>
 */
public final class AccessRules {
  /** One line of the file. */
  record Grant(String who, Permission permission, String resource) {
    private static final String SUBJECT = "subject:";
    static final String GLOBAL = "global";

    boolean appliesTo(final UserAccount user) {
      return who.equals("*")
          || who.equals("user:" + user.name())
          || (who.startsWith("role:") && user.roles().contains(who.substring("role:".length())));
    }

    boolean coversSubject(final String subject) {
      if (!resource.startsWith(SUBJECT)) {
        return false;
      }
      final String pattern = resource.substring(SUBJECT.length());
      return pattern.endsWith("*")
          ? subject.startsWith(pattern.substring(0, pattern.length() - 1))
          : subject.equals(pattern);
    }
  }

  private final List<Grant> grants;

  private AccessRules(final List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /**
   * The rules in {@code file}.
   *
   * @throws IllegalArgumentException naming the line that is wrong and why
   */
  public static AccessRules read(final Path file) {
    final List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot read the access rules file " + file, e);
    }
    final List<Grant> grants = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      final String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        grants.add(parse(line, file + " line " + (i + 1) + ": "));
      }
    }
    return new AccessRules(grants);
  }

  /** What {@code user} may do under these rules. */
  public Access accessFor(final UserAccount user) {
    final List<Grant> own = grants.stream().filter(grant -> grant.appliesTo(user)).toList();
    return new Access() {
      @Override
      public String user() {
        return user.name();
      }

      @Override
      public boolean allows(final Permission permission, final String subject) {
        return own.stream()
            .anyMatch(
                grant -> grant.permission().includes(permission) && grant.coversSubject(subject));
      }

      @Override
      public boolean allowsGlobal(final Permission permission) {
        return own.stream()
            .anyMatch(
                grant ->
                    grant.permission().includes(permission)
                        && grant.resource().equals(Grant.GLOBAL));
      }
    };
  }

  private static Grant parse(final String line, final String where) {
    final String[] words = line.split("\\s+");
    if (words.length != 3) {
      throw new IllegalArgumentException(
          where + "expected '<who> <permission> <what>', e.g. 'role:dev read subject:orders-*'");
    }
    final String who = words[0];
    if (!who.equals("*")
        && !(who.startsWith("user:") && who.length() > 5)
        && !(who.startsWith("role:") && who.length() > 5)) {
      throw new IllegalArgumentException(
          where + "'" + who + "' should be user:<name>, role:<name> or *");
    }
    final Permission permission;
    try {
      permission = Permission.parse(words[1]);
    } catch (final IllegalArgumentException e) {
      throw new IllegalArgumentException(where + e.getMessage());
    }
    final String resource = words[2];
    if (!resource.equals(Grant.GLOBAL) && !resource.startsWith("subject:")) {
      throw new IllegalArgumentException(
          where + "'" + resource + "' should be subject:<name>, subject:<prefix>* or global");
    }
    return new Grant(who, permission, resource);
  }
}
