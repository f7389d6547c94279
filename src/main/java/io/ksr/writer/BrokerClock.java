package io.ksr.writer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * The command topic's clock, read on this instance. The command topic stamps each command with the
 * time its broker appended it (log append time), so how long a command has waited is the broker's
 * "now" minus that stamp; this class tells the broker's "now" from the local clock and the offset
 * between the two, measured by appending a probe and reading the broker's stamp in the answer. No
 * two clocks need to agree: the requester's is never used, and the offset absorbs the difference
 * between the broker's and this one.
 */
public final class BrokerClock implements CommandClock {
  /** The key of the probes in the command topic, which the writer reads past. */
  static final byte[] PROBE_KEY = "ksr.clock-probe".getBytes(StandardCharsets.UTF_8);

  private final Producer<byte[], byte[]> producer;
  private final String commandsTopic;
  private final LongSupplier localMillis;
  private volatile long brokerMinusLocal;
  private volatile boolean measured;

  public BrokerClock(final Producer<byte[], byte[]> producer, final String commandsTopic) {
    this(producer, commandsTopic, System::currentTimeMillis);
  }

  BrokerClock(
      final Producer<byte[], byte[]> producer,
      final String commandsTopic,
      final LongSupplier localMillis) {
    this.producer = Objects.requireNonNull(producer, "producer can't be null");
    this.commandsTopic = Objects.requireNonNull(commandsTopic, "commandsTopic can't be null");
    this.localMillis = Objects.requireNonNull(localMillis, "localMillis can't be null");
  }

  /**
   * Measures the offset again, in the background: the probe's round trip bounds the error, a few
   * milliseconds against deadlines of seconds.
   */
  @Override
  public void measure() {
    final long sent = localMillis.getAsLong();
    try {
      producer.send(
          new ProducerRecord<>(commandsTopic, 0, PROBE_KEY, null),
          (metadata, error) -> {
            if (error == null && metadata.hasTimestamp()) {
              final long answered = localMillis.getAsLong();
              brokerMinusLocal = metadata.timestamp() - (sent + answered) / 2;
              measured = true;
            }
          });
    } catch (final KafkaException e) {
      // Not measured: no command is then taken to have expired.
    }
  }

  @Override
  public OptionalLong now() {
    return measured
        ? OptionalLong.of(localMillis.getAsLong() + brokerMinusLocal)
        : OptionalLong.empty();
  }
}
