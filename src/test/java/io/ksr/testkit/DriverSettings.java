package io.ksr.testkit;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Settings for a {@code TopologyTestDriver}, which never connects to the broker they name. */
public final class DriverSettings {
  private DriverSettings() {}

  public static Properties properties(final String applicationId, final Path stateDir) {
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    return props;
  }
}
