package io.ksr.client;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

/**
 * The client's bearer token keys, under the names of Confluent's client ({@code bearer.auth.*}),
 * and the token source they choose: a fixed token, or tokens from an OAuth issuer.
 */
final class BearerAuth {
  static final String CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
  static final String TOKEN = "bearer.auth.token";
  static final String ISSUER_ENDPOINT_URL = "bearer.auth.issuer.endpoint.url";
  static final String CLIENT_ID = "bearer.auth.client.id";
  static final String CLIENT_SECRET = "bearer.auth.client.secret";
  static final String SCOPE = "bearer.auth.scope";
  static final String CACHE_EXPIRY_BUFFER_SECONDS = "bearer.auth.cache.expiry.buffer.seconds";
  static final String LOGICAL_CLUSTER = "bearer.auth.logical.cluster";
  static final String IDENTITY_POOL_ID = "bearer.auth.identity.pool.id";

  /** Where the token comes from. */
  enum Source {
    /** No bearer token. */
    NONE,
    /** {@code bearer.auth.token}, as it is. */
    STATIC_TOKEN,
    /** The OAuth client-credentials grant at {@code bearer.auth.issuer.endpoint.url}. */
    OAUTHBEARER
  }

  /** The keys alone; {@link ClientConfig#DEFINITION} adds them. */
  static ConfigDef define(final ConfigDef definition) {
    return definition
        .define(
            CREDENTIALS_SOURCE,
            Type.STRING,
            "",
            (name, value) -> sourceOf(value),
            Importance.MEDIUM,
            "Where the bearer token comes from: STATIC_TOKEN (bearer.auth.token) or OAUTHBEARER"
                + " (the client-credentials grant at bearer.auth.issuer.endpoint.url); empty for"
                + " none.")
        .define(TOKEN, Type.PASSWORD, "", Importance.MEDIUM, "The token STATIC_TOKEN sends.")
        .define(
            ISSUER_ENDPOINT_URL,
            Type.STRING,
            "",
            Importance.MEDIUM,
            "The issuer's token endpoint that OAUTHBEARER asks for tokens.")
        .define(
            CLIENT_ID, Type.STRING, "", Importance.MEDIUM, "The client id OAUTHBEARER signs in as.")
        .define(
            CLIENT_SECRET,
            Type.PASSWORD,
            "",
            Importance.MEDIUM,
            "The client secret OAUTHBEARER signs in with.")
        .define(
            SCOPE,
            Type.STRING,
            "",
            Importance.LOW,
            "The scope OAUTHBEARER asks for; empty asks for none.")
        .define(
            CACHE_EXPIRY_BUFFER_SECONDS,
            Type.INT,
            300,
            Range.between(0, 3600),
            Importance.LOW,
            "How long before a token expires OAUTHBEARER gets the next one; at most half of the"
                + " token's lifetime.")
        .define(
            LOGICAL_CLUSTER,
            Type.STRING,
            "",
            Importance.LOW,
            "Sent as the target-sr-cluster header, which Confluent Cloud needs; ksr ignores it.")
        .define(
            IDENTITY_POOL_ID,
            Type.STRING,
            "",
            Importance.LOW,
            "Sent as the Confluent-Identity-Pool-Id header, which Confluent Cloud needs; ksr"
                + " ignores it.");
  }

  private BearerAuth() {}

  /**
   * Checks that the chosen source has what it needs.
   *
   * @throws ConfigException naming the key that is missing or wrong
   */
  static Source check(final AbstractConfig config) {
    final Source source = sourceOf(config.getString(CREDENTIALS_SOURCE));
    if (source == Source.STATIC_TOKEN && secret(config, TOKEN).isEmpty()) {
      throw new ConfigException(TOKEN, "(hidden)", "STATIC_TOKEN needs a token");
    }
    if (source == Source.OAUTHBEARER) {
      endpointOf(config.getString(ISSUER_ENDPOINT_URL));
      if (config.getString(CLIENT_ID).isBlank()) {
        throw new ConfigException(CLIENT_ID, "", "OAUTHBEARER needs a client id");
      }
      if (secret(config, CLIENT_SECRET).isEmpty()) {
        throw new ConfigException(CLIENT_SECRET, "(hidden)", "OAUTHBEARER needs a client secret");
      }
    }
    return source;
  }

  /** The token source the configuration asks for; empty without bearer auth. */
  static Optional<TokenSource> tokens(final ClientConfig config) {
    return switch (check(config)) {
      case NONE -> Optional.empty();
      case STATIC_TOKEN -> Optional.of(TokenSource.fixed(secret(config, TOKEN)));
      case OAUTHBEARER ->
          Optional.of(
              new ClientCredentialsTokens(
                  new ClientCredentialsTokens.Grant(
                      endpointOf(config.getString(ISSUER_ENDPOINT_URL)),
                      config.getString(CLIENT_ID),
                      secret(config, CLIENT_SECRET),
                      config.getString(SCOPE).strip()),
                  Duration.ofSeconds(config.getInt(CACHE_EXPIRY_BUFFER_SECONDS)),
                  config.connectTimeout(),
                  config.readTimeout()));
    };
  }

  /** Confluent Cloud's routing headers, for those that are set. */
  static Map<String, String> headers(final AbstractConfig config) {
    final Map<String, String> headers = new LinkedHashMap<>();
    if (!config.getString(LOGICAL_CLUSTER).isBlank()) {
      headers.put("target-sr-cluster", config.getString(LOGICAL_CLUSTER).strip());
    }
    if (!config.getString(IDENTITY_POOL_ID).isBlank()) {
      headers.put("Confluent-Identity-Pool-Id", config.getString(IDENTITY_POOL_ID).strip());
    }
    return headers;
  }

  private static String secret(final AbstractConfig config, final String key) {
    final Password password = config.getPassword(key);
    return password == null ? "" : password.value();
  }

  private static URI endpointOf(final String text) {
    return ClientConfig.httpUrlOf(ISSUER_ENDPOINT_URL, text.strip());
  }

  private static Source sourceOf(final Object value) {
    final String text = String.valueOf(value).strip().toUpperCase(Locale.ROOT);
    if (text.isEmpty()) {
      return Source.NONE;
    }
    try {
      final Source source = Source.valueOf(text);
      if (source != Source.NONE) {
        return source;
      }
    } catch (final IllegalArgumentException e) {
      // Confluent's other sources (SASL_OAUTHBEARER_INHERIT, CUSTOM, ...) are refused below.
    }
    throw new ConfigException(
        CREDENTIALS_SOURCE, value, "this client supports STATIC_TOKEN and OAUTHBEARER");
  }
}
