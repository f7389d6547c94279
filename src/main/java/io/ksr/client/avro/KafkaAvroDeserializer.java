package io.ksr.client.avro;

import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads values written in Confluent's wire format: it fetches the writer's schema by the id in the
 * record (once: ids never change meaning) and resolves it against the reader's schema, so newer
 * readers read older records.
 */
public class KafkaAvroDeserializer extends SchemaSerdeBase<AvroSerdeConfig>
    implements Deserializer<Object> {
  private final Map<Integer, Schema> writerSchemas = new ConcurrentHashMap<>();
  private final Map<Integer, DatumReader<Object>> readers = new ConcurrentHashMap<>();
  // Read once: Kafka's config getters record each use under a lock, too slow for every record.
  private boolean specificReader;
  private boolean latestReader;

  /** A deserializer that Kafka configures, creating its client from the configuration. */
  public KafkaAvroDeserializer() {
    super(null);
  }

  /** A deserializer that uses this client, which the caller keeps and closes. */
  public KafkaAvroDeserializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected AvroSerdeConfig configOf(final Map<String, ?> configs) {
    return new AvroSerdeConfig(configs);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    super.configure(configs, isKey);
    specificReader = config.specificAvroReader();
    latestReader = config.useLatestVersion();
  }

  @Override
  public Object deserialize(final String topic, final byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    requireConfigured();
    final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    final int id = WireFormat.readHeader(buffer);
    final Schema writer = writerSchema(id);
    if (writer.getType() == Schema.Type.BYTES) {
      final byte[] raw = new byte[buffer.remaining()];
      buffer.get(raw);
      return raw;
    }
    final Schema reader = readerSchema(topic, writer);
    try {
      final Object value =
          datumReader(id, writer, reader)
              .read(
                  null,
                  DecoderFactory.get()
                      .binaryDecoder(bytes, buffer.position(), buffer.remaining(), null));
      // Avro reads strings as Utf8; a plain string value reads as a Java String, as Confluent's.
      return writer.getType() == Schema.Type.STRING ? value.toString() : value;
    } catch (final IOException | RuntimeException e) {
      throw new SerializationException(
          "Could not read a value written with schema id " + id + ": " + e, e);
    }
  }

  private Schema writerSchema(final int id) {
    final Schema cached = writerSchemas.get(id);
    if (cached != null) {
      return cached;
    }
    try {
      final Schema schema = AvroSchemas.parse(client.getById(id), client);
      writerSchemas.put(id, schema);
      return schema;
    } catch (final SchemaRegistryClientException e) {
      throw new SerializationException(
          "Could not find the Avro schema with id " + id + ": " + e.getMessage(), e);
    }
  }

  private Schema readerSchema(final String topic, final Schema writer) {
    if (specificReader) {
      final Class<?> type = GeneratedClasses.INSTANCE.getClass(writer);
      if (type == null || !SpecificRecord.class.isAssignableFrom(type)) {
        throw new SerializationException(
            "No generated class "
                + writer.getFullName()
                + " on the classpath to read a SpecificRecord with (specific.avro.reader=true)");
      }
      return GeneratedClasses.INSTANCE.getSchema(type);
    }
    if (latestReader) {
      try {
        return AvroSchemas.parse(
            client.getLatest(subject(topic, AvroSchemas.nameOf(writer))).schema(), client);
      } catch (final SchemaRegistryClientException e) {
        throw new SerializationException(
            "Could not find the latest schema to read with: " + e.getMessage(), e);
      }
    }
    return writer;
  }

  /**
   * A reader per writer schema, built once: resolving a writer's schema against the reader's costs
   * more than reading a record. The reader's schema is fixed for a given writer unless it is the
   * subject's latest, which may change, so those are built anew.
   */
  private DatumReader<Object> datumReader(final int id, final Schema writer, final Schema reader) {
    if (latestReader && !specificReader) {
      return new GenericDatumReader<>(writer, reader);
    }
    return readers.computeIfAbsent(
        id,
        ignored ->
            specificReader
                ? new SpecificDatumReader<>(writer, reader, GeneratedClasses.INSTANCE)
                : new GenericDatumReader<>(writer, reader));
  }
}
