package io.ksr.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.apache.kafka.common.config.ConfigException;

/** An address the HTTP API listens on, written {@code http://host:port} or {@code https://…}. */
public record Listener(Scheme scheme, String host, int port) {

  /** Whether a listener speaks plain HTTP or HTTP over TLS. */
  public enum Scheme {
    HTTP,
    HTTPS
  }

  /**
   * Parses a listener.
   *
   * @throws ConfigException when it is not an {@code http://host:port} or {@code https://host:port}
   *     address
   */
  public static Listener parse(final String text) {
    final URI uri;
    try {
      uri = new URI(text.trim());
    } catch (final URISyntaxException e) {
      throw new ConfigException(RegistryConfig.LISTENERS, text, "not a URL: " + e.getMessage());
    }
    final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ConfigException(
          RegistryConfig.LISTENERS, text, "only http:// and https:// listeners are supported");
    }
    if (uri.getHost() == null || uri.getPort() < 0 || uri.getPort() > 65535) {
      throw new ConfigException(
          RegistryConfig.LISTENERS,
          text,
          "must be http://host:port or https://host:port, for example http://0.0.0.0:8081");
    }
    return new Listener(
        Scheme.valueOf(scheme.toUpperCase(Locale.ROOT)), uri.getHost(), uri.getPort());
  }

  public boolean isHttps() {
    return scheme == Scheme.HTTPS;
  }

  /** The listener as it is written in {@code listeners}, so that logs show what was configured. */
  @Override
  public String toString() {
    return scheme.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
  }
}
