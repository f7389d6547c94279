package io.ksr.config;

import io.ksr.security.BearerAuthenticator;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The keys of {@code authentication.method=BEARER}, under the names of Confluent's OAuth settings:
 * where the issuer's keys are, which tokens to accept, and which claims name the user and groups.
 */
public final class BearerTokenSettings {
  public static final String JWKS_URL = "oauthbearer.jwks.endpoint.url";
  public static final String EXPECTED_ISSUER = "oauthbearer.expected.issuer";
  public static final String EXPECTED_AUDIENCE = "oauthbearer.expected.audience";
  public static final String SUB_CLAIM_NAME = "oauthbearer.sub.claim.name";
  public static final String GROUPS_CLAIM_NAME = "oauthbearer.groups.claim.name";
  public static final String CLOCK_SKEW_SECONDS = "oauthbearer.clock.skew.seconds";
  public static final String JWKS_REFRESH_MS = "oauthbearer.jwks.endpoint.refresh.ms";
  public static final String JWKS_REFETCH_INTERVAL_MS =
      "oauthbearer.jwks.endpoint.refetch.interval.ms";

  private BearerTokenSettings() {}

  static ConfigDef define(final ConfigDef definition) {
    return definition
        .define(
            JWKS_URL,
            Type.STRING,
            "",
            (name, value) -> urlOf((String) value),
            Importance.HIGH,
            "Where the token issuer publishes its public keys (JWKS), as an http or https URL."
                + " Required with BEARER.")
        .define(
            EXPECTED_ISSUER,
            Type.STRING,
            "",
            Importance.HIGH,
            "The iss claim every token must carry. Required with BEARER.")
        .define(
            EXPECTED_AUDIENCE,
            Type.LIST,
            "",
            Importance.HIGH,
            "Comma-separated audiences of which a token's aud claim must hold one; empty accepts"
                + " any audience.")
        .define(
            SUB_CLAIM_NAME,
            Type.STRING,
            "sub",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "The claim that names the user, as access rules' user:<name> does.")
        .define(
            GROUPS_CLAIM_NAME,
            Type.STRING,
            "groups",
            new ConfigDef.NonEmptyString(),
            Importance.MEDIUM,
            "The claim that lists the user's groups (an array, or names separated by spaces), which"
                + " access rules and authentication.roles know as roles; a dotted name reaches"
                + " into nested objects.")
        .define(
            CLOCK_SKEW_SECONDS,
            Type.INT,
            30,
            Range.between(0, 600),
            Importance.LOW,
            "How far a token's exp and nbf may be off, for clocks that differ.")
        .define(
            JWKS_REFRESH_MS,
            Type.LONG,
            3_600_000L,
            Range.atLeast(1_000),
            Importance.LOW,
            "How long fetched keys are used before they are fetched again; while the issuer is"
                + " down, the last keys stay in use for this long once more.")
        .define(
            JWKS_REFETCH_INTERVAL_MS,
            Type.LONG,
            30_000L,
            Range.atLeast(100),
            Importance.LOW,
            "The shortest time between fetches of the keys that tokens with an unknown key id"
                + " prompt (two are allowed per interval), so a rotated key works soon and"
                + " made-up key ids cannot flood the issuer.");
  }

  /**
   * How tokens are checked.
   *
   * @throws ConfigException when the JWKS URL or the issuer is missing, or keys would be refetched
   *     no sooner than they are refreshed anyway
   */
  static BearerAuthenticator.Settings of(final AbstractConfig config) {
    final URL jwks = urlOf(config.getString(JWKS_URL));
    if (jwks == null) {
      throw new ConfigException(JWKS_URL, "", "BEARER needs the URL of the issuer's keys");
    }
    final String issuer = config.getString(EXPECTED_ISSUER).strip();
    if (issuer.isEmpty()) {
      throw new ConfigException(EXPECTED_ISSUER, "", "BEARER needs the issuer of the tokens");
    }
    final long refresh = config.getLong(JWKS_REFRESH_MS);
    final long refetch = config.getLong(JWKS_REFETCH_INTERVAL_MS);
    if (refetch >= refresh) {
      throw new ConfigException(
          JWKS_REFETCH_INTERVAL_MS, refetch, "must be shorter than " + JWKS_REFRESH_MS);
    }
    final Set<String> audience =
        Set.copyOf(AuthenticationSettings.nonBlank(config.getList(EXPECTED_AUDIENCE)));
    return new BearerAuthenticator.Settings(
        jwks,
        issuer,
        audience,
        config.getString(SUB_CLAIM_NAME),
        config.getString(GROUPS_CLAIM_NAME),
        Duration.ofSeconds(config.getInt(CLOCK_SKEW_SECONDS)),
        Duration.ofMillis(refresh),
        Duration.ofMillis(refetch));
  }

  /** The URL, or null when the value is empty. */
  private static URL urlOf(final String value) {
    final String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      final URI uri = new URI(text);
      final String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri.toURL();
      }
    } catch (final URISyntaxException | MalformedURLException e) {
      throw new ConfigException(JWKS_URL, text, e.getMessage());
    }
    throw new ConfigException(JWKS_URL, text, "expected an http:// or https:// URL");
  }
}
