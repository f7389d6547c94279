package io.ksr.security;

import java.util.Locale;

/** What a rule lets a user do; each permission includes the ones before it. */
public enum Permission {
  /** Read schemas, versions, configs and modes; check compatibility; look schemas up. */
  READ,
  /** Register schemas and delete versions and subjects. */
  WRITE,
  /** Change and delete configs and modes. */
  ADMIN;

  /** Whether holding this permission also gives {@code other}. */
  public boolean includes(final Permission other) {
    return compareTo(other) >= 0;
  }

  /** The name Confluent's authorizer uses in its messages: Read, Write, Admin. */
  public String operationName() {
    final String lower = name().toLowerCase(Locale.ROOT);
    return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
  }

  static Permission parse(final String text) {
    for (final Permission permission : values()) {
      if (permission.name().equalsIgnoreCase(text)) {
        return permission;
      }
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not a permission: use read, write or admin");
  }
}
