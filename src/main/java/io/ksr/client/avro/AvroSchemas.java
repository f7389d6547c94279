package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaString;
import io.ksr.domain.SchemaReference;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schemas of Java values, and registry schemas parsed with their references. */
final class AvroSchemas {
  // Shared, so that the serializer finds a primitive's encoding by reference; nothing here changes
  // a schema's properties.
  private static final Schema BOOLEAN = Schema.create(Schema.Type.BOOLEAN);
  private static final Schema INT = Schema.create(Schema.Type.INT);
  private static final Schema LONG = Schema.create(Schema.Type.LONG);
  private static final Schema FLOAT = Schema.create(Schema.Type.FLOAT);
  private static final Schema DOUBLE = Schema.create(Schema.Type.DOUBLE);
  private static final Schema STRING = Schema.create(Schema.Type.STRING);
  private static final Schema BYTES = Schema.create(Schema.Type.BYTES);

  private AvroSchemas() {}

  /**
   * The schema a value is written with: its own for Avro records, enums and fixed values, the
   * primitive schema for Java primitives.
   *
   * @throws SerializationException for a value Avro cannot write without a schema
   */
  static Schema schemaOf(final Object value) {
    if (value instanceof GenericContainer container) {
      return container.getSchema();
    } else if (value instanceof Boolean) {
      return BOOLEAN;
    } else if (value instanceof Integer) {
      return INT;
    } else if (value instanceof Long) {
      return LONG;
    } else if (value instanceof Float) {
      return FLOAT;
    } else if (value instanceof Double) {
      return DOUBLE;
    } else if (value instanceof CharSequence) {
      return STRING;
    } else if (value instanceof byte[] || value instanceof ByteBuffer) {
      return BYTES;
    }
    throw new SerializationException(
        "Cannot write a "
            + value.getClass().getName()
            + " as Avro: use a GenericRecord, a generated SpecificRecord or a primitive");
  }

  /** The full name of a named schema (record, enum, fixed), or null. */
  static String nameOf(final Schema schema) {
    return switch (schema.getType()) {
      case RECORD, ENUM, FIXED -> schema.getFullName();
      default -> null;
    };
  }

  /**
   * Parses a schema from the registry, first parsing every schema it references (fetched from the
   * registry), so that their named types are known.
   */
  static Schema parse(final SchemaString schema, final SchemaRegistryClient client) {
    final Schema.Parser parser = new Schema.Parser();
    final Set<String> seen = new HashSet<>();
    for (final SchemaString referenced : referencedFirst(schema, client, seen, new ArrayList<>())) {
      parser.parse(referenced.schema());
    }
    return parser.parse(schema.schema());
  }

  private static List<SchemaString> referencedFirst(
      final SchemaString schema,
      final SchemaRegistryClient client,
      final Set<String> seen,
      final List<SchemaString> ordered) {
    for (final SchemaReference reference : schema.references()) {
      if (seen.add(reference.subject() + "\0" + reference.version())) {
        final SchemaString referenced =
            client.getVersion(reference.subject(), reference.version()).schema();
        referencedFirst(referenced, client, seen, ordered);
        ordered.add(referenced);
      }
    }
    return ordered;
  }
}
