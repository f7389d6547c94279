package io.ksr.testkit;

import io.ksr.Registry;
import io.ksr.config.RegistryConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A registry instance started in the test JVM, reached over real HTTP on a free port. */
public final class TestRegistry implements AutoCloseable {
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Map<String, Object> settings;
  private Registry registry;
  private RestClient client;

  private TestRegistry(final Map<String, Object> settings) {
    this.settings = settings;
  }

  /**
   * Settings for a registry on the shared test broker, with its own topic and group.
   *
   * @param name keeps tests apart: the topic and group are named after it
   */
  public static Map<String, Object> settings(final String name, final Path dataDir) {
    return settings(name, dataDir, TestKafka.bootstrapServers());
  }

  /** Settings for a registry on the given brokers, with its own topic and group. */
  public static Map<String, Object> settings(
      final String name, final Path dataDir, final String bootstrapServers) {
    final Map<String, Object> settings = new HashMap<>();
    settings.put(RegistryConfig.BOOTSTRAP_SERVERS, bootstrapServers);
    settings.put(RegistryConfig.TOPIC, "_schemas-" + name);
    settings.put(RegistryConfig.GROUP_ID, "registry-" + name);
    settings.put(RegistryConfig.DATA_DIR, dataDir.toString());
    settings.put(RegistryConfig.LISTENERS, "http://127.0.0.1:0");
    settings.put(RegistryConfig.TOPIC_REPLICATION_FACTOR, 1);
    return settings;
  }

  /**
   * Starts a registry with these settings and waits until it answers reads. Without a {@code
   * host.name} it gets one of its own, so that instances in one test have different ids.
   */
  public static TestRegistry start(final Map<String, Object> settings) {
    final Map<String, Object> own = new HashMap<>(settings);
    own.putIfAbsent(RegistryConfig.HOST_NAME, "node-" + INSTANCES.incrementAndGet());
    final TestRegistry registry = new TestRegistry(own);
    registry.restart();
    return registry;
  }

  /** Stops the instance (if running) and starts it again with the same settings and data. */
  public TestRegistry restart() {
    stop();
    registry = Registry.start(new RegistryConfig(settings));
    client = new RestClient("http://127.0.0.1:" + registry.ports().get(0));
    return this;
  }

  /** Stops the instance and starts it again with these settings changed, keeping its data. */
  public TestRegistry restartWith(final Map<String, Object> changed) {
    stop();
    settings.putAll(changed);
    return restart();
  }

  public void stop() {
    if (registry != null) {
      registry.close();
      registry = null;
    }
  }

  public RestClient client() {
    return client;
  }

  public Registry registry() {
    return registry;
  }

  @Override
  public void close() {
    stop();
  }
}
