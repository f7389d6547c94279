package io.ksr.domain.avro;

import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaProvider;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/** Avro schemas, parsed and compared with Apache Avro's own parser and compatibility checker. */
public final class AvroSchemaProvider implements SchemaProvider {
  static final String RESOLVED_FORMAT = "resolved";
  private static final Pattern UNRESOLVED =
      Pattern.compile("org\\.apache\\.avro\\.compiler\\.UnresolvedSchema_\\d+");

  @Override
  public SchemaType type() {
    return SchemaType.AVRO;
  }

  @Override
  public ParsedSchema parse(
      final String schemaText, final List<ResolvedReference> references, final boolean isNew) {
    final Schema.Parser parser = new Schema.Parser().setValidateDefaults(isNew);
    // The same reference may be listed twice (two schemas that both reference it): Avro accepts a
    // type defined again identically, and rejects one defined again differently.
    for (final ResolvedReference reference : references) {
      if (reference.type() != SchemaType.AVRO) {
        throw Errors.invalidSchema(
            "Invalid schema of type AVRO, details: reference '"
                + reference.name()
                + "' is a "
                + reference.type()
                + " schema");
      }
      parse(parser, reference.schema(), "reference '" + reference.name() + "': ");
    }
    // Every named type the references define, nested ones too, so that all of them print by name.
    final List<Schema> referenced = List.copyOf(parser.getTypes().values());
    return new AvroSchema(parse(parser, schemaText, ""), referenced);
  }

  /** Parses without rendering the canonical text, which is as costly as the parse itself. */
  @Override
  public void check(final String schemaText) {
    parse(new Schema.Parser().setValidateDefaults(false), schemaText, "");
  }

  private static Schema parse(final Schema.Parser parser, final String text, final String where) {
    try {
      return parser.parse(text);
    } catch (final RuntimeException e) {
      // Avro reports bad input as several runtime exception types (parse, type, Jackson errors).
      throw Errors.invalidSchema(
          "Invalid schema of type AVRO, details: " + where + withoutInternalNames(e.getMessage()));
    }
  }

  /** Avro's placeholder for a type named but not defined is an internal class, not a name. */
  private static String withoutInternalNames(final String message) {
    return message == null
        ? null
        : UNRESOLVED.matcher(message).replaceAll("a type that is not defined");
  }

  /**
   * A parsed Avro schema whose canonical text is Avro's compact JSON rendering, with the types it
   * references written by name.
   */
  static final class AvroSchema implements ParsedSchema {
    private final Schema schema;
    private final List<Schema> referenced;
    private final String canonical;
    private volatile String resolved;

    AvroSchema(final Schema schema, final List<Schema> referenced) {
      this.schema = Objects.requireNonNull(schema, "schema can't be null");
      this.referenced = List.copyOf(referenced);
      this.canonical = schema.toString(this.referenced, false);
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
    public String resolvedText() {
      String text = resolved;
      if (text == null) {
        text = schema.toString();
        resolved = text;
      }
      return text;
    }

    @Override
    public ParsedSchema normalize() {
      final String normalText = AvroNormalizer.normalText(schema, referenced);
      // Parsed again, as Confluent does, so that the canonical text is Avro's rendering of it; the
      // text came from a schema that parsed, so its defaults need no second check.
      final Schema normal =
          new Schema.Parser().setValidateDefaults(false).addTypes(referenced).parse(normalText);
      return new AvroSchema(normal, referenced);
    }

    @Override
    public String formatted(final String format) {
      return RESOLVED_FORMAT.equals(format) ? resolvedText() : canonical;
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
