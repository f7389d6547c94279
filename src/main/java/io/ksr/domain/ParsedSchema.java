package io.ksr.domain;

import java.util.List;

/** A schema that parsed successfully, in the canonical text the registry stores and compares. */
public interface ParsedSchema {
  SchemaType type();

  /** The text stored in {@code _schemas} and returned by reads; equal schemas have equal text. */
  String canonicalString();

  /**
   * What stops a consumer using this schema from reading data written with {@code writer}, one
   * message per problem; empty when it can read it.
   *
   * @param readerIsNew whether this schema is the one being registered, so that messages can say
   *     "new" and "old" rather than "reader" and "writer"
   */
  List<String> readProblems(ParsedSchema writer, boolean readerIsNew);
}
