package io.ksr.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/** An address the HTTP API listens on, written {@code http://host:port}. */
public record Listener(String host, int port) {

  /**
   * Parses a listener.
   *
   * @throws ConfigException when it is not an {@code http://host:port} address
   */
  public static Listener parse(final String text) {
    final URI uri;
    try {
      uri = new URI(text.trim());
    } catch (final URISyntaxException e) {
      throw new ConfigException(RegistryConfig.LISTENERS, text, "not a URL: " + e.getMessage());
    }
    final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http")) {
      throw new ConfigException(
          RegistryConfig.LISTENERS,
          text,
          "only http:// listeners are supported (https arrives with issue #8)");
    }
    if (uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65535) {
      throw new ConfigException(
          RegistryConfig.LISTENERS,
          text,
          "must be http://host:port, for example http://0.0.0.0:8081");
    }
    return new Listener(uri.getHost(), uri.getPort());
  }
}
