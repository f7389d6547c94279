package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.DriverSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local store is kept across restarts on one schemas topic and rebuilt on another. */
class StoreLayoutTest {
  private static final String APPLICATION = "registry";

  @TempDir Path stateDir;

  @Test
  void shouldKeepTheStoreOnTheSameTopicAndWipeItOnAnother() throws IOException {
    withStreams(
        streams -> StoreLayout.ensureCurrent(stateDir, APPLICATION, "topic-in-dc-a", streams));
    final Path data =
        Files.createDirectories(stateDir.resolve(APPLICATION).resolve("global").resolve("rocksdb"))
            .resolve("data");
    Files.writeString(data, "read in dc-a");
    withStreams(
        streams -> StoreLayout.ensureCurrent(stateDir, APPLICATION, "topic-in-dc-a", streams));
    assertTrue(Files.exists(data), "kept on the same topic");

    withStreams(
        streams -> StoreLayout.ensureCurrent(stateDir, APPLICATION, "topic-in-dc-b", streams));
    assertFalse(Files.exists(data), "wiped on another topic");
  }

  @Test
  void shouldTakeAStoreWithoutATopicMarkToComeFromTheTopicItNowReads() throws IOException {
    final Path data =
        Files.createDirectories(stateDir.resolve(APPLICATION).resolve("global").resolve("rocksdb"))
            .resolve("data");
    Files.writeString(data, "from a version that did not record the topic");
    Files.writeString(stateDir.resolve(APPLICATION + ".store-layout"), StoreLayout.CURRENT);

    withStreams(
        streams -> StoreLayout.ensureCurrent(stateDir, APPLICATION, "topic-in-dc-a", streams));

    assertTrue(Files.exists(data));
  }

  @Test
  void shouldLeaveADirectoryWithoutAStoreAlone() throws IOException {
    final Path own =
        Files.createDirectories(stateDir.resolve(APPLICATION).resolve("global"))
            .resolve("streams-own");
    Files.writeString(own, "what Kafka Streams writes when it is created");

    withStreams(
        streams -> StoreLayout.ensureCurrent(stateDir, APPLICATION, "topic-in-dc-a", streams));

    assertTrue(Files.exists(own), "nothing to rebuild on a first start");
    assertTrue(Files.exists(stateDir.resolve(APPLICATION + ".store-layout")));
  }

  private void withStreams(final Consumer<KafkaStreams> check) {
    final Topology topology = new Topology();
    topology.addSource("source", "unused");
    final Properties settings = DriverSettings.properties(APPLICATION, stateDir);
    // Nothing connects before start(), but the address must resolve.
    settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    try (KafkaStreams streams = new KafkaStreams(topology, settings)) {
      check.accept(streams);
    }
  }
}
