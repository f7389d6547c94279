package io.ksr.backup;

import io.ksr.config.RegistryConfig;
import io.ksr.store.record.MalformedRecordException;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecordCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;

/**
 * The {@code backup}, {@code restore} and {@code export} commands of {@code java -jar ksr.jar}.
 * Each reads the registry's configuration to find its {@code _schemas} topic and Kafka settings.
 */
public final class BackupCommands {
  private static final String USAGE =
      """
      Usage: java -jar ksr.jar backup --to FILE [--config registry.properties]
             java -jar ksr.jar restore --from FILE [--config registry.properties]
             java -jar ksr.jar export --to DIR [--from FILE] [--config registry.properties]
      """;

  private static final Map<String, Set<String>> OPTIONS =
      Map.of(
          "backup", Set.of("--to", "--config"),
          "restore", Set.of("--from", "--config"),
          "export", Set.of("--to", "--from", "--config"));

  private static final Map<String, String> REQUIRED =
      Map.of("backup", "--to", "restore", "--from", "export", "--to");

  private BackupCommands() {}

  /** Whether {@code command} is one of these commands. */
  public static boolean handles(final String command) {
    return OPTIONS.containsKey(command);
  }

  /**
   * Runs the command that {@code args[0]} names.
   *
   * @param env the environment, for {@code SCHEMA_REGISTRY_*} settings
   * @return the exit code: 0 when done, 1 when it failed, 2 for wrong arguments or configuration
   */
  public static int run(
      final String[] args,
      final Map<String, String> env,
      final PrintStream out,
      final PrintStream err) {
    final String command = args[0];
    final Map<String, String> options;
    try {
      options = options(command, args);
    } catch (final IllegalArgumentException e) {
      err.println(e.getMessage());
      err.print(USAGE);
      return 2;
    }
    final RegistryConfig config;
    try {
      config = RegistryConfig.load(pathOrNull(options.get("--config")), env);
    } catch (final ConfigException e) {
      err.println("Invalid configuration: " + e.getMessage());
      return 2;
    }
    try {
      switch (command) {
        case "backup" -> backup(config, Path.of(options.get("--to")), out, err);
        case "restore" -> restore(config, Path.of(options.get("--from")), out, err);
        default ->
            Export.run(
                config, pathOrNull(options.get("--from")), Path.of(options.get("--to")), out, err);
      }
      return 0;
    } catch (final BackupException e) {
      err.println(command + " failed: " + e.getMessage());
    } catch (final IOException e) {
      err.println(command + " failed: " + e);
    } catch (final RuntimeException e) {
      // Kafka and topic set-up errors carry messages worth showing as they are.
      err.println(command + " failed: " + e.getMessage());
    }
    return 1;
  }

  private static Map<String, String> options(final String command, final String[] args) {
    final Map<String, String> options = new HashMap<>();
    for (int i = 1; i < args.length; i += 2) {
      if (!OPTIONS.get(command).contains(args[i])) {
        throw new IllegalArgumentException("Unknown option for " + command + ": " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      options.put(args[i], args[i + 1]);
    }
    if (!options.containsKey(REQUIRED.get(command))) {
      throw new IllegalArgumentException(command + " needs " + REQUIRED.get(command));
    }
    return options;
  }

  private static Path pathOrNull(final String path) {
    return path == null ? null : Path.of(path);
  }

  private static void backup(
      final RegistryConfig config, final Path file, final PrintStream out, final PrintStream err)
      throws IOException {
    try (SchemasTopic topic = new SchemasTopic(config, err)) {
      if (!topic.exists()) {
        throw new BackupException(topic.where() + " does not exist: there is nothing to back up");
      }
      final Instant startedAt = Instant.now();
      try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
        topic.read(writer::append);
        writer.finish(topic.name(), startedAt);
        out.println("Backed up " + writer.count() + " records of " + topic.where() + " to " + file);
      }
    }
  }

  /**
   * Appends the backup's records to an empty topic, byte for byte and in order, so that ids,
   * versions, deletes, configs and modes come back exactly. NOOP records are left out: they mean
   * nothing but "the log reached here".
   */
  private static void restore(
      final RegistryConfig config, final Path file, final PrintStream out, final PrintStream err)
      throws IOException {
    final BackupFile.Contents backup = BackupFile.read(file);
    final List<TopicRecord> records =
        backup.records().stream().filter(r -> r.key() != null && !isNoop(r)).toList();
    try (SchemasTopic topic = new SchemasTopic(config, err)) {
      topic.ensureTopics();
      final List<Long> held = new ArrayList<>();
      topic.read(
          record -> {
            if (!isNoop(record)) {
              held.add(record.offset());
            }
          });
      if (!held.isEmpty()) {
        throw new BackupException(
            "Refusing to restore: "
                + topic.where()
                + " already holds "
                + held.size()
                + " records (the first at offset "
                + held.get(0)
                + "); restore needs an empty registry");
      }
      topic.appendAll(records);
      out.println(
          "Restored "
              + records.size()
              + " records (a backup of topic "
              + backup.header().topic()
              + " taken at "
              + backup.header().createdAt()
              + ") to "
              + topic.where()
              + "; left out "
              + (backup.records().size() - records.size())
              + " NOOP or keyless records");
    }
  }

  private static boolean isNoop(final TopicRecord record) {
    try {
      return record.key() != null
          && SchemasRecordCodec.decodeKey(record.key()) instanceof SchemasKey.Noop;
    } catch (final MalformedRecordException e) {
      return false;
    }
  }
}
