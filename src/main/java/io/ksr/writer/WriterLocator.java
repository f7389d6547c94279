package io.ksr.writer;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds which instance is the writer by asking Kafka's group coordinator which member owns the
 * command partition. It works on every instance, including those that never join the group ({@code
 * leader.eligibility=false}), and keeps the answer fresh in the background.
 *
 * <p>Each instance runs Kafka Streams with its instance id as {@code client.id}, so the owning
 * member's client id names it.
 */
public final class WriterLocator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WriterLocator.class);
  private static final Pattern STREAMS_CONSUMER =
      Pattern.compile("^(.*)-StreamThread-\\d+-consumer$");
  private static final Duration REFRESH = Duration.ofSeconds(2);

  private final Admin admin;
  private final String groupId;
  private final TopicPartition commands;
  private final ScheduledExecutorService refresher =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            final Thread thread = new Thread(task, "ksr-writer-locator");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Optional<String> writer = Optional.empty();

  public WriterLocator(final Admin admin, final String groupId, final String commandsTopic) {
    this.admin = Objects.requireNonNull(admin, "admin can't be null");
    this.groupId = Objects.requireNonNull(groupId, "groupId can't be null");
    this.commands = new TopicPartition(commandsTopic, 0);
  }

  /** Starts refreshing every few seconds. */
  public void start() {
    refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The instance id of the writer as last seen, if there was one. */
  public Optional<String> writer() {
    return writer;
  }

  /** The instance id in a Kafka Streams consumer's client id. */
  static Optional<String> instanceOf(final String clientId) {
    final Matcher matcher = STREAMS_CONSUMER.matcher(clientId);
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private void refresh() {
    try {
      final ConsumerGroupDescription group =
          admin
              .describeConsumerGroups(List.of(groupId))
              .describedGroups()
              .get(groupId)
              .get(REFRESH.toMillis(), TimeUnit.MILLISECONDS);
      writer =
          group.members().stream()
              .filter(member -> owns(member))
              .findFirst()
              .flatMap(member -> instanceOf(member.clientId()));
    } catch (final Exception e) {
      LOG.debug("Could not find the writer: {}", e.toString());
      writer = Optional.empty();
    }
  }

  private boolean owns(final MemberDescription member) {
    return member.assignment().topicPartitions().contains(commands);
  }

  @Override
  public void close() {
    refresher.shutdownNow();
  }
}
