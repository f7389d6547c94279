package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The writer's instance id, read back from its Kafka Streams consumer's client id. */
class WriterLocatorTest {

  @Test
  void shouldReadTheInstanceIdFromAStreamsConsumerClientId() {
    assertEquals(
        Optional.of("node-1:8081"),
        WriterLocator.instanceOf("node-1:8081-StreamThread-1-consumer"));
    assertEquals(
        Optional.of("a-StreamThread-host:1"),
        WriterLocator.instanceOf("a-StreamThread-host:1-StreamThread-12-consumer"));
    assertEquals(Optional.empty(), WriterLocator.instanceOf("node-1:8081-global-consumer"));
  }
}
