package io.ksr;

import static io.ksr.testkit.RestClient.schemaBody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RegistryProcess;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.SchemasLog;
import io.ksr.testkit.ScramKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry on a broker that only lets SASL/SCRAM-SHA-512 users in: it starts, registers and
 * reads with {@code kafkastore.*} security settings, never shows the password, and gives up with a
 * clear message when the password is wrong.
 */
@Tag("integration")
class SaslIntegrationTest {
  private static final String USER = "registry";
  private static final String PASSWORD = "pw-" + UUID.randomUUID();
  private static final String SCHEMA = "{\"type\":\"string\"}";

  /**
   * Kafka's clients, Kafka Streams and the registry all log at debug, so that any setting they
   * print, at any level a user might choose, is in the log.
   */
  private static final List<String> VERBOSE_LOGGING =
      List.of(
          "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
          "-Dorg.slf4j.simpleLogger.log.org.apache.kafka=debug",
          "-Dorg.slf4j.simpleLogger.log.org.apache.kafka.streams.StreamsConfig=debug");

  private static ScramKafka kafka;

  @TempDir Path dir;

  @BeforeAll
  static void startBroker() {
    kafka = ScramKafka.start();
    kafka.addUser(USER, PASSWORD);
  }

  @AfterAll
  static void stopBroker() throws Exception {
    kafka.close();
  }

  @Test
  void shouldRegisterAndReadThroughABrokerThatRequiresScramWithoutShowingThePassword() {
    final Map<String, Object> settings = settings("child", PASSWORD);
    try (RegistryProcess registry =
        RegistryProcess.start("sasl-node", dir.resolve("node"), settings, VERBOSE_LOGGING)) {
      final RestClient rest = registry.client();
      assertEquals(
          "{\"id\":1}", rest.post("/subjects/t-value/versions", schemaBody(SCHEMA)).body());
      assertEquals("{\"schema\":\"\\\"string\\\"\"}", rest.get("/schemas/ids/1").body());
      assertEquals(1, rest.get("/subjects/t-value/versions/latest").json().path("version").asInt());
      for (final String path :
          List.of("/config", "/v1/metadata/id", "/subjects/t-value/versions/1")) {
        final String body = rest.get(path).body();
        assertFalse(body.contains(PASSWORD), path + " shows the password: " + body);
      }
      registry.stop();

      final String log = registry.logSince(0);
      assertTrue(
          log.contains("sasl.jaas.config = [hidden]"),
          "Kafka's clients did not log their settings, so this test proves nothing:\n"
              + registry.logTail());
      assertFalse(log.contains(PASSWORD), "the log shows the password");
    }

    final List<SchemasLog.Entry> log =
        SchemasLog.read(kafka.plainBootstrapServers(), (String) settings.get(RegistryConfig.TOPIC));
    assertTrue(
        log.stream()
            .anyMatch(
                entry ->
                    entry.key().contains("\"keytype\":\"SCHEMA\"")
                        && entry.key().contains("\"subject\":\"t-value\"")),
        "no schema record in " + log);
  }

  @Test
  void shouldGiveUpWithAClearMessageWhenThePasswordIsWrong() {
    final String wrong = "wrong-" + UUID.randomUUID();
    final Map<String, Object> settings = settings("wrong-password", wrong);
    settings.put(RegistryConfig.TIMEOUT_MS, 5_000);
    final long start = System.nanoTime();

    final String log =
        RegistryProcess.startExpectingFailure(
            "sasl-wrong", dir.resolve("wrong"), settings, VERBOSE_LOGGING);

    final Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(30)) < 0, "gave up only after " + took);
    assertTrue(
        log.contains("The registry could not start: Kafka refused the registry's credentials"),
        log);
    assertTrue(log.contains("kafkastore.sasl.jaas.config"), log);
    assertFalse(log.contains(wrong), "the log shows the password");
  }

  @Test
  void shouldNotShowThePasswordWhenTheJaasConfigIsMalformed() {
    final Map<String, Object> settings = settings("malformed", PASSWORD);
    settings.put(
        RegistryConfig.KAFKASTORE_PREFIX + "sasl.jaas.config",
        ScramKafka.jaasConfig(USER, PASSWORD).replace(";", ""));

    final RuntimeException error =
        assertThrows(RuntimeException.class, () -> TestRegistry.start(settings));

    boolean named = false;
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      final String message = String.valueOf(cause.getMessage());
      assertFalse(message.contains(PASSWORD), "the error shows the password: " + cause);
      named |= message.contains("JAAS config");
    }
    assertTrue(named, "the error does not say what is wrong: " + error);
  }

  private Map<String, Object> settings(final String name, final String password) {
    final Map<String, Object> settings =
        TestRegistry.settings("sasl-" + name, dir.resolve(name), kafka.saslBootstrapServers());
    settings.put(RegistryConfig.KAFKASTORE_PREFIX + "security.protocol", "SASL_PLAINTEXT");
    settings.put(RegistryConfig.KAFKASTORE_PREFIX + "sasl.mechanism", ScramKafka.MECHANISM);
    settings.put(
        RegistryConfig.KAFKASTORE_PREFIX + "sasl.jaas.config",
        ScramKafka.jaasConfig(USER, password));
    return settings;
  }
}
