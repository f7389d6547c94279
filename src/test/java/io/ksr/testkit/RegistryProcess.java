package io.ksr.testkit;

import io.ksr.config.RegistryConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A registry instance in its own JVM, started from the test classpath with {@code io.ksr.Main}, so
 * that a test can kill it hard ({@code SIGKILL}) or freeze it ({@code SIGSTOP}) as a crash or a
 * long pause would.
 */
public final class RegistryProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STABLE = Duration.ofSeconds(3);

  private final String name;
  private final Path dir;
  private final Map<String, Object> settings;
  private final List<String> jvmOptions;
  private final int port;
  private Process process;
  private RestClient client;

  private RegistryProcess(
      final String name,
      final Path dir,
      final Map<String, Object> settings,
      final List<String> jvmOptions) {
    this.name = name;
    this.dir = dir;
    this.settings = new HashMap<>(settings);
    this.jvmOptions = List.copyOf(jvmOptions);
    this.port = freePort();
    this.settings.put(RegistryConfig.HOST_NAME, name);
    this.settings.put(RegistryConfig.LISTENERS, "http://127.0.0.1:" + port);
    this.settings.put(RegistryConfig.DATA_DIR, dir.resolve("data").toString());
  }

  /**
   * Starts an instance and waits until it answers.
   *
   * @param name its host.name, which with its port makes its instance id
   * @param dir where it keeps its data, configuration and log
   */
  public static RegistryProcess start(
      final String name, final Path dir, final Map<String, Object> settings) {
    return start(name, dir, settings, List.of());
  }

  /**
   * Starts an instance with extra JVM options and waits until it answers.
   *
   * @param jvmOptions for example {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=debug}
   */
  public static RegistryProcess start(
      final String name,
      final Path dir,
      final Map<String, Object> settings,
      final List<String> jvmOptions) {
    final RegistryProcess registry = new RegistryProcess(name, dir, settings, jvmOptions);
    registry.launch();
    return registry;
  }

  /**
   * Starts an instance that is expected to give up, and returns what it logged once it exited.
   *
   * @throws AssertionError when it answers requests instead, or is still running after the start
   *     timeout
   */
  public static String startExpectingFailure(
      final String name,
      final Path dir,
      final Map<String, Object> settings,
      final List<String> jvmOptions) {
    final RegistryProcess registry = new RegistryProcess(name, dir, settings, jvmOptions);
    registry.spawn();
    try {
      final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
      while (registry.process.isAlive()) {
        if (registry.answers() || System.nanoTime() > deadline) {
          throw new AssertionError(name + " did not give up:\n" + registry.logTail());
        }
        Wait.pause(Duration.ofMillis(100));
      }
      if (registry.process.exitValue() == 0) {
        throw new AssertionError(name + " exited with 0:\n" + registry.logTail());
      }
      return registry.logSince(0);
    } finally {
      registry.close();
    }
  }

  /** Starts the instance again, with the same settings, port and data, after a stop or kill. */
  public void restart() {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(name + " is still running");
    }
    launch();
  }

  public RestClient client() {
    return client;
  }

  /** The id other instances know this one by. */
  public String instanceId() {
    return name + ":" + port;
  }

  /** Whether this instance says it is the writer. */
  public boolean isWriter() {
    try {
      return client.get("/v1/metadata/id").json().at("/instance/writer").asBoolean();
    } catch (final UncheckedIOException e) {
      return false;
    }
  }

  /**
   * Waits until one instance has been the writer for a few seconds, as every instance reports it;
   * right after an instance joins, the writer task may still move to it.
   */
  public static RegistryProcess awaitStableWriter(
      final List<RegistryProcess> instances, final Duration timeout) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    RegistryProcess candidate = null;
    long since = System.nanoTime();
    while (System.nanoTime() < deadline) {
      final List<RegistryProcess> writers =
          instances.stream().filter(RegistryProcess::isWriter).toList();
      final RegistryProcess writer = writers.size() == 1 ? writers.get(0) : null;
      if (writer == null || writer != candidate) {
        candidate = writer;
        since = System.nanoTime();
      } else if (System.nanoTime() - since > STABLE.toNanos() && allName(instances, writer)) {
        return writer;
      }
      Wait.pause(Duration.ofMillis(100));
    }
    throw new AssertionError("no stable writer among " + instances.size() + " instances");
  }

  private static boolean allName(
      final List<RegistryProcess> instances, final RegistryProcess writer) {
    return instances.stream()
        .allMatch(
            instance ->
                writer
                    .instanceId()
                    .equals(
                        instance.client().get("/v1/metadata/id").json().path("writer").asText()));
  }

  /** Kills the JVM at once ({@code SIGKILL}): no shutdown hook, no goodbye to the group. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** Stops the JVM cleanly ({@code SIGTERM}), as an orchestrator would. */
  public void stop() {
    process.destroy();
    awaitExit();
  }

  /** Freezes every thread of the JVM ({@code SIGSTOP}), as a long GC pause would. */
  public void pause() {
    signal("STOP");
  }

  /** Lets a frozen JVM run again ({@code SIGCONT}). */
  public void resume() {
    signal("CONT");
  }

  /** How many lines this instance has logged so far. */
  public int logLineCount() {
    return logLines().size();
  }

  /** What this instance logged after its first {@code skip} lines. */
  public String logSince(final int skip) {
    final List<String> lines = logLines();
    return String.join("\n", lines.subList(Math.min(skip, lines.size()), lines.size()));
  }

  /** The last lines this instance logged, for failure messages. */
  public String logTail() {
    final List<String> lines = logLines();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private List<String> logLines() {
    try {
      return Files.readAllLines(log());
    } catch (final IOException e) {
      return List.of("(no log: " + e + ")");
    }
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      resume();
      kill();
    }
  }

  private void launch() {
    spawn();
    final long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!answers()) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        // Nobody gets a handle to close an instance that failed to start: end it here.
        process.destroyForcibly();
        throw new AssertionError(name + " did not start:\n" + logTail());
      }
      Wait.pause(Duration.ofMillis(100));
    }
  }

  private void spawn() {
    try {
      Files.createDirectories(dir);
      final Path config = dir.resolve("registry.properties");
      final Properties properties = new Properties();
      settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
      try (Writer out = Files.newBufferedWriter(config)) {
        properties.store(out, "test instance " + name);
      }
      final String classpath =
          System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
      final List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-Xmx256m", "-XX:+UseSerialGC"));
      command.addAll(jvmOptions);
      command.addAll(List.of("-cp", classpath, "io.ksr.Main", config.toString()));
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
              .start();
    } catch (final IOException e) {
      throw new UncheckedIOException("cannot start " + name, e);
    }
    client = new RestClient("http://127.0.0.1:" + port);
  }

  private boolean answers() {
    try {
      return client.get("/").status() == 200;
    } catch (final UncheckedIOException e) {
      return false;
    }
  }

  private Path log() {
    return dir.resolve("registry.log");
  }

  private void awaitExit() {
    try {
      process.waitFor();
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while waiting for " + name + " to exit", e);
    }
  }

  private void signal(final String signal) {
    try {
      final int exit =
          new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
              .inheritIO()
              .start()
              .waitFor();
      if (exit != 0) {
        throw new AssertionError("kill -" + signal + " " + name + " failed with " + exit);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
