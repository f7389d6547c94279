package io.ksr.testkit;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's Chromium run headless as a child process, to see a page as a browser renders it. */
public final class HeadlessChromium {
  private static final List<String> COMMANDS =
      List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

  /**
   * How long the page may run before its DOM is printed. Virtual time stands still while requests
   * are in flight, so the page's fetches finish however slow the machine is.
   */
  private static final int VIRTUAL_TIME_BUDGET_MS = 10_000;

  /** A hung browser fails the test instead of holding up the build. */
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private final Path executable;
  private final Path workDir;

  private HeadlessChromium(final Path executable, final Path workDir) {
    this.executable = executable;
    this.workDir = workDir;
  }

  /** Chromium on this machine's PATH, if installed; it keeps its profiles under {@code workDir}. */
  public static Optional<HeadlessChromium> find(final Path workDir) {
    final String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (final String command : COMMANDS) {
      for (final String dir : path.split(File.pathSeparator)) {
        final Path candidate = Path.of(dir, command);
        if (Files.isExecutable(candidate)) {
          return Optional.of(new HeadlessChromium(candidate, workDir));
        }
      }
    }
    return Optional.empty();
  }

  /** Loads a page, lets its scripts run, and returns its DOM as HTML. */
  public String dumpDom(final String url) throws IOException, InterruptedException {
    final Path run = Files.createTempDirectory(workDir, "chromium-");
    final Path out = run.resolve("dom.html");
    final Path log = run.resolve("chromium.log");
    final Process process =
        new ProcessBuilder(
                executable.toString(),
                "--headless",
                // Sandboxing needs user namespaces, which containers and root often lack.
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--user-data-dir=" + run.resolve("profile"),
                "--virtual-time-budget=" + VIRTUAL_TIME_BUDGET_MS,
                "--dump-dom",
                url)
            .redirectOutput(out.toFile())
            .redirectError(log.toFile())
            .start();
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
      throw new AssertionError(
          "Chromium did not finish within " + TIMEOUT + " loading " + url + "; see " + log);
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          "Chromium exited with "
              + process.exitValue()
              + " loading "
              + url
              + ":\n"
              + Files.readString(log, StandardCharsets.UTF_8));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
