package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;
import io.ksr.writer.CommandHandler;
import io.ksr.writer.WriterStatus;
import io.ksr.writer.WriterSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/**
 * The topology in {@code topology-docs/} is the one the code builds. Renaming a node or store
 * changes the state of running clusters, so it must be a visible change to the docs too.
 *
 * <p>After an intended change, regenerate with {@code mvn test -Dtest=TopologyDocsTest
 * -Dksr.updateTopologyDocs=true}.
 */
class TopologyDocsTest {
  private static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  @Test
  void shouldMatchTheDocumentedTopologyOfAnInstanceThatMayWrite() throws IOException {
    final StoreProgress progress = new StoreProgress();
    final Topology topology =
        RegistryTopology.withWriter(
            TOPICS,
            progress,
            PROVIDERS,
            new WriterSupplier(
                new CommandHandler(PROVIDERS, CompatibilityLevel.BACKWARD),
                PROVIDERS,
                progress,
                () -> CompletableFuture.completedFuture(null),
                new WriterStatus(),
                "node-1:8081"));

    assertDocumented(Path.of("topology-docs/topology.txt"), topology);
  }

  @Test
  void shouldMatchTheDocumentedTopologyOfAReaderOnlyInstance() throws IOException {
    assertDocumented(
        Path.of("topology-docs/topology-reader-only.txt"),
        RegistryTopology.readerOnly(TOPICS, new StoreProgress(), PROVIDERS));
  }

  private static void assertDocumented(final Path file, final Topology topology)
      throws IOException {
    final String actual = topology.describe().toString();
    if (Boolean.getBoolean("ksr.updateTopologyDocs")) {
      Files.writeString(file, actual);
    }
    assertEquals(
        Files.readString(file),
        actual,
        file
            + " no longer matches the code; if the change is intended, regenerate it with"
            + " -Dksr.updateTopologyDocs=true and explain it in topology-docs/README.md");
  }
}
