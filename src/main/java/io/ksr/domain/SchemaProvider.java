package io.ksr.domain;

import java.util.List;

/** Parses and validates the schemas of one schema type. */
public interface SchemaProvider {
  SchemaType type();

  /**
   * Parses schema text.
   *
   * @param references every schema it references, directly or through another reference, each
   *     listed after the schemas it references itself, so that they can be parsed in order
   * @param isNew whether the schema is about to be registered, which validates it more strictly
   *     (for Avro: field defaults must match their types)
   * @throws RegistryException with {@link ErrorCode#INVALID_SCHEMA} when the text is not a valid
   *     schema
   */
  ParsedSchema parse(String schemaText, List<ResolvedReference> references, boolean isNew);

  /**
   * Checks that schema text without references parses, as {@link #parse} with {@code isNew} false
   * would. A provider may skip what only users of a {@link ParsedSchema} need: at catch-up every
   * stored schema is checked once, and few are read soon after.
   *
   * @throws RegistryException as {@link #parse} does
   */
  default void check(final String schemaText) {
    parse(schemaText, List.of(), false);
  }
}
