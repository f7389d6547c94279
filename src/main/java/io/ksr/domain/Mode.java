package io.ksr.domain;

import java.util.Locale;

/** What writes a subject, a context or the whole registry accepts. */
public enum Mode {
  /** Every write, with compatibility checks and ids allocated by the registry. */
  READWRITE,
  /** No writes; reads only. */
  READONLY,
  /** As {@link #READONLY}; set globally, it also overrides every subject's own mode. */
  READONLY_OVERRIDE,
  /** Registrations that carry their own id and version, unchecked, for migrating registries. */
  IMPORT;

  /** Whether writes other than mode changes are refused. */
  public boolean isReadOnly() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }

  /** Parses a mode name case-insensitively, failing with 42204 on anything else. */
  public static Mode parse(final String name) {
    if (name != null) {
      final String wanted = name.trim().toUpperCase(Locale.ROOT);
      for (final Mode mode : values()) {
        if (mode.name().equals(wanted)) {
          return mode;
        }
      }
    }
    throw Errors.invalidMode(name);
  }
}
