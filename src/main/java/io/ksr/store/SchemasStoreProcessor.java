package io.ksr.store;

import io.ksr.domain.SchemaProviders;
import io.ksr.store.record.MalformedRecordException;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecord;
import io.ksr.store.record.SchemasRecordCodec;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the global store from {@code _schemas}, on every instance.
 *
 * <p>It reads raw bytes and parses them itself, so that a record it cannot understand is logged,
 * counted and skipped rather than stopping the global thread (Confluent's reader died on such
 * records). Since Kafka 3.8 a global store's restore runs through this processor too, so the store
 * only ever holds what this code wrote.
 */
final class SchemasStoreProcessor implements Processor<byte[], byte[], Void, Void> {
  private static final Logger LOG = LoggerFactory.getLogger(SchemasStoreProcessor.class);

  /** After the first, a foreign record is logged once in this many, so a flood stays readable. */
  private static final long FOREIGN_REPORT_EVERY = 100;

  private final StoreProgress progress;
  private final SchemaProviders providers;
  private ProcessorContext<Void, Void> context;
  private SchemasApplier applier;

  SchemasStoreProcessor(final StoreProgress progress, final SchemaProviders providers) {
    this.progress = progress;
    this.providers = providers;
  }

  @Override
  public void init(final ProcessorContext<Void, Void> context) {
    this.context = context;
    final KeyValueStore<Bytes, byte[]> store =
        context.getStateStore(RegistryTopology.SCHEMAS_STORE);
    final MutableStoreView view = new MutableStoreView(store, progress::stored);
    this.applier = new SchemasApplier(view, providers);
    progress.commandApplied(
        new RegistryReader(view).appliedCommandOffset(progress.commandTopicId()));
  }

  @Override
  public void process(final Record<byte[], byte[]> record) {
    try {
      final SchemasKey key = SchemasRecordCodec.decodeKey(record.key());
      applier.apply(
          new SchemasRecord(key, SchemasRecordCodec.decodeValue(key, record.value())),
          record.key());
    } catch (final MalformedRecordException e) {
      skip(record, e.getMessage());
    } catch (final RuntimeException e) {
      // Not the record's fault (the disk, the store, a bug): skipping it would leave this
      // instance quietly different from the others. Stop reading; the store is rebuilt.
      final String why = "storing " + where() + " failed: " + e;
      LOG.error(
          "The local store failed: {}. This instance stops answering as current and rebuilds"
              + " its store from the schemas topic",
          why,
          e);
      progress.storeFailed(why);
      throw e;
    }
    if (progress.isServing() && header(record, HeaderNames.WRITER) == null) {
      noteForeign(record);
    }
    final String barrier = header(record, HeaderNames.BARRIER);
    if (barrier != null) {
      progress.barrierSeen(barrier);
    }
    final String commandOffset = header(record, HeaderNames.COMMAND_OFFSET);
    if (commandOffset != null && progress.counts(header(record, HeaderNames.COMMAND_TOPIC))) {
      markCommandApplied(commandOffset);
    }
  }

  private void markCommandApplied(final String header) {
    final long offset;
    try {
      offset = Long.parseLong(header);
    } catch (final NumberFormatException e) {
      LOG.warn("Ignored header {}={} on {}", HeaderNames.COMMAND_OFFSET, header, where());
      return;
    }
    applier.commandApplied(progress.commandTopicId(), offset);
    progress.commandApplied(offset);
  }

  /**
   * Every record this registry's writers append names its writer; one that does not came from
   * another program writing to the same topic, which can hand out ids this registry hands out too.
   */
  private void noteForeign(final Record<byte[], byte[]> record) {
    progress.recordForeign();
    final long count = progress.foreignRecords();
    if (count == 1 || count % FOREIGN_REPORT_EVERY == 0) {
      LOG.warn(
          "{} ({} so far) was not appended by this registry's writer (key {}): is another schema"
              + " registry (Confluent's, Karapace) writing to the same topic?",
          where(),
          count,
          record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8));
    }
  }

  private void skip(final Record<byte[], byte[]> record, final String reason) {
    progress.recordSkipped();
    LOG.warn(
        "Skipped {} (key {}): {}",
        where(),
        record.key() == null ? "null" : new String(record.key(), StandardCharsets.UTF_8),
        reason);
  }

  private String where() {
    return context
        .recordMetadata()
        .map(m -> "record at offset " + m.offset() + " of " + m.topic())
        .orElse("a record");
  }

  private static String header(final Record<byte[], byte[]> record, final String name) {
    final Header header = record.headers().lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
