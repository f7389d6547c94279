package io.ksr.writer;

import io.ksr.domain.SchemaProviders;
import io.ksr.store.StoreProgress;
import java.util.Objects;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;

/** Creates the writer processor for the topology's writer node. */
public final class WriterSupplier implements ProcessorSupplier<byte[], byte[], byte[], byte[]> {
  private final CommandHandler handler;
  private final SchemaProviders providers;
  private final StoreProgress progress;
  private final WriterCatchUp catchUp;
  private final CommandClock clock;
  private final int maxMessageBytes;
  private final WriterStatus status;
  private final String instanceId;

  /**
   * @param maxMessageBytes the largest record {@code _schemas} takes
   */
  public WriterSupplier(
      final CommandHandler handler,
      final SchemaProviders providers,
      final StoreProgress progress,
      final WriterCatchUp catchUp,
      final CommandClock clock,
      final int maxMessageBytes,
      final WriterStatus status,
      final String instanceId) {
    this.handler = Objects.requireNonNull(handler, "handler can't be null");
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.progress = Objects.requireNonNull(progress, "progress can't be null");
    this.catchUp = Objects.requireNonNull(catchUp, "catchUp can't be null");
    this.clock = Objects.requireNonNull(clock, "clock can't be null");
    this.maxMessageBytes = maxMessageBytes;
    this.status = Objects.requireNonNull(status, "status can't be null");
    this.instanceId = Objects.requireNonNull(instanceId, "instanceId can't be null");
  }

  @Override
  public Processor<byte[], byte[], byte[], byte[]> get() {
    return new WriterProcessor(
        handler, providers, progress, catchUp, clock, maxMessageBytes, status, instanceId);
  }
}
