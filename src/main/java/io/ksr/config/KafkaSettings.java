package io.ksr.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The settings of every Kafka client the registry creates. Each starts from the registry's tunable
 * choices, takes the user's {@code kafkastore.*} client settings (security, timeouts) on top, and
 * ends with the settings its guarantees rest on, which no user setting changes.
 */
public final class KafkaSettings {
  private static final int WRITER_COMMIT_INTERVAL_MS = 8;

  private final RegistryConfig config;
  private final String bootstrapServers;

  /**
   * @param bootstrapServers the brokers to use: the configured ones or the embedded broker's
   */
  public KafkaSettings(final RegistryConfig config, final String bootstrapServers) {
    this.config = Objects.requireNonNull(config, "config can't be null");
    this.bootstrapServers =
        Objects.requireNonNull(bootstrapServers, "bootstrapServers can't be null");
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /**
   * Kafka Streams: exactly-once, so that a writer that lost its partition cannot commit; a short
   * commit interval, so that a write takes tens of milliseconds rather than the default interval;
   * and short group timeouts, so that a dead writer is replaced within seconds.
   */
  public Map<String, Object> streams() {
    final Map<String, Object> settings = new HashMap<>();
    // A command that finds the writer idle is committed at once (WriterProcessor); the commands
    // of a busy writer share a transaction at most this often. With 0, Kafka Streams commits after
    // every single command, and a transaction per command bounds the registry at one commit's
    // round trips per write under concurrent load; 8 ms beat 4 and 15 in docs/benchmarks.md.
    settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, WRITER_COMMIT_INTERVAL_MS);
    // The stream thread commits the commands it has processed only when its poll returns; a poll
    // as long as the interval keeps the last commands of a burst from waiting for the default 100
    // ms.
    settings.put(StreamsConfig.POLL_MS_CONFIG, WRITER_COMMIT_INTERVAL_MS);
    settings.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    settings.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 0);
    // A writer that dies inside a transaction holds back its successor until the broker aborts
    // the transaction: this long, plus up to one broker cleanup interval (docs/failover.md).
    settings.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 3_000);
    settings.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
    settings.put(
        StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
    settings.putAll(common());
    // The settings the guarantees rest on come last, so that no user setting changes them.
    settings.put(StreamsConfig.APPLICATION_ID_CONFIG, config.groupId());
    // Names this instance in the group, so that any instance can tell who the writer is.
    settings.put(StreamsConfig.CLIENT_ID_CONFIG, config.instanceId());
    settings.put(
        StreamsConfig.STATE_DIR_CONFIG, config.streamsStateDir().toAbsolutePath().toString());
    settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    settings.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
    settings.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
    return settings;
  }

  /** The producer of commands and catch-up barriers: durable, idempotent, no batching delay. */
  public Map<String, Object> producer() {
    final Map<String, Object> settings = new HashMap<>();
    settings.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.timeout().toMillis());
    settings.putAll(common());
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "ksr-commands-" + config.hostName());
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
    return settings;
  }

  /** The reader of replies: committed records only, no consumer group. */
  public Map<String, Object> replyConsumer() {
    final Map<String, Object> settings = common();
    settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "ksr-replies-" + config.hostName());
    settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
    return settings;
  }

  /** The admin client that creates and checks topics. */
  public Map<String, Object> admin() {
    return common();
  }

  /**
   * The user's client settings, without those the registry decides. {@link RegistryConfig} refuses
   * to start with any of them changed; leaving them out as well means the registry's own values,
   * put after these in each client's settings, are the only ones.
   */
  private Map<String, Object> common() {
    final Map<String, Object> settings = new HashMap<>(config.kafkaClientSettings());
    settings.keySet().removeIf(ProtectedSettings::isProtected);
    settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    return settings;
  }
}
