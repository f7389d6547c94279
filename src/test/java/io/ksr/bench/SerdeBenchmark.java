package io.ksr.bench;

import io.ksr.client.CachedSchemaRegistryClient;
import io.ksr.client.MockSchemaRegistry;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SerdeConfig;
import io.ksr.client.avro.KafkaAvroDeserializer;
import io.ksr.client.avro.KafkaAvroSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The Avro serializer and deserializer with a warm cache, against plain Avro encoding and decoding
 * of the same record: what the registry's wire format and lookups add.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SerdeBenchmark {
  private static final String SCOPE = "serde-benchmark";
  private static final Schema ORDER =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
                  + "{\"name\":\"id\",\"type\":\"string\"},"
                  + "{\"name\":\"customer\",\"type\":\"string\"},"
                  + "{\"name\":\"cents\",\"type\":\"long\"},"
                  + "{\"name\":\"items\",\"type\":{\"type\":\"array\",\"items\":\"string\"}}]}");

  private GenericRecord order;
  private KafkaAvroSerializer serializer;
  private KafkaAvroDeserializer deserializer;
  private byte[] wire;
  private byte[] plain;
  private final GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(ORDER);
  private final GenericDatumReader<GenericRecord> reader = new GenericDatumReader<>(ORDER);

  @Setup
  public void setUp() {
    order = new GenericData.Record(ORDER);
    order.put("id", "order-0001");
    order.put("customer", "customer-42");
    order.put("cents", 12_345L);
    order.put("items", List.of("sku-1", "sku-2", "sku-3"));
    final Map<String, Object> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
    // The caching client, as over HTTP, with the in-memory registry behind it instead of a server.
    final SchemaRegistryClient client =
        new CachedSchemaRegistryClient(MockSchemaRegistry.clientForScope(SCOPE), 1000);
    serializer = new KafkaAvroSerializer(client);
    serializer.configure(config, false);
    deserializer = new KafkaAvroDeserializer(client);
    deserializer.configure(config, false);
    wire = serializer.serialize("orders", order);
    plain = plainEncode();
    deserializer.deserialize("orders", wire);
  }

  @TearDown
  public void tearDown() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Benchmark
  public byte[] plainEncode() {
    try {
      final ByteArrayOutputStream out = new ByteArrayOutputStream(64);
      final BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
      writer.write(order, encoder);
      encoder.flush();
      return out.toByteArray();
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public byte[] serialize() {
    return serializer.serialize("orders", order);
  }

  @Benchmark
  public GenericRecord plainDecode() {
    try {
      return reader.read(null, DecoderFactory.get().binaryDecoder(plain, null));
    } catch (final IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Benchmark
  public Object deserialize() {
    return deserializer.deserialize("orders", wire);
  }
}
