package io.ksr.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parsed content of a file that operators edit while the registry runs: it is read again when
 * its modification time or size changes, checked at most once a second. A change that does not
 * parse is logged and the previous content stays in force.
 */
final class ReloadingFile<T> {
  private static final Logger LOG = LoggerFactory.getLogger(ReloadingFile.class);
  private static final long CHECK_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);

  private record Loaded<T>(T content, long modified, long size, long checkedAt) {}

  private final Path file;
  private final Function<Path, T> parser;
  private volatile Loaded<T> loaded;

  /**
   * Reads the file now.
   *
   * @throws IllegalArgumentException when it cannot be read or parsed, so start-up fails
   */
  ReloadingFile(final Path file, final Function<Path, T> parser) {
    this.file = file;
    this.parser = parser;
    final BasicFileAttributes attributes = attributes();
    if (attributes == null) {
      throw new IllegalArgumentException("cannot read " + file);
    }
    this.loaded = load(attributes, System.nanoTime());
  }

  /** The content, read again first if the file changed. */
  T current() {
    final Loaded<T> last = loaded;
    final long now = System.nanoTime();
    if (now - last.checkedAt() < CHECK_EVERY_NANOS) {
      return last.content();
    }
    synchronized (this) {
      if (loaded != last) {
        return loaded.content();
      }
      final BasicFileAttributes attributes = attributes();
      if (attributes == null
          || (attributes.lastModifiedTime().toMillis() == last.modified()
              && attributes.size() == last.size())) {
        loaded = new Loaded<>(last.content(), last.modified(), last.size(), now);
        return last.content();
      }
      try {
        loaded = load(attributes, now);
        LOG.info("Reloaded {}", file);
      } catch (final RuntimeException e) {
        LOG.warn("Kept the previous content of {}: {}", file, e.getMessage());
        loaded =
            new Loaded<>(
                last.content(), attributes.lastModifiedTime().toMillis(), attributes.size(), now);
      }
      return loaded.content();
    }
  }

  private Loaded<T> load(final BasicFileAttributes attributes, final long now) {
    return new Loaded<>(
        parser.apply(file), attributes.lastModifiedTime().toMillis(), attributes.size(), now);
  }

  private BasicFileAttributes attributes() {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (final IOException e) {
      return null;
    }
  }
}
