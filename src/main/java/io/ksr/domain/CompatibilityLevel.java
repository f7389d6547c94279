package io.ksr.domain;

import java.util.Locale;

/** How a new schema version must relate to the earlier versions of its subject. */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  private final boolean newReadsOld;
  private final boolean oldReadsNew;
  private final boolean transitive;

  CompatibilityLevel(
      final boolean newReadsOld, final boolean oldReadsNew, final boolean transitive) {
    this.newReadsOld = newReadsOld;
    this.oldReadsNew = oldReadsNew;
    this.transitive = transitive;
  }

  /** Whether a consumer using the new schema must read data written with the old ones. */
  public boolean newReadsOld() {
    return newReadsOld;
  }

  /** Whether a consumer using an old schema must read data written with the new one. */
  public boolean oldReadsNew() {
    return oldReadsNew;
  }

  /** Whether every earlier version is checked, not only the latest. */
  public boolean transitive() {
    return transitive;
  }

  /** Parses a level name case-insensitively, failing with 42203 on anything else. */
  public static CompatibilityLevel parse(final String name) {
    if (name != null) {
      final String wanted = name.trim().toUpperCase(Locale.ROOT);
      for (final CompatibilityLevel level : values()) {
        if (level.name().equals(wanted)) {
          return level;
        }
      }
    }
    throw Errors.invalidCompatibilityLevel(name);
  }
}
