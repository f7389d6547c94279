package io.ksr.examples;

import io.ksr.client.avro.GenericAvroSerde;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * An example Kafka Streams job that uses the registry: it reads Avro orders, sums up each one, and
 * writes Avro order summaries, both through {@link GenericAvroSerde}.
 *
 * <p>Run it with {@code java -cp target/ksr.jar io.ksr.examples.OrderSummaries <bootstrap servers>
 * <registry url>}.
 */
public final class OrderSummaries {
  public static final String ORDERS = "orders";
  public static final String SUMMARIES = "order-summaries";
  public static final Schema ORDER = schema("/examples/order.avsc");
  public static final Schema SUMMARY = schema("/examples/order-summary.avsc");

  private OrderSummaries() {}

  /**
   * The job's topology.
   *
   * @param serdeConfig the Serde's settings: at least {@code schema.registry.url}
   */
  public static Topology topology(final Map<String, ?> serdeConfig) {
    final GenericAvroSerde orders = new GenericAvroSerde();
    orders.configure(serdeConfig, false);
    final GenericAvroSerde summaries = new GenericAvroSerde();
    summaries.configure(serdeConfig, false);
    final StreamsBuilder builder = new StreamsBuilder();
    builder.stream(ORDERS, Consumed.with(Serdes.String(), orders))
        .mapValues(OrderSummaries::summarize)
        .to(SUMMARIES, Produced.with(Serdes.String(), summaries));
    return builder.build();
  }

  /** One order's summary: how many items it has and what they cost together. */
  static GenericRecord summarize(final GenericRecord order) {
    int items = 0;
    long totalCents = 0;
    for (final Object each : (Iterable<?>) order.get("lines")) {
      final GenericRecord line = (GenericRecord) each;
      final int quantity = (Integer) line.get("quantity");
      items += quantity;
      totalCents += quantity * (Long) line.get("unitPriceCents");
    }
    final GenericRecord summary = new GenericData.Record(SUMMARY);
    summary.put("orderId", order.get("id").toString());
    summary.put("customer", order.get("customer").toString());
    summary.put("items", items);
    summary.put("totalCents", totalCents);
    return summary;
  }

  public static void main(final String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: OrderSummaries <bootstrap servers> <registry url>");
      System.exit(2);
    }
    final Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-summaries");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, args[0]);
    final KafkaStreams streams =
        new KafkaStreams(topology(Map.of("schema.registry.url", args[1])), properties);
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  streams.close();
                  stopped.countDown();
                }));
    streams.start();
    stopped.await();
  }

  private static Schema schema(final String resource) {
    try (InputStream in = OrderSummaries.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (final IOException e) {
      throw new UncheckedIOException("the example's schemas are part of the jar", e);
    }
  }
}
