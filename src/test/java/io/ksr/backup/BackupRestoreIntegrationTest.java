package io.ksr.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup, restore and export against a registry holding every kind of record: three schema types,
 * references, soft and hard deletes, configs, modes, a context and a record it cannot read.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIntegrationTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ADDRESS =
      "{\"type\":\"record\",\"name\":\"Address\",\"namespace\":\"com.acme\","
          + "\"fields\":[{\"name\":\"street\",\"type\":\"string\"}]}";
  private static final String CUSTOMER =
      "{\"type\":\"record\",\"name\":\"Customer\",\"namespace\":\"com.acme\","
          + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
          + "{\"name\":\"address\",\"type\":\"com.acme.Address\"}";
  private static final String ORDER_V1 =
      "syntax = \"proto3\";\npackage acme;\n\nmessage Order {\n  string id = 1;\n}\n";
  private static final String ORDER_V2 =
      "syntax = \"proto3\";\npackage acme;\n\n"
          + "message Order {\n  string id = 1;\n  int64 amount = 2;\n}\n";
  private static final String EVENT =
      "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}}}";

  @TempDir static Path dir;
  private final String name = "backup-" + System.nanoTime();
  private TestRegistry source;
  private Path backup;

  @BeforeAll
  void fillARegistryAndBackItUp() throws Exception {
    source = TestRegistry.start(TestRegistry.settings(name + "-src", dir.resolve("src")));
    final RestClient rest = source.client();
    ok(rest.post("/subjects/address/versions", RestClient.schemaBody(ADDRESS)));
    final String reference =
        ",\"references\":[{\"name\":\"com.acme.Address\",\"subject\":\"address\",\"version\":1}]}";
    ok(rest.post("/subjects/customer/versions", avroWithReference(CUSTOMER + "]}", reference)));
    ok(
        rest.post(
            "/subjects/customer/versions",
            avroWithReference(
                CUSTOMER + ",{\"name\":\"email\",\"type\":\"string\",\"default\":\"\"}]}",
                reference)));
    ok(rest.post("/subjects/events-json/versions", typed("JSON", EVENT)));
    ok(rest.post("/subjects/orders-proto/versions", typed("PROTOBUF", ORDER_V1)));
    ok(rest.post("/subjects/orders-proto/versions", typed("PROTOBUF", ORDER_V2)));
    ok(rest.delete("/subjects/orders-proto/versions/1"));
    ok(rest.post("/subjects/scratch/versions", RestClient.schemaBody("\"int\"")));
    ok(rest.post("/subjects/scratch/versions", RestClient.schemaBody("\"long\"")));
    ok(rest.delete("/subjects/scratch/versions/1"));
    ok(rest.delete("/subjects/scratch/versions/1?permanent=true"));
    ok(rest.post("/subjects/retired/versions", RestClient.schemaBody("\"boolean\"")));
    ok(rest.delete("/subjects/retired"));
    ok(rest.post("/subjects/:.ctx:payments/versions", RestClient.schemaBody("\"string\"")));
    ok(rest.put("/config/customer", "{\"compatibility\":\"FULL\"}"));
    ok(rest.put("/config/events-json", "{\"compatibility\":\"NONE\",\"normalize\":true}"));
    ok(rest.put("/config", "{\"compatibility\":\"FORWARD\"}"));
    ok(rest.put("/mode/address", "{\"mode\":\"READONLY\"}"));
    RawTopics.produce(topic("src"), List.of(new RawTopics.Text("garbage", "more garbage")));

    backup = dir.resolve("schemas.backup");
    final Run run = run("backup", "--to", backup.toString(), "--config", config("src"));
    assertEquals(0, run.exitCode(), run.err());
  }

  @AfterAll
  void stopTheRegistry() {
    source.close();
  }

  @Test
  void restoresIntoARunningEmptyRegistryWithTheSameIdsVersionsConfigsAndModes() throws Exception {
    try (TestRegistry target =
        TestRegistry.start(TestRegistry.settings(name + "-dst", dir.resolve("dst")))) {
      final Run run = run("restore", "--from", backup.toString(), "--config", config("dst"));
      assertEquals(0, run.exitCode(), run.err());

      final Map<String, String> expected = state(source.client());
      Wait.until(
          "the restored registry to show the backup",
          Duration.ofSeconds(30),
          () -> state(target.client()).equals(expected));
      assertEquals(expected, state(target.client()));
      assertEquals("200 [2]", expected.get("/subjects/orders-proto/versions"));
      assertEquals("200 [1,2]", expected.get("/subjects/orders-proto/versions?deleted=true"));
      assertEquals("200 [2]", expected.get("/subjects/scratch/versions?deleted=true"));
      assertEquals("200 [1]", expected.get("/subjects/retired/versions?deleted=true"));
      assertTrue(expected.get("/mode/address").contains("READONLY"));
      assertTrue(expected.get("/config/customer").contains("FULL"));

      final String fresh = RestClient.schemaBody("{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}");
      final JsonNode restored = target.client().post("/subjects/fresh/versions", fresh).json();
      assertEquals(highestDefaultContextId(expected) + 1, restored.get("id").asInt());
    }
  }

  @Test
  void restoresIntoAMissingTopicRecordForRecord() {
    final Run run = run("restore", "--from", backup.toString(), "--config", config("new"));

    assertEquals(0, run.exitCode(), run.err());
    assertEquals(withoutNoops(topic("src")), withoutNoops(topic("new")));
  }

  @Test
  void refusesToRestoreIntoARegistryThatHoldsSchemas() {
    final Run run = run("restore", "--from", backup.toString(), "--config", config("src"));

    assertEquals(1, run.exitCode());
    assertTrue(run.err().contains("Refusing to restore"), run.err());
    assertTrue(run.err().contains("restore needs an empty registry"), run.err());
  }

  @Test
  void exportsEveryLiveVersionFromTheBackupAndFromTheTopic() throws Exception {
    final Path fromFile = dir.resolve("export-file");
    final Path fromTopic = dir.resolve("export-topic");

    final Run fileRun = run("export", "--from", backup.toString(), "--to", fromFile.toString());
    final Run topicRun = run("export", "--to", fromTopic.toString(), "--config", config("src"));

    assertEquals(0, fileRun.exitCode(), fileRun.err());
    assertEquals(0, topicRun.exitCode(), topicRun.err());
    assertEquals(
        Set.of(
            "address/v1.avsc",
            "customer/v1.avsc",
            "customer/v2.avsc",
            "events-json/v1.json",
            "orders-proto/v2.proto",
            "scratch/v2.avsc",
            "%3A.ctx%3Apayments/v1.avsc"),
        files(fromFile).keySet());
    assertEquals(files(fromFile), files(fromTopic));
    final RestClient rest = source.client();
    for (final String subject : List.of("customer", "orders-proto", ":.ctx:payments")) {
      final JsonNode latest = rest.get("/subjects/" + subject + "/versions/latest").json();
      final String extension = subject.equals("orders-proto") ? "proto" : "avsc";
      assertEquals(
          latest.get("schema").asText(),
          files(fromFile)
              .get(Export.fileName(subject) + "/v" + latest.get("version") + "." + extension));
    }
  }

  /** What the registry answers about every subject, version, id, config and mode. */
  private static Map<String, String> state(final RestClient rest) {
    final Map<String, String> answers = new TreeMap<>();
    for (final String path : List.of("/subjects", "/subjects?deleted=true", "/contexts")) {
      answers.put(path, rest.get(path).body());
    }
    answers.put("/config", rest.get("/config").body());
    answers.put("/mode", rest.get("/mode").body());
    for (final JsonNode subject : rest.get("/subjects?deleted=true").json()) {
      final String s = subject.asText();
      for (final String path :
          List.of(
              "/subjects/" + s + "/versions",
              "/subjects/" + s + "/versions?deleted=true",
              "/config/" + s,
              "/mode/" + s)) {
        final RestClient.Response answer = rest.get(path);
        answers.put(path, answer.status() + " " + answer.body());
      }
      for (final JsonNode version : rest.get("/subjects/" + s + "/versions?deleted=true").json()) {
        final String path = "/subjects/" + s + "/versions/" + version.asInt() + "?deleted=true";
        final RestClient.Response answer = rest.get(path);
        answers.put(path, answer.body());
        final String idPath = "/schemas/ids/" + answer.json().get("id") + "?subject=" + s;
        answers.put(idPath, rest.get(idPath).body());
      }
    }
    return answers;
  }

  private static int highestDefaultContextId(final Map<String, String> state) throws IOException {
    int highest = 0;
    for (final Map.Entry<String, String> answer : state.entrySet()) {
      if (answer.getKey().matches("/subjects/[^:][^/]*/versions/\\d+\\?deleted=true")) {
        highest = Math.max(highest, MAPPER.readTree(answer.getValue()).get("id").asInt());
      }
    }
    return highest;
  }

  private static List<String> withoutNoops(final String topic) {
    return SchemasLog.read(TestKafka.bootstrapServers(), topic).stream()
        .filter(entry -> !entry.key().contains("\"NOOP\""))
        .map(entry -> entry.key() + " -> " + entry.value())
        .toList();
  }

  private static Map<String, String> files(final Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths
          .filter(Files::isRegularFile)
          .collect(
              Collectors.toMap(
                  path -> root.relativize(path).toString().replace('\\', '/'),
                  path -> {
                    try {
                      return Files.readString(path);
                    } catch (final IOException e) {
                      throw new AssertionError(e);
                    }
                  }));
    }
  }

  private String topic(final String which) {
    return "_schemas-" + name + "-" + which;
  }

  private String config(final String which) {
    final Path file = dir.resolve(which + ".properties");
    try {
      Files.writeString(
          file,
          "kafkastore.bootstrap.servers="
              + TestKafka.bootstrapServers()
              + "\nkafkastore.topic="
              + topic(which)
              + "\nkafkastore.topic.replication.factor=1\nhost.name=backup-test\n");
    } catch (final IOException e) {
      throw new AssertionError(e);
    }
    return file.toString();
  }

  /** What a command printed and returned. */
  record Run(int exitCode, String out, String err) {}

  static Run run(final String... args) {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final int exitCode =
        BackupCommands.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static void ok(final RestClient.Response response) {
    assertEquals(200, response.status(), response.body());
  }

  private static String avroWithReference(final String schema, final String references) {
    final String body = RestClient.schemaBody(schema);
    return body.substring(0, body.length() - 1) + references;
  }

  private static String typed(final String type, final String schema) throws IOException {
    final ObjectNode body = (ObjectNode) MAPPER.readTree(RestClient.schemaBody(schema));
    return MAPPER.writeValueAsString(body.put("schemaType", type));
  }
}
