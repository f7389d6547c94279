package io.ksr.store;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RegistryInvariants;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

/**
 * An instance whose local store goes bad, as a failing disk leaves it: it must not go on answering
 * as if it were current, and it comes back with the same answers as the others by rebuilding its
 * store from {@code _schemas}.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class LocalStoreFaultsIntegrationTest {
  private static final String V1 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
  private static final String V2 =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"},"
          + "{\"name\":\"b\",\"type\":\"int\",\"default\":0}]}";

  @TempDir Path writerDir;
  @TempDir Path readerDir;

  @Test
  void shouldRebuildAStoreThatFailsToStoreARecordAndAnswerAsTheOthersDo(final TestInfo test)
      throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), writerDir);
    final Map<String, Object> readerSettings = TestRegistry.settings(name(test), readerDir);
    readerSettings.put(RegistryConfig.LEADER_ELIGIBILITY, false);
    try (TestRegistry writer = TestRegistry.start(settings);
        TestRegistry reader = TestRegistry.start(readerSettings)) {
      assertEquals(200, writer.client().post("/subjects/s/versions", schemaBody(V1)).status());
      assertEquals(
          200, writer.client().post("/subjects/t/versions", schemaBody("\"int\"")).status());
      RegistryInvariants.awaitCaughtUp(reader.client());
      reader.stop();
      // What a failing disk can leave behind: an entry the store holds that cannot be read.
      corrupt(storeOf(readerSettings), StoreKeys.subject("s"));
      reader.restart();
      assertEquals(200, reader.client().get("/health/ready").status());

      assertEquals(200, writer.client().post("/subjects/s/versions", schemaBody(V2)).status());

      final RestClient rest = reader.client();
      Wait.until(
          "the reader to say it is not ready",
          Duration.ofSeconds(30),
          () -> rest.get("/health/ready").body().contains("the local store failed"));
      Wait.until(
          "the reader to be ready again",
          Duration.ofSeconds(60),
          () -> rest.get("/health/ready").status() == 200);
      for (final String path :
          List.of(
              "/subjects",
              "/subjects/s/versions",
              "/subjects/s/versions/2",
              "/subjects/t/versions/1",
              "/schemas/ids/2")) {
        assertEquals(writer.client().get(path).body(), rest.get(path).body(), path);
      }
      assertEquals(0, rest.get("/v1/metadata/id").json().at("/instance/skippedRecords").asLong());
    }
  }

  @Test
  void shouldRebuildAStoreWhoseFilesAreDamagedAtAWarmRestart(final TestInfo test) throws Exception {
    final Map<String, Object> settings = TestRegistry.settings(name(test), writerDir);
    try (TestRegistry registry = TestRegistry.start(settings)) {
      assertEquals(200, registry.client().post("/subjects/s/versions", schemaBody(V1)).status());
      assertEquals(200, registry.client().post("/subjects/s/versions", schemaBody(V2)).status());
      final String before = registry.client().get("/subjects/s/versions/2").body();
      registry.stop();
      try (Stream<Path> files = Files.list(storeOf(settings))) {
        for (final Path file : files.filter(Files::isRegularFile).toList()) {
          Files.write(file, "damaged".getBytes(StandardCharsets.UTF_8));
        }
      }

      registry.restart();

      assertEquals(before, registry.client().get("/subjects/s/versions/2").body());
      assertEquals(200, registry.client().get("/health/ready").status());
    }
  }

  /** Where Kafka Streams keeps an instance's global store. */
  private static Path storeOf(final Map<String, Object> settings) {
    return Path.of((String) settings.get(RegistryConfig.DATA_DIR))
        .resolve("streams")
        .resolve((String) settings.get(RegistryConfig.GROUP_ID))
        .resolve("global")
        .resolve("rocksdb")
        .resolve(RegistryTopology.SCHEMAS_STORE);
  }

  /** Puts unreadable bytes at a key of a store, opened with every column family Streams made. */
  private static void corrupt(final Path store, final Bytes key) throws IOException {
    RocksDB.loadLibrary();
    final List<ColumnFamilyDescriptor> families = new ArrayList<>();
    final List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (Options options = new Options();
        DBOptions dbOptions = new DBOptions()) {
      for (final byte[] family : RocksDB.listColumnFamilies(options, store.toString())) {
        families.add(new ColumnFamilyDescriptor(family));
      }
      try (RocksDB db = RocksDB.open(dbOptions, store.toString(), families, handles)) {
        db.put(key.get(), "{not json".getBytes(StandardCharsets.UTF_8));
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
      }
    } catch (final RocksDBException e) {
      throw new IOException("cannot open " + store, e);
    }
  }

  private static String name(final TestInfo test) {
    return "store-faults-" + Math.abs(test.getTestMethod().orElseThrow().getName().hashCode());
  }
}
