package io.ksr.domain;

import java.util.List;

/** A schema that parsed successfully, in the canonical text the registry stores and compares. */
public interface ParsedSchema {
  SchemaType type();

  /**
   * The text stored in {@code _schemas} and returned by reads; equal schemas have equal text.
   * Referenced types appear by name only, as they were written.
   */
  String canonicalString();

  /**
   * The text that tells whether two schemas are the same once their references are resolved. Avro
   * resolves the types a schema references into the schema itself, so a schema sent with them
   * written out in full is the same as one registered with references; other types compare their
   * canonical text, as Confluent's registry does.
   */
  default String resolvedText() {
    return canonicalString();
  }

  /**
   * The same schema in normal form ({@code normalize=true}), so that schemas that differ only in
   * ways that do not matter (such as the order of keys) get the same canonical text.
   */
  ParsedSchema normalize();

  /**
   * The text in an output format a read asks for with {@code format}; the canonical text for a
   * format this type does not know. For Avro, {@code resolved} inlines the referenced types.
   */
  String formatted(String format);

  /**
   * What stops a consumer using this schema from reading data written with {@code writer}, one
   * message per problem; empty when it can read it.
   *
   * @param readerIsNew whether this schema is the one being registered, so that messages can say
   *     "new" and "old" rather than "reader" and "writer"
   */
  List<String> readProblems(ParsedSchema writer, boolean readerIsNew);
}
