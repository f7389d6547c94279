package io.ksr.security;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.nio.file.Path;
import java.util.Set;

/**
 * What a signed-in user may do, whichever way they signed in: the roles that admit a user at all,
 * then the access rules file, which is read again when it changes.
 */
public final class AccessPolicy {
  private final ReloadingFile<AccessRules> rules;
  private final Set<String> allowedRoles;

  /**
   * Reads the rules file.
   *
   * @param rulesFile the access rules file, or null to let every admitted user do everything
   * @param allowedRoles roles of which a user needs one to use the API at all; empty for any
   * @throws IllegalArgumentException when the rules file cannot be read or is malformed
   */
  public AccessPolicy(final Path rulesFile, final Set<String> allowedRoles) {
    this.rules = rulesFile == null ? null : new ReloadingFile<>(rulesFile, AccessRules::read);
    this.allowedRoles = Set.copyOf(allowedRoles);
  }

  /**
   * What {@code user} may do.
   *
   * @throws RegistryException 40301 when the user has none of the allowed roles
   */
  public Access accessFor(final UserAccount user) {
    if (!allowedRoles.isEmpty() && user.roles().stream().noneMatch(allowedRoles::contains)) {
      throw new RegistryException(
          ErrorCode.ACCESS_DENIED,
          "User " + user.name() + " has none of the roles allowed to use this registry");
    }
    return rules == null ? Access.unrestricted(user.name()) : rules.current().accessFor(user);
  }
}
