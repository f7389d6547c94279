package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.SchemaString;
import io.ksr.client.SchemaVersion;
import io.ksr.client.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Avro values (generic records, generated specific records and primitives) in Confluent's
 * wire format: magic byte, schema id, Avro binary. The schema is registered (or looked up) under
 * the subject the configured strategy names, once per schema: the client caches the id.
 */
public class KafkaAvroSerializer extends SchemaSerdeBase<AvroSerdeConfig>
    implements Serializer<Object> {
  private static final int SCHEMA_TEXT_CACHE = 1000;
  private static final int OUTPUT_SIZE_HINT = 128;
  private static final int MAX_KNOWN_IDS = 10_000;

  private final Map<Schema, SchemaString> schemaTexts =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<Schema, SchemaString> eldest) {
              return size() > SCHEMA_TEXT_CACHE;
            }
          });

  private record WriterKey(Schema schema, boolean specific) {}

  private record TopicSchema(String topic, Schema schema) {}

  /** Ids by topic and schema, so a record of a known schema needs no subject or client call. */
  private final Map<TopicSchema, Integer> ids = new ConcurrentHashMap<>();

  private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /** A serializer that Kafka configures, creating its client from the configuration. */
  public KafkaAvroSerializer() {
    super(null);
  }

  /** A serializer that uses this client, which the caller keeps and closes. */
  public KafkaAvroSerializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected AvroSerdeConfig configOf(final Map<String, ?> configs) {
    return new AvroSerdeConfig(configs);
  }

  @Override
  public byte[] serialize(final String topic, final Object data) {
    if (data == null) {
      return null;
    }
    requireConfigured();
    final Schema schema = AvroSchemas.schemaOf(data);
    final TopicSchema known = new TopicSchema(topic, schema);
    final Integer knownId = ids.get(known);
    if (knownId != null) {
      return encode(knownId, schema, data);
    }
    final String subject = subject(topic, AvroSchemas.nameOf(schema));
    final int id;
    Schema writer = schema;
    try {
      if (config.autoRegisterSchemas()) {
        id = client.register(subject, text(schema), config.normalizeSchemas());
      } else if (config.useLatestVersion()) {
        final SchemaVersion latest = client.getLatest(subject);
        id = latest.id();
        writer = AvroSchemas.parse(latest.schema(), client);
      } else {
        id = client.lookup(subject, text(schema), config.normalizeSchemas()).id();
      }
    } catch (final SchemaRegistryClientException e) {
      throw new SerializationException(
          "Could not "
              + (config.autoRegisterSchemas() ? "register" : "find")
              + " the Avro schema of subject '"
              + subject
              + "': "
              + e.getMessage(),
          e);
    }
    if (!config.useLatestVersion() && ids.size() < MAX_KNOWN_IDS) {
      // The id a registration or lookup gave stays; the latest version may change, so not that.
      ids.putIfAbsent(known, id);
    }
    return encode(id, writer, data);
  }

  private SchemaString text(final Schema schema) {
    return schemaTexts.computeIfAbsent(schema, s -> SchemaString.avro(s.toString()));
  }

  private byte[] encode(final int id, final Schema schema, final Object data) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(OUTPUT_SIZE_HINT);
    out.writeBytes(WireFormat.header(id));
    if (schema.getType() == Schema.Type.BYTES) {
      // Confluent writes a top-level bytes value raw, without Avro's length prefix.
      out.writeBytes(data instanceof ByteBuffer buffer ? bytesOf(buffer) : (byte[]) data);
      return out.toByteArray();
    }
    try {
      final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writerFor(schema, data).write(data, encoder);
      encoder.flush();
    } catch (final IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not write a value with Avro schema " + schema.getFullName() + ": " + e, e);
    }
    return out.toByteArray();
  }

  /** A writer per schema and kind of value, built once: building one costs more than writing. */
  private DatumWriter<Object> writerFor(final Schema schema, final Object data) {
    final boolean specific = data instanceof SpecificRecord;
    return writers.computeIfAbsent(
        new WriterKey(schema, specific),
        key ->
            key.specific()
                ? new SpecificDatumWriter<>(key.schema(), GeneratedClasses.INSTANCE)
                : new GenericDatumWriter<>(key.schema()));
  }

  private static byte[] bytesOf(final ByteBuffer buffer) {
    final byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }
}
