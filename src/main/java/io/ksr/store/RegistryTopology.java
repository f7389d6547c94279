package io.ksr.store;

import io.ksr.domain.SchemaProviders;
import java.util.Objects;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds the registry's Kafka Streams topology; {@code Registry} and the tests build the same one.
 *
 * <p>Two parts. The global part runs on every instance: it reads {@code _schemas} into a RocksDB
 * store that answers every read. The writer part reads the one-partition command topic, so exactly
 * one instance (the one Kafka's group assignment gives that partition to) runs it; it appends to
 * {@code _schemas} and answers on the reply topic in one exactly-once transaction.
 *
 * <p>The names below are part of the registry's on-disk and in-Kafka state: renaming one orphans a
 * running cluster's state, and a test compares the topology with {@code topology-docs/}.
 */
public final class RegistryTopology {
  public static final String SCHEMAS_SOURCE = "schemas-source";
  public static final String SCHEMAS_STORE_UPDATER = "schemas-store-updater";
  public static final String SCHEMAS_STORE = "schemas-store";
  public static final String COMMANDS_SOURCE = "commands-source";
  public static final String WRITER = "writer";
  public static final String SCHEMAS_SINK = "schemas-sink";
  public static final String REPLIES_SINK = "replies-sink";

  private RegistryTopology() {}

  /** The topology of an instance that may become the writer. */
  public static Topology withWriter(
      final TopicNames topics,
      final StoreProgress progress,
      final SchemaProviders providers,
      final ProcessorSupplier<byte[], byte[], byte[], byte[]> writer) {
    Objects.requireNonNull(writer, "writer can't be null");
    final Topology topology = readerOnly(topics, progress, providers);
    final ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
    final ByteArraySerializer serializer = new ByteArraySerializer();
    return topology
        .addSource(COMMANDS_SOURCE, deserializer, deserializer, topics.commands())
        .addProcessor(WRITER, writer, COMMANDS_SOURCE)
        .addSink(SCHEMAS_SINK, topics.schemas(), serializer, serializer, WRITER)
        .addSink(REPLIES_SINK, topics.replies(), serializer, serializer, WRITER);
  }

  /**
   * The topology of an instance that never becomes the writer ({@code leader.eligibility=false}).
   * With no source topic of its own it joins no consumer group.
   */
  public static Topology readerOnly(
      final TopicNames topics, final StoreProgress progress, final SchemaProviders providers) {
    Objects.requireNonNull(topics, "topics can't be null");
    Objects.requireNonNull(progress, "progress can't be null");
    Objects.requireNonNull(providers, "providers can't be null");
    final Topology topology = new Topology();
    final ByteArrayDeserializer deserializer = new ByteArrayDeserializer();
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(SCHEMAS_STORE), Serdes.Bytes(), Serdes.ByteArray())
            .withLoggingDisabled(),
        SCHEMAS_SOURCE,
        deserializer,
        deserializer,
        topics.schemas(),
        SCHEMAS_STORE_UPDATER,
        () -> new SchemasStoreProcessor(progress, providers));
    return topology;
  }
}
