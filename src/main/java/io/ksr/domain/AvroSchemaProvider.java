package io.ksr.domain;

import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Avro schemas, parsed and compared with Apache Avro's own parser and compatibility checker. */
public final class AvroSchemaProvider implements SchemaProvider {

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public ParsedSchema parse(final String schemaText, final boolean isNew) {
    final Schema schema;
    try {
      schema = new Schema.Parser().setValidateDefaults(isNew).parse(schemaText);
    } catch (final RuntimeException e) {
      // Avro reports bad input as several runtime exception types (parse, type, Jackson errors).
      throw Errors.invalidSchema("Invalid schema of type AVRO, details: " + e.getMessage());
    }
    return new AvroSchema(schema);
  }

  /** A parsed Avro schema whose canonical text is Avro's compact JSON rendering. */
  static final class AvroSchema implements ParsedSchema {
    private final Schema schema;
    private final String canonical;

    AvroSchema(final Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema can't be null");
      this.canonical = schema.toString();
    }

    @Override
    public SchemaType type() {
      return SchemaType.AVRO;
    }

    @Override
    public String canonicalString() {
      return canonical;
    }

    @Override
    public List<String> readProblems(final ParsedSchema writer, final boolean readerIsNew) {
      final Schema writerSchema = ((AvroSchema) writer).schema;
      return SchemaCompatibility.checkReaderWriterCompatibility(schema, writerSchema)
          .getResult()
          .getIncompatibilities()
          .stream()
          .map(problem -> AvroProblems.describe(problem, readerIsNew))
          .toList();
    }
  }
}
