package io.ksr.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the registry's topics when they are missing, and refuses to start on topics that would
 * break it: each must have exactly one partition, and {@code _schemas} must be compacted and only
 * compacted (a deleting topic would lose schemas). Problems that only weaken the registry, such as
 * too few in-sync replicas, are {@link TopicWatch}'s to report.
 */
public final class TopicSetup {
  private static final Logger LOG = LoggerFactory.getLogger(TopicSetup.class);
  private static final long COMMAND_RETENTION_MS = TimeUnit.DAYS.toMillis(1);
  private static final long REPLY_RETENTION_MS = TimeUnit.HOURS.toMillis(1);
  private static final long RETRY_BACKOFF_MS = 100;
  private static final String LOG_APPEND_TIME = "LogAppendTime";

  private final Admin admin;
  private final long timeoutMs;

  /**
   * What the registry needs to know of its topics.
   *
   * @param schemasId the id Kafka gave {@code _schemas}: unlike its name, it tells the topic from
   *     one of the same name on another cluster, or from an earlier one deleted since
   * @param commandsId the id Kafka gave the command topic, for the same reason
   * @param schemasMaxMessageBytes the largest record {@code _schemas} takes ({@code
   *     max.message.bytes}), so that the writer refuses a larger one rather than fail to append it
   */
  public record Topics(String schemasId, String commandsId, int schemasMaxMessageBytes) {}

  public TopicSetup(final Admin admin, final long timeoutMs) {
    this.admin = admin;
    this.timeoutMs = timeoutMs;
  }

