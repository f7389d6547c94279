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
  private static final int MAX_KNOWN_ENCODINGS = 10_000;

  private final Map<Schema, SchemaString> schemaTexts =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<Schema, SchemaString> eldest) {
              return size() > SCHEMA_TEXT_CACHE;
            }
          });

  private record WriterKey(Schema schema, boolean specific) {}

  private record TopicSchema(String topic, Schema schema, boolean specific) {}

  /** What writing a value of a known schema to a topic needs: its header and its datum writer. */
  private record Encoding(TopicSchema key, byte[] header, DatumWriter<Object> writer) {
    boolean isFor(final String topic, final Schema schema, final boolean specific) {
      return key.schema() == schema && key.specific() == specific && key.topic().equals(topic);
    }
  }

  /**
   * Encodings by topic and schema, so a value of a known schema needs no subject or client call.
   */
  private final Map<TopicSchema, Encoding> encodings = new ConcurrentHashMap<>();

  private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();

  /**
   * The encoding used last: a producer mostly writes one schema to one topic, and comparing two
   * references costs less than hashing a key.
   */
  private volatile Encoding lastUsed;

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
    final boolean specific = data instanceof SpecificRecord;
    Encoding encoding = lastUsed;
    if (encoding == null || !encoding.isFor(topic, schema, specific)) {
      encoding = encodings.get(new TopicSchema(topic, schema, specific));
      if (encoding == null) {
        return serializeNew(topic, schema, data);
      }
      lastUsed = encoding;
    }
    return encode(encoding.header(), schema, encoding.writer(), data);
  }

  private byte[] serializeNew(final String topic, final Schema schema, final Object data) {
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
    final byte[] header = WireFormat.header(id);
    final DatumWriter<Object> datumWriter = writerFor(writer, data);
    if (!config.useLatestVersion() && encodings.size() < MAX_KNOWN_ENCODINGS) {
      // The id a registration or lookup gave stays; the latest version may change, so not that.
      final TopicSchema key = new TopicSchema(topic, schema, data instanceof SpecificRecord);
      encodings.putIfAbsent(key, new Encoding(key, header, datumWriter));
    }
    return encode(header, writer, datumWriter, data);
  }

  private SchemaString text(final Schema schema) {
    return schemaTexts.computeIfAbsent(schema, s -> SchemaString.avro(s.toString()));
  }

  private static byte[] encode(
      final byte[] header,
      final Schema schema,
      final DatumWriter<Object> datumWriter,
      final Object data) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream(OUTPUT_SIZE_HINT);
    out.writeBytes(header);
    if (schema.getType() == Schema.Type.BYTES) {
      // Confluent writes a top-level bytes value raw, without Avro's length prefix.
      out.writeBytes(data instanceof ByteBuffer buffer ? bytesOf(buffer) : (byte[]) data);
      return out.toByteArray();
    }
    try {
      final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      datumWriter.write(data, encoder);
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
