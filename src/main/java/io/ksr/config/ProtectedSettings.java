package io.ksr.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The Kafka client settings that the registry's guarantees rest on: exactly-once writes, the
 * fencing of a deposed writer, reads of committed records only, and writes acknowledged by every
 * in-sync replica. A {@code kafkastore.*} key may not change them, though it may repeat the
 * registry's own value.
 */
final class ProtectedSettings {
  /**
   * The forms under which Kafka Streams passes a client setting to the clients it creates; a
   * prefixed form wins over the bare one there, so each must be guarded.
   */
  private static final List<String> CLIENT_PREFIXES =
      List.of(
          "",
          StreamsConfig.PRODUCER_PREFIX,
          StreamsConfig.CONSUMER_PREFIX,
          StreamsConfig.MAIN_CONSUMER_PREFIX,
          StreamsConfig.RESTORE_CONSUMER_PREFIX,
          StreamsConfig.GLOBAL_CONSUMER_PREFIX,
          StreamsConfig.ADMIN_CLIENT_PREFIX);

  /**
   * @param accepted the spellings of the registry's own value, which a key may repeat, the usual
   *     one first; empty when the registry chooses the value per instance or leaves Kafka's
   * @param why what would break, for the message that refuses the key
   */
  private record Rule(List<String> accepted, String why) {
    static Rule only(final String value, final String why) {
      return new Rule(List.of(value), why);
    }

    static Rule refused(final String why) {
      return new Rule(List.of(), why);
    }
  }

  private static final Rule RAW_BYTES = Rule.refused("the registry reads and writes raw bytes");
  private static final Rule FAILED_WRITES =
      Rule.refused("a record that cannot be written must abort its transaction, not be dropped");

  private static final Map<String, Rule> CLIENT_RULES =
      Map.of(
          ProducerConfig.ACKS_CONFIG,
          new Rule(List.of("all", "-1"), "a write must reach every in-sync replica"),
          ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
          Rule.only("true", "a retried send must not append a record twice"),
          ProducerConfig.TRANSACTIONAL_ID_CONFIG,
          Rule.refused("the writer's transactions are Kafka Streams' own"),
          ConsumerConfig.ISOLATION_LEVEL_CONFIG,
          Rule.only(
              "read_committed",
              "the registry must never read what an aborted or fenced writer appended"),
          ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
          Rule.only("false", "the registry commits what it has read itself"),
          CommonClientConfigs.CLIENT_ID_CONFIG,
          Rule.refused("instances find the writer by the client ids the registry gives"),
          CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
          Rule.refused("every client must use kafkastore.bootstrap.servers"));

  private static final List<String> SERIALIZERS =
      List.of(
          ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
          ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
          ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
          ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);

  /** Settings of Kafka Streams itself, which it reads without a prefix only. */
  private static final Map<String, Rule> STREAMS_RULES =
      Map.of(
          StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
          Rule.only(StreamsConfig.EXACTLY_ONCE_V2, "only exactly-once fences a deposed writer"),
          StreamsConfig.APPLICATION_ID_CONFIG,
          Rule.refused("schema.registry.group.id names the registry's group"),
          StreamsConfig.STATE_DIR_CONFIG,
          Rule.refused(
              "data.dir places the store, which is checked against the schemas topic it was read"
                  + " from"),
          StreamsConfig.NUM_STREAM_THREADS_CONFIG,
          Rule.only(
              "1", "the writer is one task on one thread; more threads only add idle members"),
          StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
          Rule.refused(
              "a command or schema record that fails must stop processing, not be skipped"),
          StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
          FAILED_WRITES,
          deprecatedProductionHandler(),
          FAILED_WRITES);

  private static final Map<String, Rule> RULES = rules();

  private ProtectedSettings() {}

  /**
   * Checks the user's Kafka client settings.
   *
   * @param clientSettings the {@code kafkastore.*} client settings without the prefix
   * @throws ConfigException naming the first (in key order) that would change a protected setting
   */
  static void check(final Map<String, Object> clientSettings) {
    new TreeMap<>(clientSettings)
        .forEach(
            (key, value) -> {
              final Rule rule = RULES.get(key);
              if (rule != null && !accepts(rule, value)) {
                throw new ConfigException(
                    RegistryConfig.KAFKASTORE_PREFIX + key,
                    value,
                    "the registry sets it, because "
                        + rule.why()
                        + (rule.accepted().isEmpty()
                            ? "; remove it"
                            : "; remove it or set it to " + rule.accepted().get(0)));
              }
            });
  }

  /** Whether a client setting is one the registry decides, in any of its forms. */
  static boolean isProtected(final String key) {
    return RULES.containsKey(key);
  }

  private static boolean accepts(final Rule rule, final Object value) {
    return rule.accepted().contains(String.valueOf(value).strip().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Rule> rules() {
    final Map<String, Rule> clientRules = new HashMap<>(CLIENT_RULES);
    SERIALIZERS.forEach(key -> clientRules.put(key, RAW_BYTES));
    final Map<String, Rule> rules = new HashMap<>(STREAMS_RULES);
    clientRules.forEach(
        (key, rule) -> CLIENT_PREFIXES.forEach(prefix -> rules.put(prefix + key, rule)));
    return Map.copyOf(rules);
  }

  /** The handler's name before Kafka 4.0, which Kafka Streams still reads. */
  @SuppressWarnings("deprecation")
  private static String deprecatedProductionHandler() {
    return StreamsConfig.DEFAULT_PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG;
  }
}
