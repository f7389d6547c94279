package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.testkit.DriverSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The global store's reader: it never dies on a record it cannot understand. */
class SchemasStoreProcessorTest {
  private static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");

  @TempDir Path stateDir;
  private final StoreProgress progress = new StoreProgress("command-topic-id");
  private TopologyTestDriver driver;
  private TestInputTopic<byte[], byte[]> schemas;
  private RegistryQueries queries;

  @BeforeEach
  void startDriver() {
    driver =
        new TopologyTestDriver(
            RegistryTopology.readerOnly(TOPICS, progress, SchemaProviders.builtIn()),
            DriverSettings.properties("store-test", stateDir));
    schemas =
        driver.createInputTopic(
            TOPICS.schemas(), new ByteArraySerializer(), new ByteArraySerializer());
    queries =
        RegistryQueries.over(
            new StoreView(driver.<Bytes, byte[]>getKeyValueStore(RegistryTopology.SCHEMAS_STORE)),
            SchemaProviders.builtIn(),
            CompatibilityLevel.BACKWARD);
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  @Test
  void shouldSkipAndCountRecordsItCannotApplyAndKeepReading() {
    pipe("not json", "{}");
    pipe("{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}", "{\"bad\":");
    pipe("{\"keytype\":\"UNKNOWN_TYPE\",\"magic\":0}", "{}");
    pipe(null, "{}");
    pipe(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"a\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"a\",\"version\":1,\"id\":1,\"schemaType\":\"XML\",\"schema\":\"<x/>\"}");
    pipe(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"good\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"good\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}");

    pipe(
        "{\"keytype\":\"SCHEMA\",\"subject\":\"b\",\"version\":1,\"magic\":1}",
        "{\"subject\":\"b\",\"version\":1,\"id\":2,\"schema\":\"{\\\"type\\\":\\\"nope\\\"}\"}");

    assertEquals(6, progress.skippedRecords());
    assertEquals(List.of("good"), queries.subjects().subjects(null, Visibility.LIVE));
    assertEquals("\"string\"", queries.schemas().schemaById(1).schema());
  }

  @Test
  void shouldTrackTheLastAppliedCommandAndBarrier() {
    final RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(HeaderNames.COMMAND_OFFSET, bytes("41")));
    schemas.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>(
            bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
            bytes("{\"compatibilityLevel\":\"FULL\"}"),
            headers));
    final var barrier = progress.awaitBarrier("b-1");
    final RecordHeaders barrierHeaders = new RecordHeaders();
    barrierHeaders.add(new RecordHeader(HeaderNames.BARRIER, bytes("b-1")));
    schemas.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>(
            bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null, barrierHeaders));

    assertEquals(41, progress.appliedCommandOffset());
    assertEquals(true, progress.awaitCommand(41).isDone());
    assertEquals(false, progress.awaitCommand(42).isDone());
    assertEquals(true, barrier.isDone());
    assertEquals(CompatibilityLevel.FULL, queries.settings().globalCompatibility());
  }

  @Test
  void shouldIgnoreCommandOffsetsOfAnotherCommandTopic() {
    pipeConfig("FULL", "90", "mirrored-command-topic-id");
    assertEquals(-1, progress.appliedCommandOffset());

    pipeConfig("NONE", "3", "command-topic-id");
    assertEquals(3, progress.appliedCommandOffset());
    assertEquals(CompatibilityLevel.NONE, queries.settings().globalCompatibility());
  }

  @Test
  void shouldStopOnAStoreFailureRatherThanSkipTheRecord() {
    // A value the store itself holds that cannot be read: what a failing disk leaves behind.
    driver
        .<Bytes, byte[]>getKeyValueStore(RegistryTopology.SCHEMAS_STORE)
        .put(StoreKeys.subject("s"), bytes("{not json"));

    assertThrows(
        RuntimeException.class,
        () ->
            pipe(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\"}"));

    assertEquals(0, progress.skippedRecords());
    assertTrue(
        progress.storeFailure().orElseThrow().contains("record at offset 0"),
        progress.storeFailure().toString());
  }

  @Test
  void shouldCountRecordsAnotherWriterAppendedOnceServing() {
    pipeConfig("FULL", "1", "command-topic-id");
    pipe("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"NONE\"}");
    assertEquals(0, progress.foreignRecords(), "records read at start-up are history");

    progress.serving(true);
    pipe("{\"keytype\":\"NOOP\",\"magic\":0}", "{}");
    pipe("{\"keytype\":\"CONFIG\",\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}");
    final RecordHeaders ours = new RecordHeaders();
    ours.add(new RecordHeader(HeaderNames.WRITER, bytes("node-1:8081")));
    schemas.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>(
            bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
            bytes("{\"compatibilityLevel\":\"NONE\"}"),
            ours));

    assertEquals(2, progress.foreignRecords());
  }

  private void pipeConfig(final String level, final String commandOffset, final String topicId) {
    final RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader(HeaderNames.COMMAND_OFFSET, bytes(commandOffset)));
    headers.add(new RecordHeader(HeaderNames.COMMAND_TOPIC, bytes(topicId)));
    schemas.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>(
            bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"),
            bytes("{\"compatibilityLevel\":\"" + level + "\"}"),
            headers));
  }

  private void pipe(final String key, final String value) {
    schemas.pipeInput(key == null ? null : bytes(key), bytes(value));
  }

  private static byte[] bytes(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
