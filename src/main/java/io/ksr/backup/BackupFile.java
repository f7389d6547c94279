package io.ksr.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The backup file: UTF-8 text, one JSON object per line. The first line is a header; every other
 * line is one {@code _schemas} record, in topic order. Keys and values are kept as JSON strings
 * holding the record's exact text, or in base64 when the bytes are not UTF-8.
 */
final class BackupFile {
  static final String FORMAT = "ksr-backup";
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BackupFile() {}

  /** What the first line says about the backup. */
  record Header(String topic, String createdAt, long records) {}

  /** A backup as read back. */
  record Contents(Header header, List<TopicRecord> records) {}

  /**
   * Writes a backup. The records go to a hidden partial file in the same directory, which takes the
   * final name only once complete, so an interrupted backup never looks like a finished one.
   */
  static final class Writer implements AutoCloseable {
    private final Path target;
    private final Path body;
    private final BufferedWriter out;
    private long count;

    Writer(final Path target) throws IOException {
      this.target = target.toAbsolutePath();
      this.body =
          Files.createTempFile(this.target.getParent(), "." + target.getFileName(), ".partial");
      this.out = Files.newBufferedWriter(body, StandardCharsets.UTF_8);
    }

    void append(final TopicRecord record) throws IOException {
      final ObjectNode line = MAPPER.createObjectNode();
      line.put("offset", record.offset());
      line.put("timestamp", record.timestamp());
      putBytes(line, "key", record.key());
      putBytes(line, "value", record.value());
      out.write(MAPPER.writeValueAsString(line));
      out.write('\n');
      count++;
    }

    long count() {
      return count;
    }

    /** Puts the header in front of the records and gives the file its final name. */
    void finish(final String topic, final Instant createdAt) throws IOException {
      out.close();
      final ObjectNode header = MAPPER.createObjectNode();
      header.put("format", FORMAT);
      header.put("formatVersion", FORMAT_VERSION);
      header.put("topic", topic);
      header.put("createdAt", createdAt.toString());
      header.put("records", count);
      final Path complete =
          Files.createTempFile(target.getParent(), "." + target.getFileName(), ".partial");
      try {
        try (OutputStream writer = Files.newOutputStream(complete)) {
          writer.write((MAPPER.writeValueAsString(header) + "\n").getBytes(StandardCharsets.UTF_8));
          Files.copy(body, writer);
        }
        moveIntoPlace(complete);
      } finally {
        Files.deleteIfExists(complete);
      }
    }

    private void moveIntoPlace(final Path complete) throws IOException {
      try {
        Files.move(
            complete, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (final AtomicMoveNotSupportedException e) {
        Files.move(complete, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
      Files.deleteIfExists(body);
    }
  }

  /**
   * Reads a whole backup and checks it before anything is done with it.
   *
   * @throws BackupException naming the line when the file is not a complete backup
   */
  static Contents read(final Path file) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      final String first = in.readLine();
      if (first == null) {
        throw new BackupException(file + " is empty: it is not a ksr backup");
      }
      final Header header = header(file, parse(file, 1, first));
      final List<TopicRecord> records = new ArrayList<>();
      long lineNumber = 1;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lineNumber++;
        records.add(record(file, lineNumber, parse(file, lineNumber, line)));
      }
      if (records.size() != header.records()) {
        throw new BackupException(
            file
                + " holds "
                + records.size()
                + " records but its header (line 1) says "
                + header.records()
                + ": the file is incomplete or was edited");
      }
      return new Contents(header, records);
    } catch (final CharacterCodingException e) {
      throw new BackupException(file + " is not UTF-8 text: it is not a ksr backup", e);
    } catch (final IOException e) {
      throw new BackupException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode parse(final Path file, final long lineNumber, final String line) {
    final JsonNode json;
    try {
      json = MAPPER.readTree(line);
    } catch (final JsonProcessingException e) {
      throw lineError(file, lineNumber, "not a JSON object (" + e.getOriginalMessage() + ")");
    }
    if (json == null || !json.isObject()) {
      throw lineError(file, lineNumber, "not a JSON object");
    }
    return (ObjectNode) json;
  }

  private static Header header(final Path file, final ObjectNode json) {
    if (!FORMAT.equals(json.path("format").asText())) {
      throw lineError(file, 1, "not a ksr backup header (no \"format\":\"" + FORMAT + "\")");
    }
    final int version = json.path("formatVersion").asInt(-1);
    if (version != FORMAT_VERSION) {
      throw lineError(
          file,
          1,
          "format version "
              + json.path("formatVersion")
              + " is not "
              + FORMAT_VERSION
              + ", the one this ksr reads");
    }
    if (!json.path("records").canConvertToLong() || !json.path("topic").isTextual()) {
      throw lineError(file, 1, "the header lacks \"topic\" or \"records\"");
    }
    return new Header(
        json.get("topic").asText(), json.path("createdAt").asText(), json.get("records").asLong());
  }

  private static TopicRecord record(final Path file, final long lineNumber, final ObjectNode json) {
    if (!json.path("offset").isIntegralNumber() || !json.path("timestamp").isIntegralNumber()) {
      throw lineError(file, lineNumber, "\"offset\" or \"timestamp\" is missing or not a number");
    }
    return new TopicRecord(
        json.get("offset").asLong(),
        json.get("timestamp").asLong(),
        bytes(file, lineNumber, json, "key"),
        bytes(file, lineNumber, json, "value"));
  }

  private static void putBytes(final ObjectNode line, final String field, final byte[] bytes) {
    if (bytes == null) {
      line.putNull(field);
      return;
    }
    final String text = strictUtf8(bytes);
    if (text != null) {
      line.put(field, text);
    } else {
      line.put(field + "Base64", Base64.getEncoder().encodeToString(bytes));
    }
  }

  private static byte[] bytes(
      final Path file, final long lineNumber, final ObjectNode json, final String field) {
    final JsonNode text = json.get(field);
    final JsonNode base64 = json.get(field + "Base64");
    if ((text == null) == (base64 == null)) {
      throw lineError(
          file, lineNumber, "needs exactly one of \"" + field + "\" and \"" + field + "Base64\"");
    }
    if (text != null) {
      if (text.isNull()) {
        return null;
      }
      if (!text.isTextual()) {
        throw lineError(file, lineNumber, "\"" + field + "\" is neither a string nor null");
      }
      return text.textValue().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(base64.asText());
    } catch (final IllegalArgumentException e) {
      throw lineError(file, lineNumber, "\"" + field + "Base64\" is not base64");
    }
  }

  /** The text the bytes encode, or null unless they are well-formed UTF-8 (and so round-trip). */
  private static String strictUtf8(final byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (final CharacterCodingException e) {
      return null;
    }
  }

  private static BackupException lineError(
      final Path file, final long lineNumber, final String problem) {
    return new BackupException(file + " line " + lineNumber + ": " + problem);
  }
}
