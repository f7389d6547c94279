package io.ksr.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;

/**
 * The floor under a registration: one record written in a transaction of its own and read back by a
 * consumer that reads committed records only and is already waiting for it, on a one-partition
 * topic. The clients are set as the registry's are: no linger, acks from all replicas, the
 * consumer's default fetch wait, which a broker cuts short as soon as the record is committed.
 */
final class BareRoundTrip implements AutoCloseable {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String topic;
  private final KafkaProducer<Long, Long> producer;
  private final KafkaConsumer<Long, Long> consumer;
  private final SynchronousQueue<Long> seen = new SynchronousQueue<>();
  private final Thread reader;
  private long sent;

  /**
   * Creates the topic and starts the consumer at its end.
   *
   * @param name names the topic and the transactional id, so runs keep apart
   */
  BareRoundTrip(final String bootstrapServers, final String name) throws Exception {
    topic = "bare-" + name;
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
    producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                "bare-" + name,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new LongSerializer(),
            new LongSerializer());
    producer.initTransactions();
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new LongDeserializer(),
            new LongDeserializer());
    final TopicPartition partition = new TopicPartition(topic, 0);
    consumer.assign(Set.of(partition));
    consumer.seekToEnd(Set.of(partition));
    consumer.position(partition);
    reader = new Thread(this::read, "bare-round-trip-reader");
    reader.setDaemon(true);
    reader.start();
    // Topic metadata and the first transaction's setup are not what is measured.
    measure(5);
  }

  /** The round trips of {@code count} transactions, one after another, in milliseconds. */
  List<Double> measure(final int count) throws Exception {
    final List<Double> millis = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      final long record = sent++;
      final long start = System.nanoTime();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic, 0, record, record));
      producer.commitTransaction();
      final Long read =
          Optional.ofNullable(seen.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
              .orElseThrow(() -> new AssertionError("record " + record + " was never read"));
      millis.add((System.nanoTime() - start) / 1e6);
      if (read != record) {
        throw new AssertionError("read record " + read + " while waiting for " + record);
      }
    }
    return millis;
  }

  private void read() {
    try {
      while (true) {
        for (final ConsumerRecord<Long, Long> record : consumer.poll(Duration.ofMillis(100))) {
          seen.put(record.value());
        }
      }
    } catch (final WakeupException | InterruptedException e) {
      // Closing.
    }
  }

  @Override
  public void close() throws InterruptedException {
    consumer.wakeup();
    reader.join(TIMEOUT.toMillis());
    consumer.close();
    producer.close();
  }
}
