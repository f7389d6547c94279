package io.ksr.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Topics on the shared test broker written with plain Kafka clients, as another registry (or an
 * operator) would write them before ours starts.
 */
public final class RawTopics {
  private RawTopics() {}

  /** A record as text; a null value is a tombstone. */
  public record Text(String key, String value) {}

  public static void create(
      final String name, final int partitions, final Map<String, String> configs) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs)))
          .all()
          .get();
    }
  }

  /** Produces records to partition 0 in order, their text as UTF-8 bytes, and waits for all. */
  public static void produce(final String topic, final List<Text> records) throws Exception {
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      final List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (final Text record : records) {
        sent.add(
            producer.send(
                new ProducerRecord<>(
                    topic,
                    0,
                    record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
                    record.value() == null
                        ? null
                        : record.value().getBytes(StandardCharsets.UTF_8))));
      }
      for (final Future<RecordMetadata> each : sent) {
        each.get();
      }
    }
  }
}
