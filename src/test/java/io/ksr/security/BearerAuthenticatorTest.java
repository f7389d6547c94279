package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.testkit.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens from an issuer on a real socket, valid and not, against the checks of the registry. */
class BearerAuthenticatorTest {
  private static final List<String> TEAM_A = List.of("team-a");

  @TempDir Path dir;
  @AutoClose private final TestIssuer issuer = TestIssuer.start();

  @Test
  void shouldSignInTheTokensSubjectWithItsGroupsAsRoles() throws Exception {
    final Path rules = dir.resolve("rules");
    Files.writeString(rules, "role:team-a write subject:team-a-*\nuser:bob read subject:*\n");
    final BearerAuthenticator authenticator =
        new BearerAuthenticator(
            settings(Duration.ofSeconds(30)), new AccessPolicy(rules, Set.of()));

    final Access alice = authenticator.authenticate(issuer.token("alice", TEAM_A));
    assertEquals("alice", alice.user());
    assertTrue(alice.allows(Permission.WRITE, "team-a-orders"));
    assertFalse(alice.allows(Permission.READ, "team-b-orders"));
    final Access bob = authenticator.authenticate(issuer.token("bob", List.of()));
    assertTrue(bob.allows(Permission.READ, "team-b-orders"));
    assertFalse(bob.allows(Permission.WRITE, "team-b-orders"));
  }

  @Test
  void shouldRefuseInvalidTokensWithTheReason() throws Exception {
    final BearerAuthenticator authenticator = authenticator();
    final Instant now = Instant.now();
    final JWTClaimsSet valid = issuer.claims("alice", TEAM_A).build();

    assertRefused(
        authenticator,
        issuer.sign(claims(valid).expirationTime(Date.from(now.minusSeconds(60))).build()),
        "the bearer token has expired");
    assertRefused(
        authenticator,
        issuer.sign(claims(valid).notBeforeTime(Date.from(now.plusSeconds(300))).build()),
        "before use time");
    assertRefused(
        authenticator, issuer.sign(claims(valid).audience("other").build()), "aud claim rejected");
    assertRefused(
        authenticator,
        issuer.sign(claims(valid).issuer("http://127.0.0.1:1").build()),
        "iss claim value rejected");
    assertRefused(authenticator, issuer.sign(claims(valid).expirationTime(null).build()), "[exp]");
    assertRefused(
        authenticator,
        issuer.sign(claims(valid).subject(null).build()),
        "the bearer token has no 'sub' claim naming the user");
    assertRefused(
        authenticator,
        TestIssuer.sign(valid, TestIssuer.newKey(issuer.key().getKeyID())),
        "Invalid signature");
    assertRefused(authenticator, new PlainJWT(valid).serialize(), "Unsecured (plain) JWTs");
    assertRefused(authenticator, signedWithThePublicKeyAsHmacSecret(valid), "Another algorithm");
    assertRefused(authenticator, "not-a-token", "not a signed JWT");
  }

  @Test
  void shouldAcceptATokenJustPastItsExpiryWithinTheClockSkew() {
    final String token =
        issuer.sign(
            issuer
                .claims("alice", TEAM_A)
                .expirationTime(Date.from(Instant.now().minusSeconds(10)))
                .build());

    assertEquals("alice", authenticator().authenticate(token).user());
  }

  @Test
  void shouldFetchTheKeysAgainWhenTheIssuerRotatesItsKey() {
    final BearerAuthenticator authenticator = authenticator();
    assertEquals("alice", authenticator.authenticate(issuer.token("alice", TEAM_A)).user());
    final int fetched = issuer.keySetRequests();

    issuer.rotate("key-2");

    assertEquals("alice", authenticator.authenticate(issuer.token("alice", TEAM_A)).user());
    assertEquals(fetched + 1, issuer.keySetRequests());
  }

