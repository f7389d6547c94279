package io.ksr.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
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
    // Another instance than the one that acknowledged shows a write once its store read it.
    try {
      Wait.until(
          "every acknowledged write to show", PROPAGATION, () -> missingOn(rest, acks).isEmpty());
    } catch (final AssertionError timedOut) {
      assertEquals(List.of(), missingOn(rest, acks), "acknowledged writes not as acknowledged");
    }
  }

  /**
   * The acknowledged registrations that the instance does not show as acknowledged: absent, with
   * another id, or with a second version. Empty when all are there.
   */
  public static List<String> missingOn(
      final RestClient rest, final List<RegistrationLoad.Ack> acks) {
    final List<String> missing = new ArrayList<>();
    for (final RegistrationLoad.Ack ack : acks) {
      final RestClient.Response versions = rest.get("/subjects/" + ack.subject() + "/versions");
      if (versions.status() != 200) {
        missing.add(ack.subject() + ": " + versions.body());
      } else if (!"[1]".equals(versions.body())) {
        missing.add(ack.subject() + " has versions " + versions.body());
      } else {
        final int id =
            rest.get("/subjects/" + ack.subject() + "/versions/1").json().path("id").asInt();
        if (id != ack.id()) {
          missing.add(ack.subject() + " has id " + id + ", acknowledged " + ack.id());
        }
      }
    }
    return missing;
  }

  /** Every acknowledged registration is in the committed log, and nothing in it is doubled. */
  public static void assertAcknowledgedWritesInLog(
      final List<SchemasLog.Entry> log, final List<RegistrationLoad.Ack> acks) {
    assertEquals(List.of(), lostFromLog(log, acks), "acknowledged writes not in _schemas");
    assertEquals(List.of(), duplicatesInLog(log), "doubled in _schemas");
  }

  /**
   * The acknowledged registrations whose subject has no live version with the acknowledged id in
   * the committed log, read as compaction would leave it (the last record of each key wins).
   */
  public static List<String> lostFromLog(
      final List<SchemasLog.Entry> log, final List<RegistrationLoad.Ack> acks) {
    final Map<String, Set<Integer>> idsBySubject = new HashMap<>();
    for (final JsonNode value : liveSchemas(log)) {
      idsBySubject
          .computeIfAbsent(value.path("subject").asText(), subject -> new HashSet<>())
          .add(value.path("id").asInt());
    }
    return acks.stream()
        .filter(ack -> !idsBySubject.getOrDefault(ack.subject(), Set.of()).contains(ack.id()))
        .map(ack -> ack.subject() + " with id " + ack.id())
        .toList();
  }

  /**
   * What the committed log holds twice: a subject with a second version (the load registers each
   * subject once), or an id given to two schemas.
   */
  public static List<String> duplicatesInLog(final List<SchemasLog.Entry> log) {
    final Map<String, Integer> versionsBySubject = new HashMap<>();
    final Map<Integer, Set<String>> schemasById = new HashMap<>();
    for (final JsonNode value : liveSchemas(log)) {
      versionsBySubject.merge(value.path("subject").asText(), 1, Integer::sum);
      schemasById
          .computeIfAbsent(value.path("id").asInt(), id -> new HashSet<>())
          .add(value.path("schema").asText());
    }
    final List<String> duplicates = new ArrayList<>();
    versionsBySubject.forEach(
        (subject, versions) -> {
          if (versions > 1) {
            duplicates.add(subject + " has " + versions + " versions");
          }
        });
    schemasById.forEach(
        (id, schemas) -> {
          if (schemas.size() > 1) {
            duplicates.add("id " + id + " stands for " + schemas);
          }
        });
    return duplicates;
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

  /** The values of the schema records that compaction would keep, deleted ones left out. */
  private static List<JsonNode> liveSchemas(final List<SchemasLog.Entry> log) {
    final Map<String, String> latest = new LinkedHashMap<>();
    for (final SchemasLog.Entry entry : log) {
      if (entry.value() == null) {
        latest.remove(entry.key());
      } else {
        latest.put(entry.key(), entry.value());
      }
    }
    final List<JsonNode> schemas = new ArrayList<>();
    latest.forEach(
        (key, value) -> {
          final JsonNode parsed = parse(value);
          if ("SCHEMA".equals(parse(key).path("keytype").asText())
              && !parsed.path("deleted").asBoolean()) {
            schemas.add(parsed);
          }
        });
    return schemas;
  }

  private static JsonNode parse(final String text) {
    try {
      return JSON.readTree(text);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
