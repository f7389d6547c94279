package io.ksr.store;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Mode;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import java.util.Objects;
import java.util.Optional;

/**
 * Configs and modes, and which of them is in force for a subject: its own, else its context's, else
 * the global one, else the default.
 */
public final class SettingsQueries {
  private final RegistryReader reader;
  private final CompatibilityLevel defaultLevel;

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   */
  public SettingsQueries(final RegistryReader reader, final CompatibilityLevel defaultLevel) {
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel can't be null");
  }

  /** The config stored at one scope: a subject, a context ({@code :.ctx:}) or global (null). */
  public Optional<SchemaConfig> storedConfig(final String scope) {
    return reader.config(scope).map(ConfigEntry::config);
  }

  /** The global config, with the configured default level when none is stored. */
  public SchemaConfig globalConfig() {
    return storedConfig(null).orElse(SchemaConfig.EMPTY).over(SchemaConfig.ofLevel(defaultLevel));
  }

  /**
   * The config in force for a subject: the fields set for the subject itself over those of its
   * context, the global ones and the default level.
   */
  public SchemaConfig effectiveConfig(final String subject) {
    SchemaConfig config = globalConfig();
    final QualifiedSubject qualified = QualifiedSubject.parse(subject);
    if (!qualified.isDefaultContext()) {
      config = storedConfig(contextScope(qualified)).orElse(SchemaConfig.EMPTY).over(config);
    }
    if (!qualified.isContextOnly()) {
      config = storedConfig(subject).orElse(SchemaConfig.EMPTY).over(config);
    }
    return config;
  }

  /** The compatibility level in force for a subject. */
  public CompatibilityLevel effectiveCompatibility(final String subject) {
    final CompatibilityLevel level = effectiveConfig(subject).level();
    return level != null ? level : defaultLevel;
  }

  /** The global compatibility level. */
  public CompatibilityLevel globalCompatibility() {
    final CompatibilityLevel level = globalConfig().level();
    return level != null ? level : defaultLevel;
  }

  /** The mode stored at one scope: a subject, a context ({@code :.ctx:}) or global (null). */
  public Optional<Mode> storedMode(final String scope) {
    return reader.mode(scope).map(StoredMode::mode).flatMap(SettingsQueries::parseStoredMode);
  }

  /**
   * The mode in force for a subject: its own, else its context's, else the global one, else
   * READWRITE; a global READONLY_OVERRIDE beats them all.
   */
  public Mode effectiveMode(final String subject) {
    final Optional<Mode> global = storedMode(null);
    if (global.isPresent() && global.get() == Mode.READONLY_OVERRIDE) {
      return Mode.READONLY_OVERRIDE;
    }
    final QualifiedSubject qualified = QualifiedSubject.parse(subject);
    if (!qualified.isContextOnly()) {
      final Optional<Mode> own = storedMode(subject);
      if (own.isPresent()) {
        return own.get();
      }
    }
    if (!qualified.isDefaultContext()) {
      final Optional<Mode> context = storedMode(contextScope(qualified));
      if (context.isPresent()) {
        return context.get();
      }
    }
    return global.orElse(Mode.READWRITE);
  }

  /** The global mode. */
  public Mode globalMode() {
    return storedMode(null).orElse(Mode.READWRITE);
  }

  private static String contextScope(final QualifiedSubject subject) {
    return new QualifiedSubject(subject.context(), "").qualified();
  }

  private static Optional<Mode> parseStoredMode(final String mode) {
    try {
      return Optional.of(Mode.parse(mode));
    } catch (final RegistryException e) {
      // A mode another writer stored that we cannot read counts as no mode at all.
      return Optional.empty();
    }
  }
}
