package io.ksr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What must hold of a registry after anything happened to it: nothing lost, nothing doubled. */
public final class RegistryInvariants {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration PROPAGATION = Duration.ofSeconds(10);

  private RegistryInvariants() {}

  /** Waits until an instance's store has read all of {@code _schemas}. */
  public static void awaitCaughtUp(final RestClient rest) {
    Wait.until(
        "the store to read all of _schemas",
        Duration.ofSeconds(60),
        () -> rest.get("/v1/metadata/id").json().at("/instance/storeLagRecords").asLong(-1) == 0);
  }

  /**
   * Every acknowledged registration is on the instance, with the id it was acknowledged with, as
   * the subject's only version: a retried registration added no second version.
   */
  public static void assertAcknowledgedWritesPresent(
      final RestClient rest, final List<RegistrationLoad.Ack> acks) {
    for (final RegistrationLoad.Ack ack : acks) {
      // Another instance than the one that acknowledged shows the write once its store read it.
      Wait.until(
          ack.subject() + " to show",
          PROPAGATION,
          () -> rest.get("/subjects/" + ack.subject() + "/versions").status() == 200);
      assertEquals(
          "[1]", rest.get("/subjects/" + ack.subject() + "/versions").body(), ack.subject());
      assertEquals(
          ack.id(),
          rest.get("/subjects/" + ack.subject() + "/versions/1").json().get("id").asInt(),
          ack.subject());
    }
  }

  /** No id was acknowledged for two different schemas, nor two ids for one schema. */
  public static void assertOneIdPerSchema(final List<RegistrationLoad.Ack> acks) {
    final Map<Integer, String> schemaById = new HashMap<>();
    final Map<String, Integer> idBySchema = new HashMap<>();
    for (final RegistrationLoad.Ack ack : acks) {
      final String previousSchema = schemaById.putIfAbsent(ack.id(), ack.schema());
      if (previousSchema != null && !previousSchema.equals(ack.schema())) {
        fail(
            "id "
                + ack.id()
                + " was given to two schemas: "
                + previousSchema
                + " and "
                + ack.schema());
      }
      final Integer previousId = idBySchema.putIfAbsent(ack.schema(), ack.id());
      if (previousId != null && previousId != ack.id()) {
        fail(ack.schema() + " got two ids: " + previousId + " and " + ack.id());
      }
    }
  }

  /** All instances answer the same to the same reads. */
  public static void assertSameAnswers(
      final List<RestClient> instances, final List<RegistrationLoad.Ack> acks) {
    // A write that was in flight when the clients stopped may still be reaching some instances.
    Wait.until(
        "all instances to answer the same",
        PROPAGATION,
        () -> instances.stream().map(instance -> answers(instance, acks)).distinct().count() == 1);
    final Map<String, String> expected = answers(instances.get(0), acks);
    for (final RestClient instance : instances.subList(1, instances.size())) {
      assertEquals(expected, answers(instance, acks));
    }
  }

  /**
   * The committed {@code _schemas} log shows one writer at a time: every record a writer appended
   * comes after that writer's own barrier and before the next writer's, so a zombie's late writes
   * never landed. New ids appear in increasing order, and one id never stands for two schemas.
   */
  public static void assertLogWrittenByOneWriterAtATime(final List<SchemasLog.Entry> log) {
    String currentWriter = null;
    final Set<Integer> seenIds = new HashSet<>();
    final Map<Integer, String> schemaById = new HashMap<>();
    int maxId = 0;
    for (final SchemasLog.Entry entry : log) {
      final String writer = entry.headers().get("ksr.writer");
      if (entry.headers().containsKey("ksr.barrier")) {
        currentWriter = writer;
        continue;
      }
      if (writer != null) {
        assertEquals(
            currentWriter,
            writer,
            "record at offset "
                + entry.offset()
                + " was appended by a writer that was replaced; the log begins "
                + log.subList(0, Math.min(log.size(), 6)));
      }
      final JsonNode key = parse(entry.key());
      if (entry.value() == null || !"SCHEMA".equals(key.path("keytype").asText())) {
        continue;
      }
      final JsonNode value = parse(entry.value());
      final int id = value.get("id").asInt();
      final String schema = value.get("schema").asText();
      if (seenIds.add(id)) {
        assertTrue(
            id > maxId, "id " + id + " at offset " + entry.offset() + " is not above " + maxId);
        maxId = id;
        schemaById.put(id, schema);
      } else {
        assertEquals(schemaById.get(id), schema, "id " + id + " stands for two schemas");
      }
    }
  }

  private static Map<String, String> answers(
      final RestClient rest, final List<RegistrationLoad.Ack> acks) {
    final Map<String, String> answers = new LinkedHashMap<>();
    answers.put("/subjects", rest.get("/subjects").body());
    for (final RegistrationLoad.Ack ack : acks) {
      final String path = "/subjects/" + ack.subject() + "/versions/latest";
      answers.put(path, rest.get(path).body());
      answers.put("/schemas/ids/" + ack.id(), rest.get("/schemas/ids/" + ack.id()).body());
    }
    return answers;
  }

  private static JsonNode parse(final String text) {
    try {
      return JSON.readTree(text);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
