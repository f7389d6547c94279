package io.ksr.backup;

import static io.ksr.backup.BackupRestoreIntegrationTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.backup.BackupRestoreIntegrationTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' arguments and the failures they report before reaching Kafka. */
class BackupCommandsTest {
  @TempDir Path dir;

  @Test
  void showsTheUsageForAMissingOrUnknownOption() {
    final Run missing = run("backup");
    final Run unknown = run("restore", "--from", "x", "--url", "http://localhost:8081");

    assertEquals(2, missing.exitCode());
    assertTrue(missing.err().startsWith("backup needs --to"), missing.err());
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("Unknown option for restore: --url"), unknown.err());
    assertTrue(unknown.err().contains("Usage:"), unknown.err());
  }

  @Test
  void restoreNamesTheGarbledLineAndWritesNothing() throws IOException {
    final Path file = dir.resolve("schemas.backup");
    Files.writeString(
        file,
        "{\"format\":\"ksr-backup\",\"formatVersion\":1,\"topic\":\"_schemas\",\"records\":1}\n"
            + "garbage\n");

    final Run run = run("restore", "--from", file.toString());

    assertEquals(1, run.exitCode());
    assertTrue(
        run.err().startsWith("restore failed: " + file + " line 2: not a JSON object"), run.err());
  }

  @Test
  void exportRefusesADirectoryThatHoldsFiles() throws IOException {
    Files.writeString(dir.resolve("old.avsc"), "\"int\"");

    final Run run = run("export", "--from", "none.backup", "--to", dir.toString());

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains(dir + " is not empty"), run.err());
  }

  @Test
  void exportEncodesSubjectsAsSafeDirectoryNames() {
    assertEquals("orders-value", Export.fileName("orders-value"));
    assertEquals("%3A.ctx%3Aa%2Fb", Export.fileName(":.ctx:a/b"));
    assertEquals("%2E.", Export.fileName(".."));
    assertEquals("caf%C3%A9%20x", Export.fileName("café x"));
  }
}
