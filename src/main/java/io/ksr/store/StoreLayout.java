package io.ksr.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which version of the store's key layout ({@link StoreKeys}) this instance's local state holds,
 * and which {@code _schemas} topic it was read from. A store in an older layout, or read from
 * another topic, is rebuilt from {@code _schemas}, the only source of truth, rather than misread; a
 * store in the current layout from the same topic is kept, so a restart reads only what it missed.
 */
public final class StoreLayout {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);

  /** Raised whenever {@link StoreKeys} or the store's entries change meaning. */
  static final String CURRENT = "3";

  private StoreLayout() {}

  /**
   * Wipes the local state when it was written in another layout or read from another {@code
   * _schemas} topic, and marks it as current. Call it before {@link KafkaStreams#start()}.
   *
   * <p>A store read from another topic of the same name (after {@code kafkastore.bootstrap.servers}
   * moved to a cluster that holds a mirrored copy, or after the topic was deleted and copied back)
   * must not be kept: Kafka Streams would resume reading at the offset it had reached in the old
   * topic, which in the new one points at other records or past the end.
   *
   * @param stateDir the Kafka Streams state directory
   * @param applicationId the Kafka Streams application id, the name of its directory in there
   * @param schemasTopicId the id Kafka gave the {@code _schemas} topic the store is read from
   */
  public static void ensureCurrent(
      final Path stateDir,
      final String applicationId,
      final String schemasTopicId,
      final KafkaStreams streams) {
    final Path layoutMarker = stateDir.resolve(applicationId + ".store-layout");
    final Path topicMarker = stateDir.resolve(applicationId + ".schemas-topic");
    try {
      final String layout = read(layoutMarker);
      // A store written before the topic was recorded is taken to come from this topic.
      final String topic = Files.exists(topicMarker) ? read(topicMarker) : schemasTopicId;
      // Kafka Streams makes its own directory when it is created, so only the store's files
      // show that something was read before.
      final boolean stored =
          Files.exists(stateDir.resolve(applicationId).resolve("global").resolve("rocksdb"));
      if (stored && !CURRENT.equals(layout)) {
        LOG.info(
            "The local store in {} has layout {} rather than {}: rebuilding it from the schemas"
                + " topic",
            stateDir,
            layout == null ? "1" : layout,
            CURRENT);
        streams.cleanUp();
      } else if (stored && !schemasTopicId.equals(topic)) {
        LOG.warn(
            "The local store in {} was read from a schemas topic with id {}, but the one Kafka now"
                + " has is {} (another cluster, or a topic created again): rebuilding the store"
                + " from it, since its offsets differ",
            stateDir,
            topic,
            schemasTopicId);
        streams.cleanUp();
      }
      Files.createDirectories(stateDir);
      Files.writeString(layoutMarker, CURRENT, StandardCharsets.UTF_8);
      Files.writeString(topicMarker, schemasTopicId, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot check the local store's layout in " + stateDir, e);
    }
  }

  private static String read(final Path marker) throws IOException {
    return Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : null;
  }
}
