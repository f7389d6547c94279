package io.ksr.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads every committed record of a {@code _schemas} topic, as any registry instance would. */
public final class SchemasLog {
  private SchemasLog() {}

  /** A record, with its headers as text; {@code value} is null for a tombstone. */
  public record Entry(long offset, String key, String value, Map<String, String> headers) {}

  public static List<Entry> read(final String bootstrapServers, final String topic) {
    final TopicPartition partition = new TopicPartition(topic, 0);
    try (KafkaConsumer<byte[], byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      final long end = consumer.endOffsets(List.of(partition)).get(partition);
      final List<Entry> entries = new ArrayList<>();
      while (consumer.position(partition) < end) {
        for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          final Map<String, String> headers = new HashMap<>();
          for (final Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
          }
          entries.add(
              new Entry(
                  record.offset(),
                  new String(record.key(), StandardCharsets.UTF_8),
                  record.value() == null
                      ? null
                      : new String(record.value(), StandardCharsets.UTF_8),
                  headers));
        }
      }
      return entries;
    }
  }
}
