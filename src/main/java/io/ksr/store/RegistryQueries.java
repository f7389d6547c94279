package io.ksr.store;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;

/**
 * Every read the registry answers, over one view of its state: this instance's store for HTTP
 * reads, or the writer's view for the writer's decisions.
 */
public record RegistryQueries(
    RegistryReader reader,
    SubjectQueries subjects,
    SchemaQueries schemas,
    SettingsQueries settings,
    SchemaResolver resolver,
    SubjectCompatibility compatibility,
    CandidateSchemas candidates) {

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   */
  public static RegistryQueries over(
      final KeyValueView kv,
      final SchemaProviders providers,
      final CompatibilityLevel defaultLevel) {
    return over(kv, providers, defaultLevel, ParsedSchemaCache.none());
  }

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   * @param cache keeps parsed schemas across views of the same state
   */
  public static RegistryQueries over(
      final KeyValueView kv,
      final SchemaProviders providers,
      final CompatibilityLevel defaultLevel,
      final ParsedSchemaCache cache) {
    final RegistryReader reader = new RegistryReader(kv);
    final SubjectQueries subjects = new SubjectQueries(reader);
    final SettingsQueries settings = new SettingsQueries(reader, defaultLevel);
    final SchemaResolver resolver = new SchemaResolver(reader, providers, cache);
    return new RegistryQueries(
        reader,
        subjects,
        new SchemaQueries(reader, subjects),
        settings,
        resolver,
        new SubjectCompatibility(reader, resolver, settings),
        new CandidateSchemas(resolver, settings, subjects, reader));
  }
}
