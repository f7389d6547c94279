package io.ksr.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Files the tests remove, such as an instance's local state, to see it rebuilt. */
public final class TestFiles {
  private TestFiles() {}

  public static void deleteRecursively(final Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
