package io.ksr.bench;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestFiles;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts a registry process on a {@code _schemas} topic that already holds many schemas, and times
 * it from process start to ready: cold, with an empty data directory, and warm, restarted after a
 * clean stop with its data directory kept. Ready means that both the last schema id and the last
 * subject's latest version read back over HTTP.
 */
final class StartupBench {
  private static final Duration POLL = Duration.ofMillis(20);
  private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
  private static final Pattern READY_IN = Pattern.compile("ready in (\\d+) ms");

  /** How RSS is read after ready: the peak can still rise while the process settles. */
  private static final Duration SETTLE = Duration.ofSeconds(3);

  /**
   * One start: how long until ready, and the process's peak resident set.
   *
   * @param ownMillis the time the registry itself reports from its first step to listening, which
   *     leaves out the JVM's start and the loading of its classes
   * @param cpuMillis the CPU time the process had used when ready, all its threads together, which
   *     other work on the machine changes far less than the time to ready
   * @param loadAverage the machine's one-minute load average as the start began, since other work
   *     on a shared machine slows a start down
   */
  record Run(
      String start,
      long readyMillis,
      long ownMillis,
      long cpuMillis,
      long peakRssMib,
      double loadAverage) {}

  /**
   * @param catchUpLog the lines the first cold start logged about catching up
   */
  record Result(SchemasTopic topic, List<String> jvmOptions, List<Run> runs, String catchUpLog) {
    List<Run> of(final String start) {
      return runs.stream().filter(run -> run.start().equals(start)).toList();
    }
  }

  static final String COLD = "cold";
  static final String WARM = "warm";

  private StartupBench() {}

  /**
   * Alternates cold starts and warm restarts.
   *
   * @param topic a filled topic
   * @param dir where the registry keeps its data, configuration and log
   * @param jvmOptions the registry JVM's options; none, as in {@code java -jar target/ksr.jar}
   * @param verify whether each start must also serve every schema, beyond the two it is timed on
   */
  static Result run(
      final SchemasTopic topic,
      final String name,
      final Path dir,
      final List<String> jvmOptions,
      final int repetitions,
      final boolean verify)
      throws IOException {
    final Map<String, Object> settings =
        TestRegistry.settings(name, dir.resolve("data"), topic.bootstrapServers());
    settings.put(RegistryConfig.TOPIC, topic.name());
    settings.put(RegistryConfig.HOST_NAME, name);
    final int port = freePort();
    settings.put(RegistryConfig.LISTENERS, "http://127.0.0.1:" + port);
    final Path config = dir.resolve("registry.properties");
    writeProperties(config, settings);
    final RestClient rest = new RestClient("http://127.0.0.1:" + port);
    final List<Run> runs = new ArrayList<>();
    String catchUpLog = null;
    for (int repetition = 0; repetition < repetitions; repetition++) {
      for (final String start : List.of(COLD, WARM)) {
        if (start.equals(COLD) && Files.exists(dir.resolve("data"))) {
          TestFiles.deleteRecursively(dir.resolve("data"));
        }
        final Path log = dir.resolve(start + "-" + repetition + ".log");
        runs.add(startOnce(start, config, jvmOptions, log, rest, topic, verify));
        if (catchUpLog == null) {
          catchUpLog = catchUpLines(log);
        }
      }
    }
    return new Result(topic, jvmOptions, runs, catchUpLog);
  }

  private static Run startOnce(
      final String start,
      final Path config,
      final List<String> jvmOptions,
      final Path log,
      final RestClient rest,
      final SchemasTopic topic,
      final boolean verify)
      throws IOException {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
            "io.ksr.Main",
            config.toString()));
    final double loadAverage =
        Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    final long begin = System.nanoTime();
    final Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()))
            .start();
    try {
      final long deadline = begin + START_TIMEOUT.toNanos();
      while (!topic.lastReadsBack(rest)) {
        if (!process.isAlive() || System.nanoTime() > deadline) {
          throw new AssertionError(
              start + " start not ready:\n" + String.join("\n", tail(Files.readAllLines(log))));
        }
        Wait.pause(POLL);
      }
      final long readyMillis = (System.nanoTime() - begin) / 1_000_000;
      final long cpuMillis =
          process.info().totalCpuDuration().orElseThrow(AssertionError::new).toMillis();
      Wait.pause(SETTLE);
      final long peakRssMib = peakRssKib(process.pid()) / 1024;
      if (verify) {
        topic.assertServesEverySchema(rest);
      }
      return new Run(start, readyMillis, ownMillis(log), cpuMillis, peakRssMib, loadAverage);
    } finally {
      // A clean stop, as an orchestrator's, so that the warm restart finds its state closed.
      process.destroy();
      try {
        process.waitFor();
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  /** The peak resident set ({@code VmHWM}) of a live process, in KiB. */
  private static long peakRssKib(final long pid) throws IOException {
    for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmHWM for process " + pid);
  }

  private static long ownMillis(final Path log) throws IOException {
    for (final String line : Files.readAllLines(log)) {
      final Matcher matcher = READY_IN.matcher(line);
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    return -1;
  }

  private static String catchUpLines(final Path log) throws IOException {
    return String.join(
        "\n",
        Files.readAllLines(log).stream()
            .filter(line -> line.contains("CatchUpLogger") || line.contains("ready in"))
            .toList());
  }

  private static List<String> tail(final List<String> lines) {
    return lines.subList(Math.max(0, lines.size() - 40), lines.size());
  }

  private static void writeProperties(final Path file, final Map<String, Object> settings)
      throws IOException {
    final Properties properties = new Properties();
    settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
    Files.createDirectories(file.getParent());
    try (Writer out = Files.newBufferedWriter(file)) {
      properties.store(out, "start-up benchmark");
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