  /**
   * Creates what is missing and checks what exists.
   *
   * @param replicationFactor the wanted replication factor, lowered to the number of brokers
   * @return what the registry needs to know of them
   * @throws TopicSetupException when a topic is misconfigured or Kafka cannot be reached
   */
  public Topics ensure(final TopicNames topics, final int replicationFactor) {
    final short replicas = replicas(replicationFactor);
    final Set<String> existing = call(admin.listTopics().names());
    final List<NewTopic> missing = new ArrayList<>();
    if (!existing.contains(topics.schemas())) {
      missing.add(
          newTopic(
              topics.schemas(),
              replicas,
              Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
    }
    if (!existing.contains(topics.commands())) {
      missing.add(commandTopic(topics.commands(), replicas));
    }
    if (!existing.contains(topics.replies())) {
      missing.add(deleting(topics.replies(), replicas, REPLY_RETENTION_MS));
    }
    create(missing);
    final Found found = describe(topics);
    for (final TopicRequirements.Problem problem : found.problems(topics, replicas)) {
      if (problem.stopsStart()) {
        throw new TopicSetupException(problem.text());
      }
    }
    stampCommandsOnAppend(topics.commands(), found.configs().get(topics.commands()));
    final ConfigEntry maxMessageBytes =
        found.configs().get(topics.schemas()).get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
    return new Topics(
        found.descriptions().get(topics.schemas()).topicId().toString(),
        found.descriptions().get(topics.commands()).topicId().toString(),
        maxMessageBytes == null ? Integer.MAX_VALUE : Integer.parseInt(maxMessageBytes.value()));
  }

  /**
   * What is wrong with the topics as they are now, whether it would stop a start or not.
   *
   * @param replicationFactor the wanted replication factor, lowered to the number of brokers
   * @throws TopicSetupException when a topic is missing or Kafka cannot be reached
   */
  public List<String> problems(final TopicNames topics, final int replicationFactor) {
    final short replicas = replicas(replicationFactor);
    return describe(topics).problems(topics, replicas).stream()
        .map(TopicRequirements.Problem::text)
        .toList();
  }

  private short replicas(final int replicationFactor) {
    final int brokers = call(admin.describeCluster().nodes()).size();
    return (short) Math.max(1, Math.min(replicationFactor, brokers));
  }

  /**
   * The command topic stamps each command with the time its broker appended it, so that the writer
   * times a command's wait on one clock, the broker's, and never on the requester's.
   */
  private static NewTopic commandTopic(final String name, final short replicas) {
    final NewTopic topic = deleting(name, replicas, COMMAND_RETENTION_MS);
    final Map<String, String> configs = new HashMap<>(topic.configs());
    configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME);
    return topic.configs(configs);
  }

  /** Makes a command topic created by an older version stamp commands on append too. */
  private void stampCommandsOnAppend(final String commands, final Config config) {
    final ConfigEntry stamp =
        config == null ? null : config.get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG);
    if (stamp != null && LOG_APPEND_TIME.equals(stamp.value())) {
      return;
    }
    final ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, commands);
    try {
      call(
          admin
              .incrementalAlterConfigs(
                  Map.of(
                      topic,
                      List.of(
                          new AlterConfigOp(
                              new ConfigEntry(
                                  TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, LOG_APPEND_TIME),
                              AlterConfigOp.OpType.SET))))
              .all());
      LOG.info(
          "Set {}={} on {}, so that commands are timed on the broker's clock",
          TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
          LOG_APPEND_TIME,
          commands);
    } catch (final TopicSetupException e) {
      LOG.warn(
          "Could not set {}={} on {} ({}): the writer then times commands on the requesters'"
              + " clocks, which must agree with its own",
          TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
          LOG_APPEND_TIME,
          commands,
          e.getMessage());
    }
  }

  private static NewTopic deleting(
      final String name, final short replicas, final long retentionMs) {
    return newTopic(
        name,
        replicas,
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG,
            Long.toString(retentionMs)));
  }

  private static NewTopic newTopic(
      final String name, final short replicas, final Map<String, String> configs) {
    return new NewTopic(name, 1, replicas)
        .configs(TopicRequirements.creationConfigs(configs, replicas));
  }

  private void create(final List<NewTopic> topics) {
    if (topics.isEmpty()) {
      return;
    }
    try {
      admin.createTopics(topics).all().get(timeoutMs, TimeUnit.MILLISECONDS);
      topics.forEach(
          topic ->
              LOG.info(
                  "Created topic {} (1 partition, replication factor {}, {})",
                  topic.name(),
                  topic.replicationFactor(),
                  topic.configs()));
    } catch (final ExecutionException e) {
      // Another instance starting at the same moment may have created it first.
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw new TopicSetupException("Cannot create topics " + topics + ": " + e.getCause(), e);
      }
    } catch (final TimeoutException e) {
      throw new TopicSetupException("Kafka did not create topics within " + timeoutMs + " ms", e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicSetupException("Interrupted while creating topics", e);
    }
  }

  private record Found(Map<String, TopicDescription> descriptions, Map<String, Config> configs) {
    List<TopicRequirements.Problem> problems(final TopicNames topics, final short replicas) {
      return TopicRequirements.problems(topics, descriptions, configs, replicas);
    }
  }

  private Found describe(final TopicNames topics) {
    final List<String> names = List.of(topics.schemas(), topics.commands(), topics.replies());
    final Map<String, TopicDescription> descriptions =
        callUntilKnown(() -> admin.describeTopics(names).allTopicNames());
    final List<ConfigResource> resources =
        names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
    final Map<String, Config> configs = new HashMap<>();
    callUntilKnown(() -> admin.describeConfigs(resources).all())
        .forEach((resource, config) -> configs.put(resource.name(), config));
    return new Found(descriptions, configs);
  }

  /**
   * Asks again while a broker does not know a topic yet: right after creation, the news takes a
   * moment to reach every broker of a cluster.
   */
  private <T> T callUntilKnown(final Supplier<KafkaFuture<T>> request) {
    final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
    while (true) {
      try {
        return call(request.get());
      } catch (final TopicSetupException e) {
        if (!(e.getCause() instanceof ExecutionException cause
                && cause.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        LOG.debug("Kafka does not know the topics yet; asking again: {}", e.getMessage());
        pause();
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(RETRY_BACKOFF_MS);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicSetupException("Interrupted while talking to Kafka", e);
    }
  }

  private <T> T call(final KafkaFuture<T> future) {
    try {
      return future.get(timeoutMs, TimeUnit.MILLISECONDS);
    } catch (final ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException refused) {
        throw new TopicSetupException(
            "Kafka refused the registry's credentials ("
                + refused.getMessage()
                + "); check kafkastore.security.protocol, kafkastore.sasl.mechanism and"
                + " kafkastore.sasl.jaas.config, or kafkastore.ssl.* for TLS",
            e);
      }
      throw new TopicSetupException("Kafka refused a topic request: " + e.getCause(), e);
    } catch (final TimeoutException e) {
      throw new TopicSetupException(
          "Kafka did not answer within "
              + timeoutMs
              + " ms; is kafkastore.bootstrap.servers right?",
          e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TopicSetupException("Interrupted while talking to Kafka", e);
    }
  }
}
