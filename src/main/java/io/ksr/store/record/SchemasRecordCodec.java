package io.ksr.store.record;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaReference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes {@code _schemas} records in Confluent's exact JSON.
 *
 * <p>Keys are written byte for byte as Confluent writes them (field order, magic byte, compact
 * JSON, empty fields omitted), because log compaction only supersedes a record whose key bytes are
 * identical. Reading is lenient: field order does not matter and unknown fields are ignored.
 */
public final class SchemasRecordCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private SchemasRecordCodec() {}

  /** Encodes a key in Confluent's layout. */
  public static byte[] encodeKey(final SchemasKey key) {
    return write(
        json -> {
          json.writeStartObject();
          if (key instanceof SchemasKey.SchemaVersion k) {
            json.writeStringField("keytype", "SCHEMA");
            writeNonEmpty(json, "subject", k.subject());
            json.writeNumberField("version", k.version());
            json.writeNumberField("magic", 1);
          } else if (key instanceof SchemasKey.Config k) {
            subjectKey(json, "CONFIG", k.subject());
          } else if (key instanceof SchemasKey.Mode k) {
            subjectKey(json, "MODE", k.subject());
          } else if (key instanceof SchemasKey.DeleteSubject k) {
            subjectKey(json, "DELETE_SUBJECT", k.subject());
          } else if (key instanceof SchemasKey.ClearSubject k) {
            subjectKey(json, "CLEAR_SUBJECT", k.subject());
          } else if (key instanceof SchemasKey.Noop) {
            json.writeStringField("keytype", "NOOP");
            json.writeNumberField("magic", 0);
          } else if (key instanceof SchemasKey.Context k) {
            json.writeStringField("keytype", "CONTEXT");
            writeNonEmpty(json, "tenant", k.tenant());
            writeNonEmpty(json, "context", k.context());
            json.writeNumberField("magic", 0);
          }
          json.writeEndObject();
        });
  }

  /** Encodes a value; a null value stays null (a tombstone). */
  public static byte[] encodeValue(final SchemasValue value) {
    if (value == null) {
      return null;
    }
    return write(
        json -> {
          json.writeStartObject();
          if (value instanceof SchemasValue.Schema v) {
            writeSchema(json, v);
          } else if (value instanceof SchemasValue.Config v) {
            writeNonEmpty(json, "subject", v.subject());
            writeFields(json, MAPPER.valueToTree(v.config()));
          } else if (value instanceof SchemasValue.Mode v) {
            writeNonEmpty(json, "subject", v.subject());
            json.writeStringField("mode", v.mode());
          } else if (value instanceof SchemasValue.DeleteSubject v) {
            json.writeStringField("subject", v.subject());
            json.writeNumberField("version", v.version());
          } else if (value instanceof SchemasValue.ClearSubject v) {
            writeNonEmpty(json, "subject", v.subject());
          } else if (value instanceof SchemasValue.Context v) {
            writeNonEmpty(json, "tenant", v.tenant());
            writeNonEmpty(json, "context", v.context());
          }
          json.writeEndObject();
        });
  }

  /**
   * Decodes a key.
   *
   * @throws MalformedRecordException when the bytes are not a key this registry understands
   */
  public static SchemasKey decodeKey(final byte[] bytes) {
    final ObjectNode json = readObject(bytes, "key");
    final String keytype = text(json, "keytype");
    if (keytype == null) {
      throw new MalformedRecordException("key has no keytype: " + preview(bytes));
    }
    return switch (keytype) {
      case "SCHEMA" ->
          new SchemasKey.SchemaVersion(textOrEmpty(json, "subject"), requiredInt(json, "version"));
      case "CONFIG" -> new SchemasKey.Config(text(json, "subject"));
      case "MODE" -> new SchemasKey.Mode(text(json, "subject"));
      case "DELETE_SUBJECT" -> new SchemasKey.DeleteSubject(textOrEmpty(json, "subject"));
      case "CLEAR_SUBJECT" -> new SchemasKey.ClearSubject(text(json, "subject"));
      case "NOOP" -> new SchemasKey.Noop();
      case "CONTEXT" -> new SchemasKey.Context(text(json, "tenant"), text(json, "context"));
      default -> throw new MalformedRecordException("unknown keytype '" + keytype + "'");
    };
  }

  /**
   * Decodes the value that goes with {@code key}; null bytes are a tombstone and decode to null.
   *
   * @throws MalformedRecordException when the value does not fit its key
   */
  public static SchemasValue decodeValue(final SchemasKey key, final byte[] bytes) {
    if (bytes == null || key instanceof SchemasKey.Noop) {
      return null;
    }
    final ObjectNode json = readObject(bytes, "value");
    if (key instanceof SchemasKey.SchemaVersion k) {
      return readSchema(k, json);
    } else if (key instanceof SchemasKey.Config k) {
      return new SchemasValue.Config(
          k.subject() != null ? k.subject() : text(json, "subject"), readConfig(json));
    } else if (key instanceof SchemasKey.Mode k) {
      final String mode = text(json, "mode");
      if (mode == null) {
        throw new MalformedRecordException("MODE value has no mode");
      }
      return new SchemasValue.Mode(k.subject(), mode);
    } else if (key instanceof SchemasKey.DeleteSubject k) {
      return new SchemasValue.DeleteSubject(k.subject(), requiredInt(json, "version"));
    } else if (key instanceof SchemasKey.ClearSubject k) {
      return new SchemasValue.ClearSubject(k.subject());
    } else if (key instanceof SchemasKey.Context k) {
      return new SchemasValue.Context(k.tenant(), k.context());
    }
    throw new IllegalStateException("every key type is handled above: " + key);
  }

  private static void writeSchema(final JsonGenerator json, final SchemasValue.Schema v)
      throws IOException {
    json.writeStringField("subject", v.subject());
    json.writeNumberField("version", v.version());
    json.writeNumberField("id", v.id());
    writeNonEmpty(json, "schemaType", v.schemaType());
    if (!v.references().isEmpty()) {
      json.writeArrayFieldStart("references");
      for (final SchemaReference reference : v.references()) {
        json.writeStartObject();
        json.writeStringField("name", reference.name());
        json.writeStringField("subject", reference.subject());
        json.writeNumberField("version", reference.version());
        json.writeEndObject();
      }
      json.writeEndArray();
    }
    writeTree(json, "metadata", v.metadata());
    writeTree(json, "ruleSet", v.ruleSet());
    json.writeStringField("schema", v.schema());
    json.writeBooleanField("deleted", v.deleted());
  }

  private static SchemasValue.Schema readSchema(
      final SchemasKey.SchemaVersion key, final ObjectNode json) {
    final String schema = text(json, "schema");
    if (schema == null) {
      throw new MalformedRecordException("SCHEMA value has no schema text");
    }
    final String schemaType = text(json, "schemaType");
    return new SchemasValue.Schema(
        key.subject(),
        key.version(),
        requiredInt(json, "id"),
        // 8.x writes AVRO explicitly; older writers leave it out. Both mean Avro.
        "AVRO".equals(schemaType) ? null : schemaType,
        readReferences(json.get("references")),
        objectOrNull(json.get("metadata")),
        objectOrNull(json.get("ruleSet")),
        schema,
        json.path("deleted").asBoolean(false));
  }

  private static SchemaConfig readConfig(final ObjectNode json) {
    final ObjectNode settings = json.deepCopy();
    settings.remove("subject");
    text(settings, "compatibilityLevel");
    try {
      return MAPPER.treeToValue(settings, SchemaConfig.class);
    } catch (final IOException | IllegalArgumentException e) {
      throw new MalformedRecordException("CONFIG value does not fit: " + e.getMessage(), e);
    }
  }

  private static List<SchemaReference> readReferences(final JsonNode node) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new MalformedRecordException("references is not an array");
    }
    final List<SchemaReference> references = new ArrayList<>();
    for (final JsonNode item : node) {
      if (!item.isObject()) {
        throw new MalformedRecordException("a reference is not an object");
      }
      final ObjectNode reference = (ObjectNode) item;
      final String name = text(reference, "name");
      final String subject = text(reference, "subject");
      if (name == null || subject == null) {
        throw new MalformedRecordException("a reference lacks its name or subject");
      }
      references.add(new SchemaReference(name, subject, requiredInt(reference, "version")));
    }
    return references;
  }

  private static void subjectKey(
      final JsonGenerator json, final String keytype, final String subject) throws IOException {
    json.writeStringField("keytype", keytype);
    writeNonEmpty(json, "subject", subject);
    json.writeNumberField("magic", 0);
  }

  private static void writeNonEmpty(final JsonGenerator json, final String field, final String text)
      throws IOException {
    if (text != null && !text.isEmpty()) {
      json.writeStringField(field, text);
    }
  }

  private static void writeFields(final JsonGenerator json, final JsonNode object)
      throws IOException {
    for (final Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      final Map.Entry<String, JsonNode> field = it.next();
      json.writeFieldName(field.getKey());
      MAPPER.writeTree(json, field.getValue());
    }
  }

  private static void writeTree(final JsonGenerator json, final String field, final JsonNode tree)
      throws IOException {
    if (tree != null && !tree.isNull() && !tree.isEmpty()) {
      json.writeFieldName(field);
      MAPPER.writeTree(json, tree);
    }
  }

  private static ObjectNode readObject(final byte[] bytes, final String what) {
    if (bytes == null) {
      throw new MalformedRecordException(what + " is null");
    }
    final JsonNode json;
    try {
      json = MAPPER.readTree(bytes);
    } catch (final IOException e) {
      throw new MalformedRecordException(what + " is not JSON: " + preview(bytes), e);
    }
    if (json == null || !json.isObject()) {
      throw new MalformedRecordException(what + " is not a JSON object: " + preview(bytes));
    }
    return (ObjectNode) json;
  }

  private static String text(final ObjectNode json, final String field) {
    final JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new MalformedRecordException(field + " is not a string");
    }
    return node.textValue();
  }

  private static String textOrEmpty(final ObjectNode json, final String field) {
    final String text = text(json, field);
    return text == null ? "" : text;
  }

  private static int requiredInt(final ObjectNode json, final String field) {
    final JsonNode node = json.get(field);
    if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new MalformedRecordException(field + " is missing or not an integer");
    }
    return node.intValue();
  }

  private static JsonNode objectOrNull(final JsonNode node) {
    return node == null || node.isNull() ? null : node;
  }

  private static String preview(final byte[] bytes) {
    final String text = new String(bytes, StandardCharsets.UTF_8);
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }

  private interface JsonWriter {
    void write(JsonGenerator json) throws IOException;
  }

  private static byte[] write(final JsonWriter writer) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = FACTORY.createGenerator(out)) {
      writer.write(json);
    } catch (final IOException e) {
      throw new UncheckedIOException("writing JSON to memory cannot fail", e);
    }
    return out.toByteArray();
  }
}
