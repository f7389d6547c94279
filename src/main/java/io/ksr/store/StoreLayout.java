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
 * and which Kafka cluster it was read from. A store in an older layout, or read from another
 * cluster, is rebuilt from {@code _schemas}, the only source of truth, rather than misread; a store
 * in the current layout from the same cluster is kept, so a restart reads only what it missed.
 */
public final class StoreLayout {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);

  /** Raised whenever {@link StoreKeys} or the store's entries change meaning. */
  static final String CURRENT = "3";

  private StoreLayout() {}

  /**
   * Wipes the local state when it was written in another layout or read from another Kafka cluster,
   * and marks it as current. Call it before {@link KafkaStreams#start()}.
   *
   * <p>A store read from another cluster (after {@code kafkastore.bootstrap.servers} moved to a
   * cluster that holds a mirrored copy of the topic) must not be kept: Kafka Streams would resume
   * reading at the offset it had reached on the old cluster, which on the new one points at other
   * records or past the end.
   *
   * @param stateDir the Kafka Streams state directory
   * @param applicationId the Kafka Streams application id, the name of its directory in there
   * @param kafkaClusterId the id of the Kafka cluster the store is read from
   */
  public static void ensureCurrent(
      final Path stateDir,
      final String applicationId,
      final String kafkaClusterId,
      final KafkaStreams streams) {
    final Path layoutMarker = stateDir.resolve(applicationId + ".store-layout");
    final Path clusterMarker = stateDir.resolve(applicationId + ".kafka-cluster");
    try {
      final String layout = read(layoutMarker);
      // A store written before the cluster was recorded is taken to come from this cluster.
      final String cluster = Files.exists(clusterMarker) ? read(clusterMarker) : kafkaClusterId;
      final boolean stored = Files.exists(stateDir.resolve(applicationId));
      if (stored && !CURRENT.equals(layout)) {
        LOG.info(
            "The local store in {} has layout {} rather than {}: rebuilding it from the schemas"
                + " topic",
            stateDir,
            layout == null ? "1" : layout,
            CURRENT);
        streams.cleanUp();
      } else if (stored && !kafkaClusterId.equals(cluster)) {
        LOG.warn(
            "The local store in {} was read from Kafka cluster {}, but kafkastore.bootstrap.servers"
                + " now reach cluster {}: rebuilding it from that cluster's schemas topic, whose"
                + " offsets differ",
            stateDir,
            cluster,
            kafkaClusterId);
        streams.cleanUp();
      }
      Files.createDirectories(stateDir);
      Files.writeString(layoutMarker, CURRENT, StandardCharsets.UTF_8);
      Files.writeString(clusterMarker, kafkaClusterId, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot check the local store's layout in " + stateDir, e);
    }
  }

  private static String read(final Path marker) throws IOException {
    return Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : null;
  }
}
