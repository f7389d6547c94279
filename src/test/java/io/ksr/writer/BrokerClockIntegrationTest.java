package io.ksr.writer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.store.TopicNames;
import io.ksr.store.TopicSetup;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.Wait;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Commands are timed on the broker's clock: the command topic stamps them on append, also when an
 * older version created it, and the writer reads the broker's time whatever its own clock says.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
class BrokerClockIntegrationTest {
  private static final long HOUR_MS = TimeUnit.HOURS.toMillis(1);

  @Test
  void shouldStampCommandsOnAppendAlsoOnACommandTopicCreatedWithoutIt() throws Exception {
    final TopicNames fresh = TopicNames.derivedFrom("_schemas-clock-fresh");
    final TopicNames older = TopicNames.derivedFrom("_schemas-clock-older");
    RawTopics.create(
        older.commands(), 1, Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"));
    try (Admin admin = admin()) {
      final TopicSetup setup = new TopicSetup(admin, 10_000);
      setup.ensure(fresh, 1);
      setup.ensure(older, 1);

      assertEquals("LogAppendTime", timestampType(admin, fresh.commands()));
      assertEquals("LogAppendTime", timestampType(admin, older.commands()));
    }
  }

  @Test
  void shouldReadTheBrokersTimeThroughALocalClockThatIsAnHourOff() throws Exception {
    final TopicNames topics = TopicNames.derivedFrom("_schemas-clock-skewed");
    try (Admin admin = admin();
        KafkaProducer<byte[], byte[]> producer =
            new KafkaProducer<>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new ByteArraySerializer(),
                new ByteArraySerializer())) {
      new TopicSetup(admin, 10_000).ensure(topics, 1);
      final BrokerClock clock =
          new BrokerClock(producer, topics.commands(), () -> System.currentTimeMillis() + HOUR_MS);

      clock.measure();

      Wait.until("the broker's time", Duration.ofSeconds(30), () -> clock.now().isPresent());
      final long off = clock.now().getAsLong() - System.currentTimeMillis();
      assertTrue(Math.abs(off) < 2_000, "the broker's clock is this machine's; read " + off);
    }
  }

  private static String timestampType(final Admin admin, final String topic) throws Exception {
    final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    return admin
        .describeConfigs(List.of(resource))
        .all()
        .get()
        .get(resource)
        .get(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG)
        .value();
  }

  private static Admin admin() {
    return Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()));
  }
}
