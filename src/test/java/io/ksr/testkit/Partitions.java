package io.ksr.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewPartitionReassignment;
import org.apache.kafka.common.ElectionType;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;

/** Partition 0 of a test cluster's topics: who leads it, who is in sync, and moving its leader. */
public final class Partitions implements AutoCloseable {
  private final Admin admin;

  public Partitions(final String bootstrapServers) {
    this.admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
  }

  /** The broker that leads partition 0 of the topic, if one does. */
  public Optional<Integer> leader(final String topic) {
    return Optional.ofNullable(partition(topic).leader()).map(Node::id);
  }

  /** The brokers in sync with the leader of partition 0 of the topic, the leader among them. */
  public Set<Integer> inSync(final String topic) {
    return Set.copyOf(partition(topic).isr().stream().map(Node::id).toList());
  }

  /**
   * Makes the broker the leader of partition 0 of the topic, by putting it first among the
   * partition's replicas and electing the preferred leader.
   */
  public void lead(final String topic, final int broker) {
    final TopicPartition partition = new TopicPartition(topic, 0);
    final List<Integer> replicas =
        new ArrayList<>(partition(topic).replicas().stream().map(Node::id).toList());
    replicas.remove(Integer.valueOf(broker));
    replicas.add(0, broker);
    call(
        admin
            .alterPartitionReassignments(
                Map.of(partition, Optional.of(new NewPartitionReassignment(replicas))))
            .all());
    Wait.until(
        broker + " to lead " + topic,
        Duration.ofSeconds(30),
        () -> {
          // The election fails while the reassignment is still under way; asked again until not.
          try {
            admin.electLeaders(ElectionType.PREFERRED, Set.of(partition)).all().get();
          } catch (final ExecutionException e) {
            // Not yet, or already the leader.
          } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
          }
          return leader(topic).equals(Optional.of(broker));
        });
  }

  /** Sets a topic setting, as an operator would with kafka-configs. */
  public void set(final Collection<String> topics, final String key, final String value) {
    final Map<ConfigResource, Collection<AlterConfigOp>> changes =
        topics.stream()
            .collect(
                Collectors.toMap(
                    topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
                    topic ->
                        List.of(
                            new AlterConfigOp(
                                new ConfigEntry(key, value), AlterConfigOp.OpType.SET))));
    call(admin.incrementalAlterConfigs(changes).all());
  }

  @Override
  public void close() {
    admin.close();
  }

  private TopicPartitionInfo partition(final String topic) {
    return call(admin.describeTopics(List.of(topic)).allTopicNames())
        .get(topic)
        .partitions()
        .get(0);
  }

  private static <T> T call(final KafkaFuture<T> future) {
    try {
      return future.get();
    } catch (final ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
