package io.ksr.domain.avro;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.Schema.Field;

/**
 * Writes an Avro schema in the normal form of Confluent's {@code AvroSchemaUtils}, which the caller
 * parses again so that the stored text is Avro's own rendering of it, as Confluent's is.
 *
 * <p>What the normal form changes, and so what schemas that mean the same may differ in:
 *
 * <ul>
 *   <li>custom properties, of types and of fields, in key order, and the keys of JSON objects in
 *       property values and field defaults in key order at every depth; a logical type that Avro
 *       knows, on a primitive or fixed type, comes first, with a decimal's precision and non-zero
 *       scale;
 *   <li>aliases in order, those of named types by full name;
 *   <li>an empty doc of a named type left out (a field's is kept);
 *   <li>field defaults written from the value Avro reads them as for the field's type, so that
 *       {@code 1} for a double becomes {@code 1.0}; a default Avro can't read for its type (only
 *       possible in schemas not validated as new) is left out.
 * </ul>
 *
 * <p>Field order, union branch order and enum symbol order are kept: they change what the schema
 * means. Types that a reference defines, and types already written, are written by full name.
 *
 * <p>Where this differs from Confluent, on purpose: Confluent writes a named type by its full name
 * only, so a type in the null namespace nested in a namespaced type moves into that namespace when
 * parsed again; here it gets an explicit empty namespace and keeps its name. And Confluent fails on
 * a property Avro can't read (such as an integer beyond 64 bits); here it is written as written.
 */
final class AvroNormalizer {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String LOGICAL_TYPE = "logicalType";
  private static final String PRECISION = "precision";
  private static final String SCALE = "scale";

  private final JsonGenerator out;
  private final Set<String> written;

  private AvroNormalizer(final JsonGenerator out, final Set<String> written) {
    this.out = out;
    this.written = written;
  }

