package io.ksr.backup;

import io.ksr.config.RegistryConfig;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.store.MemoryStore;
import io.ksr.store.RegistryReader;
import io.ksr.store.SchemaEntry;
import io.ksr.store.SchemasApplier;
import io.ksr.store.StoredVersion;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasRecordCodec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code export}: writes every live schema version as {@code DIR/<subject>/v<version>.<avsc|json|
 * proto>}. It replays the records, from a backup file or the topic, through the same code as the
 * registry's store, so it sees exactly what the registry serves.
 */
final class Export {
  private Export() {}

  /**
   * @param from a backup file, or null to read the topic
   */
  static void run(
      final RegistryConfig config,
      final Path from,
      final Path dir,
      final PrintStream out,
      final PrintStream err)
      throws IOException {
    refuseNonEmpty(dir);
    final MemoryStore store = new MemoryStore();
    final SchemasApplier applier = new SchemasApplier(store, SchemaProviders.builtIn());
    if (from != null) {
      for (final TopicRecord record : BackupFile.read(from).records()) {
        apply(applier, record, err);
      }
    } else {
      try (SchemasTopic topic = new SchemasTopic(config, err)) {
        if (!topic.exists()) {
          throw new BackupException(topic.where() + " does not exist: there is nothing to export");
        }
        topic.read(record -> apply(applier, record, err));
      }
    }
    final RegistryReader reader = new RegistryReader(store);
    int files = 0;
    for (final String subject : reader.allSubjects()) {
      for (final StoredVersion version : reader.versions(subject)) {
        final Optional<SchemaEntry> schema = reader.schemaOf(version);
        if (version.deleted() || schema.isEmpty()) {
          continue;
        }
        final Path file =
            dir.resolve(fileName(subject))
                .resolve("v" + version.version() + "." + extension(schema.get().type()));
        Files.createDirectories(file.getParent());
        Files.writeString(file, schema.get().schema(), StandardCharsets.UTF_8);
        files++;
      }
    }
    out.println("Exported " + files + " schema versions to " + dir);
  }

  /**
   * A subject as a directory name: every byte of its UTF-8 outside {@code A-Z a-z 0-9 - _ .} is
   * written {@code %XX}, and so is a leading dot, so that no subject can name {@code ..} or a
   * hidden directory.
   */
  static String fileName(final String subject) {
    final StringBuilder name = new StringBuilder();
    final byte[] bytes = subject.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      final int b = bytes[i] & 0xff;
      final boolean safe =
          (b >= 'a' && b <= 'z')
              || (b >= 'A' && b <= 'Z')
              || (b >= '0' && b <= '9')
              || b == '-'
              || b == '_'
              || (b == '.' && i > 0);
      if (safe) {
        name.append((char) b);
      } else {
        name.append('%').append(String.format("%02X", b));
      }
    }
    return name.toString();
  }

  private static String extension(final SchemaType type) {
    return switch (type) {
      case AVRO -> "avsc";
      case JSON -> "json";
      case PROTOBUF -> "proto";
    };
  }

  /** Applies a record as the registry's store does, which skips records it cannot read. */
  private static void apply(
      final SchemasApplier applier, final TopicRecord record, final PrintStream err) {
    try {
      final SchemasKey key = SchemasRecordCodec.decodeKey(record.key());
      applier.apply(
          new SchemasRecord(key, SchemasRecordCodec.decodeValue(key, record.value())),
          record.key());
    } catch (final RuntimeException e) {
      err.println("Skipped the record at offset " + record.offset() + ": " + e.getMessage());
    }
  }

  private static void refuseNonEmpty(final Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    if (!Files.isDirectory(dir)) {
      throw new BackupException(dir + " is not a directory");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new BackupException(
            dir + " is not empty: export writes into a new or empty directory only");
      }
    }
  }
}
