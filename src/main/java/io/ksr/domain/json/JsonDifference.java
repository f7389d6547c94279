package io.ksr.domain.json;

/**
 * One difference between an original JSON Schema and its update, at a path such as {@code
 * #/properties/age/maximum}.
 */
record JsonDifference(JsonDifferenceType type, String path) {
  /** The path of the root schema. */
  static final String ROOT = "#/";

  /**
   * The difference as Confluent lists it in a 409 response.
   *
   * @param readerIsNew whether the update is the new schema, so that the text says "new" for it
   */
  String describe(final boolean readerIsNew) {
    final String reader = readerIsNew ? "new" : "old";
    final String writer = readerIsNew ? "old" : "new";
    return "{errorType:\"%s\", description:\"%s\"}"
        .formatted(type, type.describe(path, reader, writer));
  }

  /** The same difference found in a schema that sits at {@code prefix}, seen from the root. */
  JsonDifference under(final String prefix) {
    if (prefix.equals(ROOT)) {
      return this;
    }
    return new JsonDifference(
        type, path.equals(ROOT) ? prefix : prefix + "/" + path.substring(ROOT.length()));
  }
}
