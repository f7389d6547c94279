package io.ksr.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyDescription.Node;
import org.apache.kafka.streams.TopologyDescription.Processor;
import org.apache.kafka.streams.TopologyDescription.Sink;
import org.apache.kafka.streams.TopologyDescription.Source;

/**
 * Renders a {@link TopologyDescription} as a Mermaid flowchart, so that the diagram in {@code
 * topology-docs/} is derived from the code rather than drawn by hand.
 *
 * <p>Each sub-topology is a box holding its nodes and state stores; topics stand outside the boxes
 * because one sub-topology's sink can be another's source. Arrows follow the records; a dotted line
 * joins a processor to each store it uses.
 */
final class TopologyMermaid {
  private static final Comparator<Node> SOURCES_PROCESSORS_SINKS =
      Comparator.comparingInt(TopologyMermaid::rank).thenComparing(Node::name);

  private final Map<String, String> ids = new HashMap<>();
  private final Set<String> usedIds = new HashSet<>();
  private final Set<String> topicLines = new TreeSet<>();
  private final List<String> boxLines = new ArrayList<>();
  private final List<String> edgeLines = new ArrayList<>();

  private TopologyMermaid() {}

  static String render(final TopologyDescription description) {
    final TopologyMermaid mermaid = new TopologyMermaid();
    final Map<Integer, String> titles = new TreeMap<>();
    final Map<Integer, Set<Node>> nodes = new TreeMap<>();
    for (final TopologyDescription.GlobalStore store : description.globalStores()) {
      titles.put(store.id(), "Sub-topology " + store.id() + ": global store");
      nodes.put(store.id(), Set.of(store.source(), store.processor()));
    }
    for (final TopologyDescription.Subtopology subtopology : description.subtopologies()) {
      titles.put(subtopology.id(), "Sub-topology " + subtopology.id());
      nodes.put(subtopology.id(), subtopology.nodes());
    }
    titles.forEach((id, title) -> mermaid.addBox(id, title, nodes.get(id)));

    final StringBuilder out =
        new StringBuilder("%% Generated from Topology#describe() by TopologyDocsTest.\n");
    out.append("flowchart TB\n");
    mermaid.topicLines.forEach(line -> out.append(line).append('\n'));
    mermaid.boxLines.forEach(line -> out.append(line).append('\n'));
    mermaid.edgeLines.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  private void addBox(final int id, final String title, final Set<Node> nodes) {
    final List<Node> ordered = nodes.stream().sorted(SOURCES_PROCESSORS_SINKS).toList();
    final Set<String> stores = new LinkedHashSet<>();
    boxLines.add("  subgraph subtopology_" + id + " [" + label(title) + "]");
    for (final Node node : ordered) {
      boxLines.add("    " + id("node", node.name()) + "[" + label(kind(node) + node.name()) + "]");
      if (node instanceof Processor processor) {
        new TreeSet<>(processor.stores()).forEach(stores::add);
      }
    }
    stores.forEach(store -> boxLines.add("    " + id("store", store) + "[(" + label(store) + ")]"));
    boxLines.add("  end");

    for (final Node node : ordered) {
      final String from = id("node", node.name());
      if (node instanceof Source source) {
        topicsOf(source).forEach(topic -> edgeLines.add("  " + topic + " --> " + from));
      }
      node.successors().stream()
          .map(Node::name)
          .sorted()
          .forEach(next -> edgeLines.add("  " + from + " --> " + id("node", next)));
      if (node instanceof Processor processor) {
        new TreeSet<>(processor.stores())
            .forEach(store -> edgeLines.add("  " + from + " -.- " + id("store", store)));
      }
      if (node instanceof Sink sink) {
        edgeLines.add("  " + from + " --> " + topicOf(sink));
      }
    }
  }

  private List<String> topicsOf(final Source source) {
    if (source.topicSet() == null) {
      return List.of(topic("pattern: " + source.topicPattern().pattern()));
    }
    return new TreeSet<>(source.topicSet()).stream().map(this::topic).toList();
  }

  private String topicOf(final Sink sink) {
    return sink.topic() != null
        ? topic(sink.topic())
        : topic("chosen per record by " + sink.topicNameExtractor().getClass().getSimpleName());
  }

  /** Declares the topic once and returns its id. */
  private String topic(final String name) {
    final String id = id("topic", name);
    topicLines.add("  " + id + "[/" + label(name) + "/]");
    return id;
  }

  /**
   * A Mermaid id for a name: only letters, digits and underscores are safe in an id, so two names
   * that differ only in other characters get a numbered suffix to stay apart.
   */
  private String id(final String kind, final String name) {
    return ids.computeIfAbsent(
        kind + ":" + name,
        key -> {
          final String base = kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
          String id = base;
          for (int n = 2; !usedIds.add(id); n++) {
            id = base + "_" + n;
          }
          return id;
        });
  }

  private static String label(final String text) {
    return "\"" + text.replace("\"", "#quot;") + "\"";
  }

  private static String kind(final Node node) {
    return switch (rank(node)) {
      case 0 -> "source: ";
      case 1 -> "processor: ";
      default -> "sink: ";
    };
  }

  private static int rank(final Node node) {
    if (node instanceof Source) {
      return 0;
    }
    return node instanceof Sink ? 2 : 1;
  }
}
