package io.ksr.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.net.URL;
import java.text.ParseException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks OAuth 2 / OIDC bearer tokens: a JWT signed with a public key the issuer publishes in its
 * JWKS, from the expected issuer, for this registry's audience, and within its lifetime; one claim
 * names the user and another lists their groups, which the access rules know as roles.
 */
public final class BearerAuthenticator {
  private static final Logger LOG = LoggerFactory.getLogger(BearerAuthenticator.class);

  /**
   * Signatures by a public key only: never {@code none}, and never HMAC, whose secret an attacker
   * would take to be the issuer's public key.
   */
  private static final Set<JWSAlgorithm> ALGORITHMS =
      Stream.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC)
          .flatMap(Set::stream)
          .collect(Collectors.toUnmodifiableSet());

  /** Access tokens are typed JWT, at+jwt (RFC 9068), or not typed at all. */
  private static final DefaultJOSEObjectTypeVerifier<SecurityContext> TYPES =
      new DefaultJOSEObjectTypeVerifier<>(
          JOSEObjectType.JWT,
          new JOSEObjectType("at+jwt"),
          new JOSEObjectType("application/at+jwt"),
          null);

  /** A slow issuer holds up the requests that wait for its keys for at most this long. */
  private static final int FETCH_TIMEOUT_MS = 5_000;

  /** A key set is a few kilobytes; a bigger answer is not one. */
  private static final int MAX_KEY_SET_BYTES = 256 * 1024;

  /**
   * How tokens are checked.
   *
   * @param jwksUrl where the issuer publishes its public keys
   * @param issuer the {@code iss} every token must carry
   * @param audience values of which a token's {@code aud} must hold one; empty accepts any
   * @param principalClaim the claim that names the user
   * @param groupsClaim the claim that lists the user's groups
   * @param clockSkew how far {@code exp} and {@code nbf} may be off
   * @param keysRefresh how long fetched keys are used before they are fetched again
   * @param refetchInterval the shortest time between two fetches that unknown key ids prompt
   */
  public record Settings(
      URL jwksUrl,
      String issuer,
      Set<String> audience,
      String principalClaim,
      String groupsClaim,
      Duration clockSkew,
      Duration keysRefresh,
      Duration refetchInterval) {
    public Settings {
      Objects.requireNonNull(jwksUrl, "jwksUrl can't be null");
      Objects.requireNonNull(issuer, "issuer can't be null");
      audience = Set.copyOf(audience);
      Objects.requireNonNull(principalClaim, "principalClaim can't be null");
      Objects.requireNonNull(groupsClaim, "groupsClaim can't be null");
      if (refetchInterval.compareTo(keysRefresh) >= 0) {
        throw new IllegalArgumentException(
            "the refetch interval must be shorter than the time keys are kept");
      }
    }
  }

  private final Settings settings;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final AccessPolicy policy;

  /**
   * Fetches the issuer's keys once now, so that a wrong URL shows in the log at start-up; an issuer
   * that cannot be reached yet does not stop the registry.
   */
  public BearerAuthenticator(final Settings settings, final AccessPolicy policy) {
    this.settings = settings;
    this.policy = Objects.requireNonNull(policy, "policy can't be null");
    // Rate limiting sits under the cache, so that tokens naming keys the issuer never published
    // cannot make the registry fetch the key set more than twice per refetch interval. While the
    // issuer is down, the last keys it published stay in use for one more refresh period.
    final JWKSource<SecurityContext> keys =
        JWKSourceBuilder.<SecurityContext>create(
                settings.jwksUrl(),
                new DefaultResourceRetriever(FETCH_TIMEOUT_MS, FETCH_TIMEOUT_MS, MAX_KEY_SET_BYTES))
            .cache(settings.keysRefresh().toMillis(), FETCH_TIMEOUT_MS)
            .refreshAheadCache(false)
            .rateLimited(settings.refetchInterval().toMillis())
            .outageTolerant(settings.keysRefresh().toMillis())
            .build();
    processor.setJWSTypeVerifier(TYPES);
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
    final DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            settings.audience().isEmpty() ? null : settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("exp"),
            null);
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
    if (settings.audience().isEmpty()) {
      LOG.warn(
          "No expected audience: tokens of {} are accepted whichever service they were issued for",
          settings.issuer());
    }
    try {
      keys.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
    } catch (final KeySourceException e) {
      LOG.warn(
          "Cannot fetch the token issuer's keys from {} yet: {}",
          settings.jwksUrl(),
          e.getMessage());
    }
  }

  /**
   * What the bearer of this token may do.
   *
   * @param token the JWT from the {@code Authorization: Bearer} header
   * @throws RegistryException 401 when the token is not valid, 40301 when the user has none of the
   *     allowed roles, 500 when the issuer's keys cannot be fetched
   */
  public Access authenticate(final String token) {
    final JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (final ParseException e) {
      throw invalid("the bearer token is not a signed JWT");
    } catch (final ExpiredJWTException e) {
      throw invalid("the bearer token has expired");
    } catch (final BadJOSEException e) {
      throw invalid("the bearer token was refused (" + e.getMessage() + ")");
    } catch (final RateLimitReachedException e) {
      throw invalid("the bearer token is signed with a key the issuer does not publish");
    } catch (final KeySourceException e) {
      LOG.warn(
          "Cannot fetch the token issuer's keys from {}: {}", settings.jwksUrl(), e.toString());
      throw new RegistryException(
          ErrorCode.INTERNAL_SERVER_ERROR,
          "The bearer token cannot be checked now: the issuer's keys cannot be fetched");
    } catch (final JOSEException e) {
      throw invalid("the bearer token's signature cannot be checked (" + e.getMessage() + ")");
    }
    final Object principal = claims.getClaim(settings.principalClaim());
    if (!(principal instanceof String name) || name.isBlank()) {
      throw invalid(
          "the bearer token has no '" + settings.principalClaim() + "' claim naming the user");
    }
    return policy.accessFor(
        new UserAccount(name, "", TokenGroups.of(claims.toJSONObject(), settings.groupsClaim())));
  }

  private static RegistryException invalid(final String reason) {
    return new RegistryException(ErrorCode.UNAUTHORIZED, "Unauthorized: " + reason);
  }
}
