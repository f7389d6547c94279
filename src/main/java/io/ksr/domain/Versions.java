package io.ksr.domain;

import java.util.Locale;

/** Version numbers as they appear in paths: a positive number, {@code latest} or {@code -1}. */
public final class Versions {
  /** Stands for the highest live version. */
  public static final int LATEST = -1;

  private Versions() {}

  /**
   * Parses a version path segment.
   *
   * @return the version number, or {@link #LATEST}
   * @throws RegistryException 42202 for anything else
   */
  public static int parse(final String text) {
    final String trimmed = text == null ? "" : text.trim();
    if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
      return LATEST;
    }
    try {
      final int version = Integer.parseInt(trimmed);
      if (version == LATEST || version > 0) {
        return version;
      }
    } catch (final NumberFormatException e) {
      // Falls through to the registry's own error, as Confluent's does.
    }
    throw Errors.invalidVersion(text);
  }
}