  /**
   * The normal form of {@code schema} as JSON text.
   *
   * @param referenced the named types that the schema's references define
   */
  static String normalText(final Schema schema, final Collection<Schema> referenced) {
    final Set<String> written = new HashSet<>();
    referenced.forEach(type -> written.add(type.getFullName()));
    final StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      new AvroNormalizer(out, written).write(schema);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private void write(final Schema schema) throws IOException {
    switch (schema.getType()) {
      case UNION -> {
        out.writeStartArray();
        for (final Schema branch : schema.getTypes()) {
          write(branch);
        }
        out.writeEndArray();
      }
      case ARRAY -> writeContainer(schema, "items", schema.getElementType());
      case MAP -> writeContainer(schema, "values", schema.getValueType());
      case RECORD, ENUM, FIXED -> writeNamed(schema);
      default -> writePrimitive(schema);
    }
  }

  private void writeContainer(final Schema schema, final String key, final Schema inner)
      throws IOException {
    out.writeStartObject();
    out.writeStringField("type", schema.getType().getName());
    out.writeFieldName(key);
    write(inner);
    writeProperties(schema, Set.of());
    out.writeEndObject();
  }

  private void writeNamed(final Schema schema) throws IOException {
    final String fullName = schema.getFullName();
    if (!written.add(fullName)) {
      out.writeString(fullName);
      return;
    }
    out.writeStartObject();
    out.writeStringField("name", fullName);
    if (schema.getNamespace() == null) {
      // Without it a nested type would be parsed into the enclosing type's namespace.
      out.writeStringField("namespace", "");
    }
    out.writeStringField("type", schema.getType().getName());
    Set<String> logicalKeys = Set.of();
    switch (schema.getType()) {
      case ENUM -> {
        out.writeArrayFieldStart("symbols");
        for (final String symbol : schema.getEnumSymbols()) {
          out.writeString(symbol);
        }
        out.writeEndArray();
        if (schema.getEnumDefault() != null) {
          out.writeStringField("default", schema.getEnumDefault());
        }
      }
      case FIXED -> {
        out.writeNumberField("size", schema.getFixedSize());
        logicalKeys = writeLogicalType(schema.getLogicalType());
      }
      default -> {
        out.writeArrayFieldStart("fields");
        for (final Field field : schema.getFields()) {
          writeField(field);
        }
        out.writeEndArray();
      }
    }
    if (schema.getDoc() != null && !schema.getDoc().isEmpty()) {
      out.writeStringField("doc", schema.getDoc());
    }
    writeAliases(schema.getAliases());
    writeProperties(schema, logicalKeys);
    out.writeEndObject();
  }

  private void writeField(final Field field) throws IOException {
    out.writeStartObject();
    out.writeStringField("name", field.name());
    out.writeFieldName("type");
    write(field.schema());
    if (field.order() != Field.Order.ASCENDING) {
      out.writeStringField("order", field.order().name().toLowerCase(Locale.ROOT));
    }
    if (field.doc() != null) {
      out.writeStringField("doc", field.doc());
    }
    writeAliases(field.aliases());
    final Object defaultValue = field.defaultVal();
    if (defaultValue != null) {
      out.writeFieldName("default");
      writeValue(defaultValue);
    }
    writeProperties(field, Set.of());
    out.writeEndObject();
  }

  private void writePrimitive(final Schema schema) throws IOException {
    final LogicalType logicalType = schema.getLogicalType();
    if (logicalType == null && !schema.hasProps()) {
      out.writeString(schema.getType().getName());
      return;
    }
    out.writeStartObject();
    out.writeStringField("type", schema.getType().getName());
    writeProperties(schema, writeLogicalType(logicalType));
    out.writeEndObject();
  }

  /** Writes a recognised logical type's keys, and returns them so they are not written twice. */
  private Set<String> writeLogicalType(final LogicalType logicalType) throws IOException {
    if (logicalType == null) {
      return Set.of();
    }
    out.writeStringField(LOGICAL_TYPE, logicalType.getName());
    if (!(logicalType instanceof LogicalTypes.Decimal decimal)) {
      return Set.of(LOGICAL_TYPE);
    }
    out.writeNumberField(PRECISION, decimal.getPrecision());
    if (decimal.getScale() == 0) {
      return Set.of(LOGICAL_TYPE, PRECISION);
    }
    out.writeNumberField(SCALE, decimal.getScale());
    return Set.of(LOGICAL_TYPE, PRECISION, SCALE);
  }

  private void writeAliases(final Set<String> aliases) throws IOException {
    if (aliases.isEmpty()) {
      return;
    }
    out.writeArrayFieldStart("aliases");
    for (final String alias : new TreeSet<>(aliases)) {
      out.writeString(alias);
    }
    out.writeEndArray();
  }

  private void writeProperties(final JsonProperties owner, final Set<String> alreadyWritten)
      throws IOException {
    if (!owner.hasProps()) {
      return;
    }
    final JsonNode properties = rawProperties(owner);
    for (final String key : sortedKeys(properties)) {
      if (!alreadyWritten.contains(key)) {
        out.writeFieldName(key);
        writeSorted(properties.get(key));
      }
    }
  }

  /**
   * The properties as Avro read them: its typed view of them loses values it has no Java type for,
   * so they are copied onto a bare schema, whose text has them verbatim.
   */
  private static JsonNode rawProperties(final JsonProperties owner) throws IOException {
    final Schema carrier = Schema.create(Schema.Type.NULL);
    carrier.addAllProps(owner);
    final ObjectNode properties = (ObjectNode) JSON.readTree(carrier.toString());
    properties.remove("type");
    return properties;
  }

  private void writeSorted(final JsonNode node) throws IOException {
    if (node.isObject()) {
      out.writeStartObject();
      for (final String key : sortedKeys(node)) {
        out.writeFieldName(key);
        writeSorted(node.get(key));
      }
      out.writeEndObject();
    } else if (node.isArray()) {
      out.writeStartArray();
      for (final JsonNode element : node) {
        writeSorted(element);
      }
      out.writeEndArray();
    } else {
      out.writeTree(node);
    }
  }

  private static Set<String> sortedKeys(final JsonNode node) {
    final Set<String> keys = new TreeSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** Writes a default in the form Avro reads it as: Java maps, lists, bytes and scalars. */
  private void writeValue(final Object value) throws IOException {
    if (value == JsonProperties.NULL_VALUE) {
      out.writeNull();
    } else if (value instanceof Map<?, ?> map) {
      final Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, entry) -> sorted.put(key.toString(), entry));
      out.writeStartObject();
      for (final Map.Entry<String, Object> entry : sorted.entrySet()) {
        out.writeFieldName(entry.getKey());
        writeValue(entry.getValue());
      }
      out.writeEndObject();
    } else if (value instanceof Collection<?> elements) {
      out.writeStartArray();
      for (final Object element : elements) {
        writeValue(element);
      }
      out.writeEndArray();
    } else if (value instanceof byte[] bytes) {
      // Avro's JSON encoding of bytes: one character per byte.
      out.writeString(new String(bytes, StandardCharsets.ISO_8859_1));
    } else {
      out.writeObject(value);
    }
  }
}
