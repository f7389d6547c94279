package io.ksr.writer;

import io.ksr.store.HeaderNames;
import io.ksr.store.StoreProgress;
import io.ksr.store.record.SchemasKey;
import io.ksr.store.record.SchemasRecordCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Catches a new writer up by appending a NOOP record (as Confluent's registry does to learn the end
 * of the log) and waiting until this instance's global store reads it back. Since the store reads
 * committed records only, it then has read every record that an earlier writer committed.
 */
public final class LogBarrier implements WriterCatchUp {
  private static final byte[] NOOP_KEY = SchemasRecordCodec.encodeKey(new SchemasKey.Noop());

  private final Producer<byte[], byte[]> producer;
  private final String schemasTopic;
  private final StoreProgress progress;
  private final byte[] instanceId;

  public LogBarrier(
      final Producer<byte[], byte[]> producer,
      final String schemasTopic,
      final StoreProgress progress,
      final String instanceId) {
    this.producer = Objects.requireNonNull(producer, "producer can't be null");
    this.schemasTopic = Objects.requireNonNull(schemasTopic, "schemasTopic can't be null");
    this.progress = Objects.requireNonNull(progress, "progress can't be null");
    this.instanceId = instanceId.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public CompletableFuture<Void> begin() {
    final String barrierId = UUID.randomUUID().toString();
    final CompletableFuture<Void> seen = progress.awaitBarrier(barrierId);
    final ProducerRecord<byte[], byte[]> record =
        new ProducerRecord<>(
            schemasTopic,
            0,
            null,
            NOOP_KEY,
            null,
            List.of(
                new RecordHeader(HeaderNames.BARRIER, barrierId.getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(HeaderNames.WRITER, instanceId)));
    try {
      producer.send(
          record,
          (metadata, error) -> {
            if (error != null) {
              seen.completeExceptionally(error);
            }
          });
    } catch (final KafkaException e) {
      seen.completeExceptionally(e);
    }
    return seen;
  }
}