  @Test
  void shouldNotLetMadeUpKeyIdsFloodTheIssuer() {
    final BearerAuthenticator authenticator =
        new BearerAuthenticator(settings(Duration.ofMinutes(1)), new AccessPolicy(null, Set.of()));
    final JWTClaimsSet claims = issuer.claims("mallory", List.of()).build();

    for (int i = 0; i < 20; i++) {
      final String forged = TestIssuer.sign(claims, TestIssuer.newKey("made-up-" + i));
      assertThrows(RegistryException.class, () -> authenticator.authenticate(forged));
    }

    // One fetch at start-up and at most one more per interval, however many key ids come.
    assertTrue(issuer.keySetRequests() <= 2, issuer.keySetRequests() + " fetches");
    assertEquals("alice", authenticator.authenticate(issuer.token("alice", TEAM_A)).user());
  }

  @Test
  void shouldReadGroupsFromStringsArraysAndNestedClaims() {
    final Map<String, Object> claims =
        Map.of(
            "scope", "read  write",
            "groups", List.of("a", "b", 3),
            "realm_access", Map.of("roles", List.of("ops")),
            "https://ksr.example/groups", List.of("url-named"));

    assertEquals(Set.of("read", "write"), TokenGroups.of(claims, "scope"));
    assertEquals(Set.of("a", "b"), TokenGroups.of(claims, "groups"));
    assertEquals(Set.of("ops"), TokenGroups.of(claims, "realm_access.roles"));
    assertEquals(Set.of("url-named"), TokenGroups.of(claims, "https://ksr.example/groups"));
    assertEquals(Set.of(), TokenGroups.of(claims, "missing"));
    assertEquals(Set.of(), TokenGroups.of(claims, "realm_access.missing.roles"));
  }

  @Test
  void shouldRefuseUsersWithoutAnAllowedRole() {
    final BearerAuthenticator authenticator =
        new BearerAuthenticator(
            settings(Duration.ofSeconds(30)), new AccessPolicy(null, Set.of("ops")));

    final RegistryException denied =
        assertThrows(
            RegistryException.class,
            () -> authenticator.authenticate(issuer.token("alice", TEAM_A)));
    assertEquals(ErrorCode.ACCESS_DENIED, denied.errorCode());
    assertEquals("olga", authenticator.authenticate(issuer.token("olga", List.of("ops"))).user());
  }

  @Test
  void shouldStartWhileTheIssuerIsDownAndAnswer500UntilItIsUp() {
    final String token = issuer.token("alice", TEAM_A);
    issuer.close();
    final BearerAuthenticator authenticator = authenticator();

    final RegistryException e =
        assertThrows(RegistryException.class, () -> authenticator.authenticate(token));
    assertEquals(ErrorCode.INTERNAL_SERVER_ERROR, e.errorCode());
    assertTrue(e.getMessage().contains("the issuer's keys cannot be fetched"), e.getMessage());
  }

  private BearerAuthenticator authenticator() {
    return new BearerAuthenticator(
        settings(Duration.ofMillis(100)), new AccessPolicy(null, Set.of()));
  }

  private BearerAuthenticator.Settings settings(final Duration refetchInterval) {
    return issuer.checkedBy(refetchInterval);
  }

  private static JWTClaimsSet.Builder claims(final JWTClaimsSet from) {
    return new JWTClaimsSet.Builder(from);
  }

  /** The classic confusion: HS256 keyed with the issuer's public key, which anyone can read. */
  private String signedWithThePublicKeyAsHmacSecret(final JWTClaimsSet claims)
      throws JOSEException {
    final SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(issuer.key().getKeyID()).build(),
            claims);
    jwt.sign(new MACSigner(issuer.key().toRSAPublicKey().getEncoded()));
    return jwt.serialize();
  }

  private static void assertRefused(
      final BearerAuthenticator authenticator, final String token, final String because) {
    final RegistryException e =
        assertThrows(RegistryException.class, () -> authenticator.authenticate(token));
    assertEquals(ErrorCode.UNAUTHORIZED, e.errorCode(), e.getMessage());
    assertTrue(e.getMessage().contains(because), e.getMessage());
  }
}
