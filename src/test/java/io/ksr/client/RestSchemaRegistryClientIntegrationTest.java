package io.ksr.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Java client against a real registry on a real broker, with a dead URL listed first. */
@Tag("integration")
@ExtendWith(TestKafka.class)
class RestSchemaRegistryClientIntegrationTest {
  private static final String SUBJECT = "team/users:value";
  private static final SchemaString USER_V1 =
      SchemaString.avro(
          "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
              + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");
  private static final SchemaString USER_V2 =
      SchemaString.avro(
          "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
              + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
              + "{\"name\":\"age\",\"type\":\"int\",\"default\":0}]}");
  private static final SchemaString USER_INCOMPATIBLE =
      SchemaString.avro(
          "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.example\","
              + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
              + "{\"name\":\"email\",\"type\":\"string\"}]}");

  @TempDir Path dataDir;

  @Test
  void shouldUseEveryOperationThroughAFailoverUrlList(final TestInfo test) {
    final String name = test.getTestMethod().orElseThrow().getName() + "-" + System.nanoTime();
    try (TestRegistry registry = TestRegistry.start(TestRegistry.settings(name, dataDir));
        RestSchemaRegistryClient client =
            RestSchemaRegistryClient.fromConfig(
                Map.of(
                    ClientConfig.URL,
                    FakeRegistry.closedUrl()
                        + ",http://127.0.0.1:"
                        + registry.registry().ports().get(0),
                    ClientConfig.RETRIES_WAIT_MS,
                    10))) {
      final int id1 = client.register(SUBJECT, USER_V1, false);
      // The dead URL was tried once; later requests start at the registry.
      assertEquals(2, client.requestsSent());
      final int id2 = client.register(SUBJECT, USER_V2, false);
      assertNotEquals(id1, id2);
      assertEquals(id1, client.register(SUBJECT, USER_V1, false));

      assertTrue(client.getById(id1).schema().contains("\"User\""));
      assertEquals(
          new SchemaVersion(SUBJECT, 1, id1, client.getById(id1)), client.getVersion(SUBJECT, 1));
      assertEquals(2, client.getLatest(SUBJECT).version());
      assertEquals(id2, client.getLatest(SUBJECT).id());
      assertEquals(1, client.lookup(SUBJECT, USER_V1, false).version());
      assertEquals(List.of(SUBJECT), client.subjects());
      assertEquals(List.of(1, 2), client.versions(SUBJECT));

      assertEquals(List.of(), client.compatibilityProblems(SUBJECT, USER_V2));
      final List<String> problems = client.compatibilityProblems(SUBJECT, USER_INCOMPATIBLE);
      assertFalse(problems.isEmpty());
      assertTrue(problems.toString().contains("email"), problems.toString());
      final SchemaRegistryClientException incompatible =
          assertThrows(
              SchemaRegistryClientException.class,
              () -> client.register(SUBJECT, USER_INCOMPATIBLE, false));
      assertEquals(409, incompatible.status());
      assertEquals(40901, incompatible.errorCode());

      assertEquals("BACKWARD", client.getCompatibility(null));
      assertEquals("BACKWARD", client.getCompatibility(SUBJECT));
      client.setCompatibility(SUBJECT, "NONE");
      assertEquals("NONE", client.getCompatibility(SUBJECT));
      client.setCompatibility(null, "FULL");
      assertEquals("FULL", client.getCompatibility(null));
      assertEquals("NONE", client.getCompatibility(SUBJECT));
      assertEquals(List.of(), client.compatibilityProblems(SUBJECT, USER_INCOMPATIBLE));

      final SchemaRegistryClientException missing =
          assertThrows(SchemaRegistryClientException.class, () -> client.versions("missing"));
      assertEquals(404, missing.status());
      assertEquals(40401, missing.errorCode());
      assertEquals(
          40403,
          assertThrows(SchemaRegistryClientException.class, () -> client.getById(999)).errorCode());
    }
  }
}
