package io.ksr.store;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Errors;
import io.ksr.domain.SchemaProviders;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.BiPredicate;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * This instance's copy of the registry, queried in place (Kafka Streams interactive queries). Reads
 * never leave the process; when the store is unavailable (the instance is shutting down) they fail
 * with 50001 rather than an internal error.
 */
public final class LocalStore {
  private final KafkaStreams streams;
  private final String schemasTopic;
  private final KeyValueView view;
  private final CompatibilityLevel defaultLevel;
  private final SchemaProviders providers;
  private final ParsedSchemaCache parsedSchemas =
      new ParsedSchemaCache(ParsedSchemaCache.DEFAULT_CAPACITY);

  public LocalStore(
      final KafkaStreams streams,
      final String schemasTopic,
      final SchemaProviders providers,
      final CompatibilityLevel defaultLevel,
      final StoreProgress progress) {
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.streams = Objects.requireNonNull(streams, "streams can't be null");
    this.schemasTopic = Objects.requireNonNull(schemasTopic, "schemasTopic can't be null");
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel can't be null");
    final ReadOnlyKeyValueStore<Bytes, byte[]> store =
        streams.store(
            StoreQueryParameters.fromNameAndType(
                RegistryTopology.SCHEMAS_STORE,
                QueryableStoreTypes.<Bytes, byte[]>keyValueStore()));
    this.view =
        new CachedView(
            new AvailabilityCheckedView(new StoreView(store)),
            progress::storeWrites,
            CachedView.DEFAULT_BUDGET_BYTES);
  }

  /** The registry's read operations over this instance's store. */
  public RegistryQueries queries() {
    return RegistryQueries.over(view, providers, defaultLevel, parsedSchemas);
  }

  /**
   * How many records of {@code _schemas} this instance's store has not read yet, as its global
   * consumer last measured; empty before the first measurement.
   */
  public OptionalLong lagRecords() {
    for (final Map.Entry<MetricName, ? extends Metric> metric : streams.metrics().entrySet()) {
      final MetricName name = metric.getKey();
      if (name.name().equals("records-lag")
          && name.group().equals("consumer-fetch-manager-metrics")
          && name.tags().getOrDefault("client-id", "").endsWith("-global-consumer")
          && topicMatches(name.tags().get("topic"))
          && metric.getValue().metricValue() instanceof Double lag
          && !lag.isNaN()) {
        return OptionalLong.of(Math.round(lag));
      }
    }
    return OptionalLong.empty();
  }

  private boolean topicMatches(final String tag) {
    // Consumer metrics write dots in topic names as underscores.
    return tag != null && (tag.equals(schemasTopic) || tag.equals(schemasTopic.replace('.', '_')));
  }

  private record AvailabilityCheckedView(KeyValueView store) implements KeyValueView {
    @Override
    public byte[] get(final Bytes key) {
      try {
        return store.get(key);
      } catch (final InvalidStateStoreException e) {
        throw unavailable(e);
      }
    }

    @Override
    public void scan(final Bytes prefix, final BiPredicate<Bytes, byte[]> visitor) {
      try {
        store.scan(prefix, visitor);
      } catch (final InvalidStateStoreException e) {
        throw unavailable(e);
      }
    }

    private static RuntimeException unavailable(final InvalidStateStoreException e) {
      return Errors.storeError("The local schema store is not available: " + e.getMessage(), e);
    }
  }
}
