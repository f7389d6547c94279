package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.SchemaProviders;
import io.ksr.writer.CommandClock;
import io.ksr.writer.CommandHandler;
import io.ksr.writer.WriterStatus;
import io.ksr.writer.WriterSupplier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;

/**
 * The topology in {@code topology-docs/}, as text and as Mermaid diagrams (one of them also in its
 * README), is the one the code builds. Renaming a node or store changes the state of running
 * clusters, so it must be a visible change to the docs too.
 *
 * <p>After an intended change, regenerate with {@code mvn test -Dtest=TopologyDocsTest
 * -Dksr.updateTopologyDocs=true}.
 */
class TopologyDocsTest {
  private static final TopicNames TOPICS = TopicNames.derivedFrom("_schemas");
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();
  private static final Path README = Path.of("topology-docs/README.md");
  private static final String MERMAID_BLOCK = "```mermaid\n";

  @Test
  void shouldMatchTheDocumentedTopologyOfAnInstanceThatMayWrite() throws IOException {
    final StoreProgress progress = new StoreProgress("command-topic-id");
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
                new CommandClock() {
                  @Override
                  public void measure() {}

                  @Override
                  public OptionalLong now() {
                    return OptionalLong.empty();
                  }
                },
                Integer.MAX_VALUE,
                new WriterStatus(),
                "node-1:8081"));

    assertDocumented(Path.of("topology-docs/topology.txt"), topology.describe().toString());
    final String diagram = TopologyMermaid.render(topology.describe());
    assertDocumented(Path.of("topology-docs/topology.mmd"), diagram);
    assertDocumented(README, withDiagram(Files.readString(README), diagram));
  }

  @Test
  void shouldMatchTheDocumentedTopologyOfAReaderOnlyInstance() throws IOException {
    final Topology topology =
        RegistryTopology.readerOnly(TOPICS, new StoreProgress("command-topic-id"), PROVIDERS);

    assertDocumented(
        Path.of("topology-docs/topology-reader-only.txt"), topology.describe().toString());
    assertDocumented(
        Path.of("topology-docs/topology-reader-only.mmd"),
        TopologyMermaid.render(topology.describe()));
  }

  /** The README with its only Mermaid block holding this diagram, so that GitHub renders it. */
  private static String withDiagram(final String readme, final String diagram) {
    final int start = readme.indexOf(MERMAID_BLOCK);
    assertTrue(start >= 0, README + " has no " + MERMAID_BLOCK.strip() + " block for the diagram");
    final int end = readme.indexOf("```", start + MERMAID_BLOCK.length());
    return readme.substring(0, start + MERMAID_BLOCK.length()) + diagram + readme.substring(end);
  }

  private static void assertDocumented(final Path file, final String actual) throws IOException {
    if (Boolean.getBoolean("ksr.updateTopologyDocs")) {
      Files.writeString(file, actual);
    }
    assertEquals(
        Files.exists(file) ? Files.readString(file) : "",
        actual,
        file
            + " no longer matches the code; if the change is intended, regenerate it with"
            + " -Dksr.updateTopologyDocs=true and explain it in topology-docs/README.md");
  }
}
