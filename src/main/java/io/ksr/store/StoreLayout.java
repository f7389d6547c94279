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
 * Which version of the store's key layout ({@link StoreKeys}) this instance's local state holds. A
 * store in an older layout is rebuilt from {@code _schemas}, the only source of truth, rather than
 * misread; a store in the current layout is kept, so a restart reads only what it missed.
 */
public final class StoreLayout {
  private static final Logger LOG = LoggerFactory.getLogger(StoreLayout.class);

  /** Raised whenever {@link StoreKeys} or the store's entries change meaning. */
  static final String CURRENT = "3";

  private StoreLayout() {}

  /**
   * Wipes the local state when it was written in another layout, and marks it as current. Call it
   * before {@link KafkaStreams#start()}.
   *
   * @param stateDir the Kafka Streams state directory
   * @param applicationId the Kafka Streams application id, the name of its directory in there
   */
  public static void ensureCurrent(
      final Path stateDir, final String applicationId, final KafkaStreams streams) {
    final Path marker = stateDir.resolve(applicationId + ".store-layout");
    try {
      final String found =
          Files.exists(marker) ? Files.readString(marker, StandardCharsets.UTF_8).trim() : null;
      if (CURRENT.equals(found)) {
        return;
      }
      if (Files.exists(stateDir.resolve(applicationId))) {
        LOG.info(
            "The local store in {} has layout {} rather than {}: rebuilding it from the schemas"
                + " topic",
            stateDir,
            found == null ? "1" : found,
            CURRENT);
        streams.cleanUp();
      }
      Files.createDirectories(stateDir);
      Files.writeString(marker, CURRENT, StandardCharsets.UTF_8);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot check the local store's layout in " + stateDir, e);
    }
  }
}
