package io.ksr.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.client.avro.KafkaAvroDeserializer;
import io.ksr.client.avro.KafkaAvroSerializer;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.TopicClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The example job running for real: Kafka Streams on a real broker, schemas in a real registry. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class OrderSummariesIntegrationTest {
  @TempDir Path dataDir;

  @Test
  void shouldSummarizeOrdersProducedByAnotherApplication() throws Exception {
    RawTopics.create(OrderSummaries.ORDERS, 1, Map.of());
    RawTopics.create(OrderSummaries.SUMMARIES, 1, Map.of());
    try (TestRegistry registry =
        TestRegistry.start(TestRegistry.settings("order-summaries", dataDir.resolve("registry")))) {
      final Map<String, Object> serdeConfig =
          Map.of("schema.registry.url", "http://127.0.0.1:" + registry.registry().ports().get(0));
      final Properties properties = new Properties();
      properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-summaries-it");
      properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
      properties.put(StreamsConfig.STATE_DIR_CONFIG, dataDir.resolve("job").toString());
      try (KafkaStreams job = new KafkaStreams(OrderSummaries.topology(serdeConfig), properties)) {
        job.start();
        final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serdeConfig, false);
        final Map<String, Object> orders = new LinkedHashMap<>();
        orders.put("o-1", Orders.order("o-1", "ann", 2, 500));
        orders.put("o-2", Orders.order("o-2", "bob", 1, 50));
        TopicClients.produce(OrderSummaries.ORDERS, serializer, orders);

        final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(serdeConfig, false);
        final List<Object> summaries =
            TopicClients.consume(OrderSummaries.SUMMARIES, deserializer, 2, Duration.ofSeconds(60));

        final GenericRecord second = (GenericRecord) summaries.get(1);
        assertEquals("bob", second.get("customer").toString());
        assertEquals(2, second.get("items"));
        assertEquals(150L, second.get("totalCents"));
        assertEquals(1100L, ((GenericRecord) summaries.get(0)).get("totalCents"));
      }
      assertEquals(
          "[\"order-summaries-value\",\"orders-value\"]",
          registry.client().get("/subjects").body());
    }
  }
}
