package io.ksr.backup;

import io.ksr.config.KafkaSettings;
import io.ksr.config.RegistryConfig;
import io.ksr.store.TopicNames;
import io.ksr.store.TopicSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The registry's {@code _schemas} topic, reached with the registry's own Kafka settings, so that
 * security settings under {@code kafkastore.*} apply to the backup commands too.
 */
final class SchemasTopic implements AutoCloseable {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration MIN_STALL = Duration.ofSeconds(30);

  /** Takes the records read, one at a time, in topic order. */
  interface RecordSink {
    void accept(TopicRecord record) throws IOException;
  }

  private final RegistryConfig config;
  private final KafkaSettings kafka;
  private final PrintStream err;
  private final Admin admin;

  SchemasTopic(final RegistryConfig config, final PrintStream err) {
    this.config = config;
    this.err = err;
    this.kafka = new KafkaSettings(config, bootstrapServers(config, err));
    this.admin = Admin.create(kafka.admin());
  }

  /**
   * The configured brokers; without any, the broker that a running registry embeds, because that is
   * where its topic lives.
   */
  private static String bootstrapServers(final RegistryConfig config, final PrintStream err) {
    final List<String> servers = config.bootstrapServers();
    if (!servers.isEmpty()) {
      return String.join(",", servers);
    }
    if (config.embeddedKafkaPort() == 0) {
      throw new BackupException(
          RegistryConfig.BOOTSTRAP_SERVERS
              + " is not set and "
              + RegistryConfig.EMBEDDED_KAFKA_PORT
              + " is 0: set the brokers that hold "
              + config.topic());
    }
    final String embedded = "127.0.0.1:" + config.embeddedKafkaPort();
    err.println(
        RegistryConfig.BOOTSTRAP_SERVERS
            + " is not set: using the embedded broker of the registry running on this machine, "
            + embedded);
    return embedded;
  }

  String name() {
    return config.topic();
  }

  String where() {
    return "topic " + config.topic() + " on " + kafka.bootstrapServers();
  }

  boolean exists() {
    return await(admin.listTopics().names()).contains(config.topic());
  }

  /** Creates the registry's topics that are missing, as the registry does when it starts. */
  void ensureTopics() {
    new TopicSetup(admin, config.timeout().toMillis())
        .ensure(TopicNames.derivedFrom(config.topic()), config.topicReplicationFactor());
  }

  /**
   * Reads the committed records from the first to the end offset as it is now, so that the read
   * ends even while the registry keeps writing.
   *
   * @return how many records were read
   */
  long read(final RecordSink sink) throws IOException {
    final Map<String, Object> settings = kafka.replyConsumer();
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ksr-backup-" + config.hostName());
    settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    final TopicPartition partition = new TopicPartition(config.topic(), 0);
    final Duration stall = config.timeout().compareTo(MIN_STALL) > 0 ? config.timeout() : MIN_STALL;
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings)) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      final long end = consumer.endOffsets(List.of(partition), config.timeout()).get(partition);
      long count = 0;
      long position = consumer.position(partition, config.timeout());
      long movedAt = System.nanoTime();
      long reportedAt = System.nanoTime();
      while (position < end) {
        for (final ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
          if (record.offset() < end) {
            sink.accept(
                new TopicRecord(record.offset(), record.timestamp(), record.key(), record.value()));
            count++;
          }
        }
        final long now = System.nanoTime();
        final long newPosition = consumer.position(partition, config.timeout());
        if (newPosition != position) {
          position = newPosition;
          movedAt = now;
        } else if (now - movedAt > stall.toNanos()) {
          throw new BackupException(
              "Reading "
                  + where()
                  + " made no progress for "
                  + stall.toSeconds()
                  + " s at offset "
                  + position);
        }
        if (now - reportedAt > PROGRESS_EVERY.toNanos()) {
          err.printf("Read %d records, up to offset %d of %d%n", count, position, end);
          reportedAt = now;
        }
      }
      return count;
    } catch (final KafkaException e) {
      throw new BackupException("Cannot read " + where() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Appends the records in one transaction: the registry reads committed records only, so a restore
   * that fails halfway leaves nothing it would see.
   */
  void appendAll(final List<TopicRecord> records) {
    final Map<String, Object> settings = kafka.producer();
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "ksr-restore-" + config.hostName());
    settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "ksr-restore-" + config.topic());
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings)) {
      producer.initTransactions();
      producer.beginTransaction();
      try {
        for (final TopicRecord record : records) {
          producer.send(new ProducerRecord<>(config.topic(), 0, record.key(), record.value()));
        }
        producer.commitTransaction();
      } catch (final KafkaException e) {
        producer.abortTransaction();
        throw e;
      }
    } catch (final KafkaException e) {
      throw new BackupException(
          "Writing to " + where() + " failed, so nothing was restored: " + e.getMessage(), e);
    }
  }

  private <T> T await(final KafkaFuture<T> future) {
    try {
      return future.get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (final ExecutionException e) {
      throw new BackupException(
          "Cannot reach Kafka at " + kafka.bootstrapServers() + ": " + e.getCause().getMessage(),
          e.getCause());
    } catch (final TimeoutException e) {
      throw new BackupException(
          "Kafka at "
              + kafka.bootstrapServers()
              + " did not answer within "
              + config.timeout().toMillis()
              + " ms: is it running, and are the kafkastore.* settings right?",
          e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BackupException("Interrupted while waiting for Kafka", e);
    }
  }

  @Override
  public void close() {
    admin.close(config.timeout());
  }
}
