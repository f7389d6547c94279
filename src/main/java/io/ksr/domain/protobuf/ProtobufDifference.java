package io.ksr.domain.protobuf;

/**
 * One difference between an old and a new Protobuf schema, typed with the names of Confluent's
 * Protobuf diff, at a path such as {@code #/Order/3} (message {@code Order}, field number 3).
 *
 * @param path {@code #/} followed by the names of the enclosing messages, then a oneof's name, a
 *     field or enum constant number, as the difference needs
 */
record ProtobufDifference(Type type, String path) {
  /** The kinds of difference, and whether a reader can still read what a writer wrote. */
  enum Type {
    PACKAGE_CHANGED(false),
    MESSAGE_ADDED(true),
    MESSAGE_REMOVED(false),
    MESSAGE_MOVED(true),
    ENUM_ADDED(true),
    ENUM_REMOVED(true),
    ENUM_CONST_ADDED(true),
    ENUM_CONST_CHANGED(true),
    ENUM_CONST_REMOVED(true),
    FIELD_ADDED(true),
    FIELD_REMOVED(true),
    FIELD_NAME_CHANGED(true),
    FIELD_KIND_CHANGED(false),
    FIELD_SCALAR_KIND_CHANGED(false),
    FIELD_NAMED_TYPE_CHANGED(false),
    FIELD_NUMERIC_LABEL_CHANGED(false),
    FIELD_STRING_OR_BYTES_LABEL_CHANGED(true),
    REQUIRED_FIELD_ADDED(false),
    REQUIRED_FIELD_REMOVED(false),
    ONEOF_ADDED(true),
    ONEOF_REMOVED(true),
    ONEOF_FIELD_ADDED(true),
    ONEOF_FIELD_REMOVED(false),
    MULTIPLE_FIELDS_MOVED_TO_ONEOF(false),
    FIELD_MOVED_TO_EXISTING_ONEOF(false);

    private final boolean compatible;

    Type(final boolean compatible) {
      this.compatible = compatible;
    }

    boolean compatible() {
      return compatible;
    }
  }

  boolean compatible() {
    return type.compatible();
  }

  /**
   * The difference as a 409 response lists it, {@code {errorType:"...", description:"..."}}.
   *
   * @param readerIsNew whether the schema that reads (the one compared against the writer's) is the
   *     new one
   */
  String describe(final boolean readerIsNew) {
    final String reader = readerIsNew ? "new" : "old";
    final String writer = readerIsNew ? "old" : "new";
    final String description =
        switch (type) {
          case PACKAGE_CHANGED ->
              "The package of the %s schema (at '%s') is not the package of the %s schema"
                  .formatted(reader, path, writer);
          case MESSAGE_REMOVED ->
              "The message type at path '%s' in the %s schema is missing from the %s schema"
                  .formatted(path, writer, reader);
          case FIELD_KIND_CHANGED ->
              ("The field at path '%s' is a different kind of field (scalar, message or map) in"
                      + " the %s schema than in the %s schema")
                  .formatted(path, reader, writer);
          case FIELD_SCALAR_KIND_CHANGED ->
              ("The scalar field at path '%s' has a type in the %s schema that can't read its"
                      + " type in the %s schema")
                  .formatted(path, reader, writer);
          case FIELD_NAMED_TYPE_CHANGED ->
              ("The message field at path '%s' has a type in the %s schema that can't read its"
                      + " type in the %s schema")
                  .formatted(path, reader, writer);
          case FIELD_NUMERIC_LABEL_CHANGED ->
              ("The numeric field at path '%s' is repeated in only one of the %s and %s schemas,"
                      + " or required in only one")
                  .formatted(path, reader, writer);
          case REQUIRED_FIELD_ADDED ->
              "The required field at path '%s' in the %s schema is missing from the %s schema"
                  .formatted(path, reader, writer);
          case REQUIRED_FIELD_REMOVED ->
              "The required field at path '%s' in the %s schema is missing from the %s schema"
                  .formatted(path, writer, reader);
          case ONEOF_FIELD_REMOVED ->
              "The oneof field at path '%s' in the %s schema is missing from the %s schema"
                  .formatted(path, writer, reader);
          case MULTIPLE_FIELDS_MOVED_TO_ONEOF ->
              ("The oneof at path '%s' in the %s schema holds several fields that the %s schema"
                      + " has outside any oneof")
                  .formatted(path, reader, writer);
          case FIELD_MOVED_TO_EXISTING_ONEOF ->
              ("The oneof at path '%s' in the %s schema holds a field that the %s schema has outside"
                      + " any oneof, next to fields of an existing oneof")
                  .formatted(path, reader, writer);
          default -> "The %s schema changed at path '%s' (%s)".formatted(reader, path, type);
        };
    return "{errorType:\"%s\", description:\"%s\"}".formatted(type, description);
  }
}
