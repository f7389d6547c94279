package io.ksr.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.CompatibilityChecker;
import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Whether a schema may follow a subject's live versions under the subject's compatibility level;
 * registration and the compatibility endpoints ask the same question.
 */
public final class SubjectCompatibility {
  private final RegistryReader reader;
  private final SchemaResolver resolver;
  private final SettingsQueries settings;

  public SubjectCompatibility(
      final RegistryReader reader, final SchemaResolver resolver, final SettingsQueries settings) {
    this.reader = Objects.requireNonNull(reader, "reader can't be null");
    this.resolver = Objects.requireNonNull(resolver, "resolver can't be null");
    this.settings = Objects.requireNonNull(settings, "settings can't be null");
  }

  /**
   * Checks a schema against the subject's live versions as a registration would.
   *
   * @param metadata the new schema's metadata, which selects the versions of its compatibility
   *     group when the subject's config names one
   * @return the problems, as Confluent lists them; empty when compatible
   */
  public List<String> check(
      final String subject, final ParsedSchema candidate, final JsonNode metadata) {
    final SchemaConfig config = settings.effectiveConfig(subject);
    final CompatibilityLevel level = level(config);
    if (level == CompatibilityLevel.NONE) {
      return List.of();
    }
    final String group = config.compatibilityGroup();
    final List<PreviousVersion> previous = new ArrayList<>();
    final List<StoredVersion> versions = reader.versions(subject);
    for (int i = versions.size() - 1; i >= 0; i--) {
      final StoredVersion version = versions.get(i);
      if (version.deleted()) {
        continue;
      }
      if (group == null
          || groupValue(schemaOf(version).metadata(), group).equals(groupValue(metadata, group))) {
        previous.add(new PreviousVersion(version.version(), parse(subject, version)));
        // A level that is not transitive compares with the newest version only: parse no more.
        if (!level.transitive()) {
          break;
        }
      }
    }
    return CompatibilityChecker.check(candidate, previous, level);
  }

  /**
   * Checks a schema against one live version, in the direction of the subject's level.
   *
   * @return the problems; empty when compatible
   */
  public List<String> checkAgainst(
      final String subject, final StoredVersion version, final ParsedSchema candidate) {
    final ParsedSchema old = parse(subject, version);
    return CompatibilityChecker.check(
        candidate,
        List.of(new PreviousVersion(version.version(), old)),
        level(settings.effectiveConfig(subject)));
  }

  private CompatibilityLevel level(final SchemaConfig config) {
    final CompatibilityLevel level = config.level();
    return level != null ? level : settings.globalCompatibility();
  }

  private SchemaEntry schemaOf(final StoredVersion version) {
    return reader.schemaOf(version).orElseThrow(() -> Errors.schemaNotFound(version.id()));
  }

  private ParsedSchema parse(final String subject, final StoredVersion version) {
    try {
      return resolver.parseStored(version);
    } catch (final RegistryException e) {
      throw Errors.invalidSchema(
          "Version "
              + version.version()
              + " of subject '"
              + subject
              + "' cannot be read to check compatibility: "
              + e.getMessage());
    }
  }

  private static String groupValue(final JsonNode metadata, final String group) {
    return metadata == null ? "" : metadata.path("properties").path(group).asText("");
  }
}
