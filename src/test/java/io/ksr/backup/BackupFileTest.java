package io.ksr.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backup file's format: what it writes, what it reads back, and what it refuses. */
class BackupFileTest {
  private static final byte[] KEY =
      "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"
          .getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  @Test
  void keepsKeysAndValuesByteForByteIncludingTombstonesAndNonUtf8() throws IOException {
    final byte[] binary = {(byte) 0xff, 0, (byte) 0xc3, 'x'};
    final byte[] unicode = "{\"schema\":\"\\\"é\\\" ☃\"}".getBytes(StandardCharsets.UTF_8);
    final Path file =
        write(new TopicRecord(3, 10, KEY, unicode), new TopicRecord(7, 11, KEY, null));
    final Path withBinary = dir.resolve("binary.backup");
    try (BackupFile.Writer writer = new BackupFile.Writer(withBinary)) {
      writer.append(new TopicRecord(9, 12, binary, binary));
      writer.finish("_schemas", Instant.EPOCH);
    }

    final BackupFile.Contents contents = BackupFile.read(file);
    final TopicRecord garbage = BackupFile.read(withBinary).records().get(0);

    assertEquals(new BackupFile.Header("_schemas", "1970-01-01T00:00:00Z", 2), contents.header());
    assertEquals(3, contents.records().get(0).offset());
    assertArrayEquals(KEY, contents.records().get(0).key());
    assertArrayEquals(unicode, contents.records().get(0).value());
    assertNull(contents.records().get(1).value());
    assertArrayEquals(binary, garbage.key());
    assertArrayEquals(binary, garbage.value());
    assertTrue(Files.readString(withBinary).contains("\"keyBase64\":\"/wDDeA==\""));
  }

  @Test
  void namesTheLineThatIsNotARecord() throws IOException {
    final Path file = write(new TopicRecord(0, 0, KEY, KEY), new TopicRecord(1, 0, KEY, KEY));
    final List<String> lines = Files.readAllLines(file);
    Files.write(file, List.of(lines.get(0), lines.get(1), "{\"offset\":1,\"timest"));

    final BackupException error = assertThrows(BackupException.class, () -> BackupFile.read(file));

    assertTrue(
        error.getMessage().startsWith(file + " line 3: not a JSON object"), error.getMessage());
  }

  @Test
  void refusesAFileWithFewerRecordsThanItsHeaderSays() throws IOException {
    final Path file = write(new TopicRecord(0, 0, KEY, KEY), new TopicRecord(1, 0, KEY, KEY));
    final List<String> lines = Files.readAllLines(file);
    Files.write(file, lines.subList(0, 2));

    final BackupException error = assertThrows(BackupException.class, () -> BackupFile.read(file));

    assertTrue(error.getMessage().contains("holds 1 records but its header"), error.getMessage());
  }

  @Test
  void refusesAFileThatIsNotABackup() throws IOException {
    final Path file = dir.resolve("other.json");
    Files.writeString(file, "{\"keytype\":\"SCHEMA\"}\n");

    final BackupException error = assertThrows(BackupException.class, () -> BackupFile.read(file));

    assertTrue(error.getMessage().contains("line 1: not a ksr backup header"), error.getMessage());
  }

  @Test
  void leavesNoFileBehindWhenTheBackupIsNotFinished() throws IOException {
    final Path file = dir.resolve("unfinished.backup");
    try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
      writer.append(new TopicRecord(0, 0, KEY, KEY));
    }

    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(), files.toList());
    }
  }

  private Path write(final TopicRecord... records) throws IOException {
    final Path file = dir.resolve("schemas.backup");
    try (BackupFile.Writer writer = new BackupFile.Writer(file)) {
      for (final TopicRecord record : records) {
        writer.append(record);
      }
      writer.finish("_schemas", Instant.EPOCH);
    }
    return file;
  }
}
