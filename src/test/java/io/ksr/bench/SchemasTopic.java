package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.testkit.RestClient;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * A {@code _schemas} topic filled directly in Confluent's record format, as a long-running registry
 * would have written it: every subject gets version 1, then every subject version 2, and so on,
 * with ids counting up in that order. Each schema is an Avro record of five fields, the last one
 * named after its version so that every schema is distinct.
 */
record SchemasTopic(String bootstrapServers, String name, int subjects, int versions) {

  int schemas() {
    return subjects * versions;
  }

  /** Creates the topic as the registry expects it and writes every version into it. */
  static SchemasTopic fill(
      final String bootstrapServers, final String name, final int subjects, final int versions)
      throws Exception {
    final SchemasTopic topic = new SchemasTopic(bootstrapServers, name, subjects, versions);
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(name, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
          .all()
          .get();
    }
    try (KafkaProducer<byte[], byte[]> producer =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG,
                20,
                ProducerConfig.BATCH_SIZE_CONFIG,
                512 * 1024),
            new ByteArraySerializer(),
            new ByteArraySerializer())) {
      final List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (int version = 1; version <= versions; version++) {
        for (int subject = 1; subject <= subjects; subject++) {
          sent.add(producer.send(topic.record(subject, version)));
        }
      }
      for (final Future<RecordMetadata> each : sent) {
        each.get();
      }
    }
    return topic;
  }

  /** Whether the last id and the last subject's latest version both read back. */
  boolean lastReadsBack(final RestClient rest) {
    try {
      return rest.get("/schemas/ids/" + schemas()).status() == 200
          && rest.get("/subjects/" + subject(subjects) + "/versions/latest")
                  .json()
                  .path("version")
                  .asInt()
              == versions;
    } catch (final UncheckedIOException e) {
      return false;
    }
  }

  /** Checks that every id reads back as its schema and every subject's latest version. */
  void assertServesEverySchema(final RestClient rest) {
    for (int version = 1; version <= versions; version++) {
      for (int subject = 1; subject <= subjects; subject++) {
        final RestClient.Response read = rest.get("/schemas/ids/" + id(subject, version));
        assertEquals(200, read.status(), read.body());
        assertEquals(
            new Schema.Parser().parse(schema(subject, version)),
            new Schema.Parser().parse(read.json().path("schema").asText()));
      }
    }
    for (int subject = 1; subject <= subjects; subject++) {
      final JsonNode latest = rest.get("/subjects/" + subject(subject) + "/versions/latest").json();
      assertEquals(versions, latest.path("version").asInt(), latest.toString());
      assertEquals(id(subject, versions), latest.path("id").asInt(), latest.toString());
    }
  }

  private ProducerRecord<byte[], byte[]> record(final int subject, final int version) {
    final String key =
        "{\"keytype\":\"SCHEMA\",\"subject\":\""
            + subject(subject)
            + "\",\"version\":"
            + version
            + ",\"magic\":1}";
    final String value =
        "{\"subject\":\""
            + subject(subject)
            + "\",\"version\":"
            + version
            + ",\"id\":"
            + id(subject, version)
            + ",\"schema\":"
            + quoted(schema(subject, version))
            + ",\"deleted\":false}";
    return new ProducerRecord<>(
        name, 0, key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
  }

  private int id(final int subject, final int version) {
    return (version - 1) * subjects + subject;
  }

  private static String subject(final int subject) {
    return "bench-" + subject + "-value";
  }

  private static String schema(final int subject, final int version) {
    return "{\"type\":\"record\",\"name\":\"Event"
        + subject
        + "\",\"namespace\":\"com.acme.bench\",\"fields\":["
        + "{\"name\":\"id\",\"type\":\"string\"},"
        + "{\"name\":\"createdAt\",\"type\":{\"type\":\"long\",\"logicalType\":\"timestamp-millis\"}},"
        + "{\"name\":\"amount\",\"type\":\"double\",\"default\":0.0},"
        + "{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null},"
        + "{\"name\":\"v"
        + version
        + "\",\"type\":\"int\",\"default\":0}]}";
  }

  /** The schema text as a JSON string; it has quotes and no other character to escape. */
  private static String quoted(final String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }
}
