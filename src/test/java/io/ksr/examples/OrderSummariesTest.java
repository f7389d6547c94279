package io.ksr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.client.MockSchemaRegistry;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.avro.GenericAvroSerde;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The example job under {@link TopologyTestDriver}, with an in-memory registry ({@code mock://}):
 * the way a user tests a Streams job that uses Avro and the registry, with no server running.
 */
class OrderSummariesTest {
  private static final String SCOPE = "order-summaries-test";
  private static final Map<String, Object> SERDE_CONFIG =
      Map.of("schema.registry.url", "mock://" + SCOPE);

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldSumUpEachOrderAndRegisterBothSchemas() {
    final Properties properties = new Properties();
    properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-summaries-test");
    properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    final GenericAvroSerde serde = new GenericAvroSerde();
    serde.configure(SERDE_CONFIG, false);
    try (TopologyTestDriver driver =
        new TopologyTestDriver(OrderSummaries.topology(SERDE_CONFIG), properties)) {
      final TestInputTopic<String, GenericRecord> orders =
          driver.createInputTopic(
              OrderSummaries.ORDERS, Serdes.String().serializer(), serde.serializer());
      final TestOutputTopic<String, GenericRecord> summaries =
          driver.createOutputTopic(
              OrderSummaries.SUMMARIES, Serdes.String().deserializer(), serde.deserializer());

      orders.pipeInput("o-1", Orders.order("o-1", "ann", 3, 250));
      final GenericRecord summary = summaries.readValue();

      assertEquals("o-1", summary.get("orderId").toString());
      assertEquals("ann", summary.get("customer").toString());
      assertEquals(4, summary.get("items"));
      assertEquals(850L, summary.get("totalCents"));
    }
    final SchemaRegistryClient registry = MockSchemaRegistry.clientForScope(SCOPE);
    assertEquals(java.util.List.of("order-summaries-value", "orders-value"), registry.subjects());
    assertEquals(
        OrderSummaries.SUMMARY.toString(),
        registry.getLatest("order-summaries-value").schema().schema());
  }
}
