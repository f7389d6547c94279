package io.ksr.security;

import java.util.Set;

/**
 * A user of the REST API: a name, the hash of the password (empty for the bearer of a token), and
 * the roles rules refer to.
 */
public record UserAccount(String name, String passwordHash, Set<String> roles) {
  public UserAccount {
    roles = Set.copyOf(roles);
  }

  @Override
  public String toString() {
    // A record prints every field; the hash must stay out of logs.
    return "UserAccount[name=" + name + ", roles=" + roles + "]";
  }
}
