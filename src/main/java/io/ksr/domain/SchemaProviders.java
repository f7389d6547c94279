package io.ksr.domain;

import io.ksr.domain.avro.AvroSchemaProvider;
import io.ksr.domain.json.JsonSchemaProvider;
import io.ksr.domain.protobuf.ProtobufSchemaProvider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The schema types this registry serves, and the parsing entry point for all of them. */
public final class SchemaProviders {
  private final Map<SchemaType, SchemaProvider> providers = new EnumMap<>(SchemaType.class);

  public SchemaProviders(final List<SchemaProvider> providers) {
    for (final SchemaProvider provider : providers) {
      this.providers.put(provider.type(), provider);
    }
  }

  /** The providers this build ships with. */
  public static SchemaProviders builtIn() {
    return new SchemaProviders(
        List.of(new AvroSchemaProvider(), new JsonSchemaProvider(), new ProtobufSchemaProvider()));
  }

  /** The types {@code GET /schemas/types} lists. */
  public Set<SchemaType> types() {
    return providers.keySet();
  }

  /**
   * Parses schema text of the given type.
   *
   * @param references see {@link SchemaProvider#parse}
   * @throws RegistryException 42201 when the text is empty or invalid, or the type is not served
   */
  public ParsedSchema parse(
      final SchemaType type,
      final String schemaText,
      final List<ResolvedReference> references,
      final boolean isNew) {
    final SchemaProvider provider = provider(type, schemaText);
    try {
      return provider.parse(schemaText, references, isNew);
    } catch (final StackOverflowError e) {
      throw nestedTooDeeply(type);
    }
  }

  /**
   * Checks that schema text without references parses; see {@link SchemaProvider#check}.
   *
   * @throws RegistryException 42201 as {@link #parse} does
   */
  public void check(final SchemaType type, final String schemaText) {
    final SchemaProvider provider = provider(type, schemaText);
    try {
      provider.check(schemaText);
    } catch (final StackOverflowError e) {
      throw nestedTooDeeply(type);
    }
  }

  /**
   * The parsers recurse once per level of nesting; a hostile schema must not take the thread down
   * with it, least of all the writer's or the store's.
   */
  private static RegistryException nestedTooDeeply(final SchemaType type) {
    return Errors.invalidSchema(
        "Invalid schema of type " + type + ", details: the schema is nested too deeply");
  }

  private SchemaProvider provider(final SchemaType type, final String schemaText) {
    if (schemaText == null || schemaText.isBlank()) {
      throw Errors.invalidSchema("Empty schema");
    }
    final SchemaProvider provider = providers.get(type);
    if (provider == null) {
      throw Errors.invalidSchema(
          "Schema type " + type + " is not supported by this registry; it serves " + types());
    }
    return provider;
  }
}
