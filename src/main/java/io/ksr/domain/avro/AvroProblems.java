package io.ksr.domain.avro;

import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Words Avro's compatibility problems the way Confluent's 409 responses list them. */
final class AvroProblems {
  private AvroProblems() {}

  static String describe(final Incompatibility problem, final boolean readerIsNew) {
    final String reader = readerIsNew ? "new" : "old";
    final String writer = readerIsNew ? "old" : "new";
    final String path = problem.getLocation();
    final String info = problem.getMessage();
    final String description =
        switch (problem.getType()) {
          case READER_FIELD_MISSING_DEFAULT_VALUE ->
              "The field '%s' at path '%s' in the %s schema has no default value and is missing in the %s schema"
                  .formatted(info, path, reader, writer);
          case TYPE_MISMATCH ->
              "The type (path '%s') of a field in the %s schema does not match with the %s schema"
                  .formatted(path, reader, writer);
          case NAME_MISMATCH -> "The name of the schema has changed (path '%s')".formatted(path);
          case MISSING_ENUM_SYMBOLS ->
              "The %s schema is missing enum symbols '%s' at path '%s' in the %s schema"
                  .formatted(reader, info, path, writer);
          case FIXED_SIZE_MISMATCH ->
              "The size of FIXED type field at path '%s' in the %s schema does not match with the %s schema"
                  .formatted(path, reader, writer);
          case MISSING_UNION_BRANCH ->
              "The %s schema is missing a type inside a union field at path '%s' in the %s schema"
                  .formatted(reader, path, writer);
        };
    return "{errorType:'%s', description:'%s', additionalInfo:'%s'}"
        .formatted(problem.getType(), description, info);
  }
}
