package io.ksr.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Produces and consumes a topic's records on the shared test broker, as an application would. */
public final class TopicClients {
  private TopicClients() {}

  /** Sends string-keyed values with this serializer and waits until the broker has them all. */
  public static <V> void produce(
      final String topic, final Serializer<V> values, final Map<String, V> records)
      throws Exception {
    try (KafkaProducer<String, V> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
            new StringSerializer(),
            values)) {
      for (final Map.Entry<String, V> record : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic, record.getKey(), record.getValue())).get();
      }
    }
  }

  /** Reads {@code count} values of partition 0 from the start, with this deserializer. */
  public static <V> List<V> consume(
      final String topic, final Deserializer<V> values, final int count, final Duration timeout) {
    final TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<String, V> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            values)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      final List<V> read = new ArrayList<>();
      final long deadline = System.nanoTime() + timeout.toNanos();
      while (read.size() < count) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "Read " + read.size() + " of " + count + " records of " + topic + " in " + timeout);
        }
        for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
          read.add(record.value());
        }
      }
      return read;
    }
  }
}
