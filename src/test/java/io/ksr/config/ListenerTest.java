package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.config.Listener.Scheme;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** Listener addresses as {@code listeners} writes them. */
class ListenerTest {
  @Test
  void shouldParseHttpAndHttpsListeners() {
    assertEquals(new Listener(Scheme.HTTP, "0.0.0.0", 8081), Listener.parse("http://0.0.0.0:8081"));
    assertEquals(
        new Listener(Scheme.HTTPS, "localhost", 8443), Listener.parse(" HTTPS://localhost:8443 "));
    assertTrue(Listener.parse("https://h:1").isHttps());
    assertFalse(Listener.parse("http://h:1").isHttps());
    assertEquals(0, Listener.parse("https://127.0.0.1:0").port());
  }

  @Test
  void shouldPrintAsWritten() {
    assertEquals("https://registry:8443", Listener.parse("HTTPS://registry:8443").toString());
    assertEquals("http://0.0.0.0:8081", Listener.parse("http://0.0.0.0:8081").toString());
  }

  @Test
  void shouldRefuseOtherSchemesAndAddressesWithoutAPort() {
    for (final String text :
        new String[] {"ftp://h:1", "h:8081", "https://no-port", "http://h:70000", "http://[bad"}) {
      final ConfigException error = assertThrows(ConfigException.class, () -> Listener.parse(text));
      assertTrue(error.getMessage().contains("listeners"), error.getMessage());
    }
  }
}
