package io.ksr.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The client's configuration, under the key names of Confluent's client so that existing producer
 * and consumer settings work unchanged.
 */
public final class ClientConfig extends AbstractConfig {
  public static final String URL = "schema.registry.url";
  public static final String MAX_RETRIES = "max.retries";
  public static final String RETRIES_WAIT_MS = "retries.wait.ms";
  public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
  public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
  public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
  public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
  public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";

  /** Where Basic auth credentials come from. */
  public enum CredentialsSource {
    /** From each URL's user-info part ({@code http://user:password@host:port}); none without. */
    URL,
    /** From {@code basic.auth.user.info}, for every URL. */
    USER_INFO
  }

  public static final ConfigDef DEFINITION =
      BearerAuth.define(new ConfigDef(ClientTls.DEFINITION))
          .define(
              URL,
              Type.LIST,
              ConfigDef.NO_DEFAULT_VALUE,
              (name, value) -> urlsOf(value),
              Importance.HIGH,
              "Comma-separated registry URLs, tried in order until one answers.")
          .define(
              MAX_RETRIES,
              Type.INT,
              3,
              Range.atLeast(0),
              Importance.LOW,
              "How many more times the whole URL list is tried after every URL failed.")
          .define(
              RETRIES_WAIT_MS,
              Type.LONG,
              1000L,
              Range.atLeast(0),
              Importance.LOW,
              "The wait before the first retry; each further retry waits twice as long.")
          .define(
              RETRIES_MAX_WAIT_MS,
              Type.LONG,
              20_000L,
              Range.atLeast(0),
              Importance.LOW,
              "The longest wait between two retries.")
          .define(
              HTTP_CONNECT_TIMEOUT_MS,
              Type.INT,
              60_000,
              Range.atLeast(1),
              Importance.LOW,
              "How long connecting to a URL may take before the next URL is tried.")
          .define(
              HTTP_READ_TIMEOUT_MS,
              Type.INT,
              60_000,
              Range.atLeast(1),
              Importance.LOW,
              "How long an answer may take to arrive before the next URL is tried.")
          .define(
              BASIC_AUTH_CREDENTIALS_SOURCE,
              Type.STRING,
              CredentialsSource.URL.name(),
              (name, value) -> credentialsSourceOf(value),
              Importance.MEDIUM,
              "Where Basic auth credentials come from: URL (each URL's user-info part) or"
                  + " USER_INFO (basic.auth.user.info).")
          .define(
              BASIC_AUTH_USER_INFO,
              Type.PASSWORD,
              "",
              Importance.MEDIUM,
              "Basic auth credentials as user:password, used when the source is USER_INFO.")
          .define(
              MAX_SCHEMAS_PER_SUBJECT,
              Type.INT,
              1000,
              Range.atLeast(1),
              Importance.LOW,
              "How many entries each of the caching client's caches keeps before evicting the"
                  + " least recently used.");

  private final SSLContext sslContext;

  /**
   * @throws ConfigException when a value is invalid, USER_INFO is chosen without user info, a
   *     bearer token source lacks what it needs or comes with Basic credentials, or a keystore or
   *     truststore cannot be opened
   */
  public ClientConfig(final Map<String, ?> settings) {
    // Serializers pass their whole configuration, so unknown keys are expected and not logged.
    super(DEFINITION, settings, false);
    if (credentialsSource() == CredentialsSource.USER_INFO && !userInfo().contains(":")) {
      throw new ConfigException(
          BASIC_AUTH_USER_INFO, "(hidden)", "USER_INFO needs credentials as user:password");
    }
    if (BearerAuth.check(this) != BearerAuth.Source.NONE && sendsBasicCredentials()) {
      throw new ConfigException(
          BearerAuth.CREDENTIALS_SOURCE,
          getString(BearerAuth.CREDENTIALS_SOURCE),
          "Basic credentials are configured too (basic.auth.user.info or a URL's user info):"
              + " choose one");
    }
    this.sslContext = ClientTls.sslContext(this).orElse(null);
  }

  /** The registry URLs, in the order they are tried, user info included. */
  public List<URI> urls() {
    return urlsOf(getList(URL));
  }

  public int maxRetries() {
    return getInt(MAX_RETRIES);
  }

  public Duration retriesWait() {
    return Duration.ofMillis(getLong(RETRIES_WAIT_MS));
  }

  public Duration retriesMaxWait() {
    return Duration.ofMillis(getLong(RETRIES_MAX_WAIT_MS));
  }

  public Duration connectTimeout() {
    return Duration.ofMillis(getInt(HTTP_CONNECT_TIMEOUT_MS));
  }

  public Duration readTimeout() {
    return Duration.ofMillis(getInt(HTTP_READ_TIMEOUT_MS));
  }

  public CredentialsSource credentialsSource() {
    return credentialsSourceOf(getString(BASIC_AUTH_CREDENTIALS_SOURCE));
  }

  /** {@code basic.auth.user.info}; empty when not set. */
  public String userInfo() {
    final Password password = getPassword(BASIC_AUTH_USER_INFO);
    return password == null ? "" : password.value();
  }

  /**
   * The TLS context for https URLs made from the {@code schema.registry.ssl.*} keys; empty when
   * none is set, for the JDK's default.
   */
  public Optional<SSLContext> sslContext() {
    return Optional.ofNullable(sslContext);
  }

  private boolean sendsBasicCredentials() {
    return credentialsSource() == CredentialsSource.USER_INFO
        || urls().stream().anyMatch(url -> url.getUserInfo() != null);
  }

  public int maxSchemasPerSubject() {
    return getInt(MAX_SCHEMAS_PER_SUBJECT);
  }

  private static List<URI> urlsOf(final Object value) {
    @SuppressWarnings("unchecked")
    final List<String> urls = (List<String>) value;
    final List<URI> parsed =
        urls == null
            ? List.of()
            : urls.stream()
                .map(String::trim)
                .filter(url -> !url.isEmpty())
                .map(ClientConfig::urlOf)
                .toList();
    if (parsed.isEmpty()) {
      throw new ConfigException(URL, value, "at least one URL is needed");
    }
    return parsed;
  }

  private static URI urlOf(final String text) {
    return httpUrlOf(URL, text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
  }

  /**
   * The http or https URL {@code key} holds.
   *
   * @throws ConfigException naming the key when the text is not one
   */
  static URI httpUrlOf(final String key, final String text) {
    final URI uri;
    try {
      uri = new URI(text);
    } catch (final URISyntaxException e) {
      throw new ConfigException(key, text, e.getMessage());
    }
    final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new ConfigException(key, text, "expected http://host:port or https://host:port");
    }
    return uri;
  }

  private static CredentialsSource credentialsSourceOf(final Object value) {
    try {
      return CredentialsSource.valueOf(String.valueOf(value).trim().toUpperCase(Locale.ROOT));
    } catch (final IllegalArgumentException e) {
      throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, value, "expected URL or USER_INFO");
    }
  }
}
