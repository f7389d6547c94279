package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import io.ksr.config.AuthenticationSettings;
import io.ksr.security.PasswordHash;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestIssuer;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A registry with {@code authentication.method=BASIC,BEARER} and access rules, over real HTTP,
 * against tokens from an issuer the test runs: valid ones meet the rules through their groups,
 * invalid ones get 401 with Confluent's error body and RFC 6750's challenge.
 */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenIntegrationTest {
  private static final String BODY =
      RestClient.schemaBody("{\"type\":\"record\",\"name\":\"R\",\"fields\":[]}");
  private static final String BASIC_CHALLENGE = "Basic realm=\"SchemaRegistry\", charset=\"UTF-8\"";
  private static final String BEARER_CHALLENGE = "Bearer realm=\"SchemaRegistry\"";

  @TempDir static Path dir;
  @AutoClose private final TestIssuer issuer = TestIssuer.start();
  @AutoClose private TestRegistry registry;

  @BeforeAll
  void startRegistry() throws Exception {
    Files.writeString(
        dir.resolve("users"),
        "admin: " + PasswordHash.hash("admin-secret".toCharArray(), 1_000) + ", ops\n");
    Files.writeString(
        dir.resolve("rules"),
        String.join(
            "\n",
            "role:ops     admin  subject:*",
            "role:team-a  write  subject:team-a-*",
            "user:carol   read   subject:*"));
    final Map<String, Object> settings = TestRegistry.settings("bearer-tokens", dir);
    settings.putAll(issuer.registrySettings(Duration.ofMillis(500)));
    settings.put(AuthenticationSettings.METHOD, "BASIC,BEARER");
    settings.put(AuthenticationSettings.USERS_FILE, dir.resolve("users").toString());
    settings.put(AuthenticationSettings.RULES_FILE, dir.resolve("rules").toString());
    registry = TestRegistry.start(settings);
    for (final String subject : List.of("team-a-orders", "team-b-payments")) {
      assertEquals(200, asAdmin("POST", "/subjects/" + subject + "/versions", BODY).status());
    }
  }

  @Test
  void shouldLetATokenDoWhatItsSubjectAndGroupsMay() {
    final String alice = issuer.token("alice", List.of("team-a"));
    assertEquals(200, bearer(alice, "POST", "/subjects/team-a-orders/versions", BODY).status());
    final Response denied = bearer(alice, "POST", "/subjects/team-b-payments/versions", BODY);
    assertEquals(403, denied.status(), denied.body());
    assertEquals(
        "{\"error_code\":40301,\"message\":\"User alice is denied operation Write on Subject:"
            + " team-b-payments\"}",
        denied.body());
    assertEquals("[\"team-a-orders\"]", bearer(alice, "GET", "/subjects", null).body());

    final String carol = issuer.token("carol", List.of());
    assertEquals(
        "[\"team-a-orders\",\"team-b-payments\"]", bearer(carol, "GET", "/subjects", null).body());
    assertEquals(403, bearer(carol, "POST", "/subjects/team-a-x/versions", BODY).status());
  }

  Stream<Arguments> invalidTokens() {
    final Instant now = Instant.now();
    final Function<Function<JWTClaimsSet.Builder, JWTClaimsSet.Builder>, String> signed =
        change -> issuer.sign(change.apply(issuer.claims("alice", List.of("team-a"))).build());
    return Stream.of(
        Arguments.of(
            "expired",
            signed.apply(claims -> claims.expirationTime(Date.from(now.minusSeconds(120)))),
            "the bearer token has expired"),
        Arguments.of(
            "wrong audience",
            signed.apply(claims -> claims.audience("another-service")),
            "the bearer token was refused (JWT aud claim rejected)"),
        Arguments.of(
            "wrong issuer",
            signed.apply(claims -> claims.issuer("https://idp.example")),
            "the bearer token was refused (JWT iss claim value rejected)"),
        Arguments.of(
            "forged signature",
            TestIssuer.sign(
                issuer.claims("alice", List.of("team-a")).build(),
                TestIssuer.newKey(issuer.key().getKeyID())),
            "the bearer token was refused (Signed JWT rejected: Invalid signature)"),
        Arguments.of(
            "alg none",
            new PlainJWT(issuer.claims("alice", List.of("team-a")).build()).serialize(),
            "the bearer token was refused (Unsecured (plain) JWTs are rejected, extend class to"
                + " handle)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidTokens")
  void shouldRefuseAnInvalidTokenWithTheChallengeAndTheReason(
      final String what, final String token, final String reason) {
    final Response refused = bearer(token, "GET", "/subjects", null);

    assertEquals(401, refused.status(), refused.body());
    assertEquals(401, refused.errorCode(), refused.body());
    assertEquals("Unauthorized: " + reason, refused.json().get("message").asText());
    assertEquals(
        List.of(
            BASIC_CHALLENGE,
            BEARER_CHALLENGE
                + ", error=\"invalid_token\", error_description=\""
                + reason.replace('"', '\'')
                + "\""),
        refused.headers().allValues("WWW-Authenticate"));
  }

  @Test
  void shouldAcceptTokensSignedWithTheIssuersNewKeyOnceItRotates() {
    final String before = issuer.token("alice", List.of("team-a"));
    assertEquals(200, bearer(before, "GET", "/subjects", null).status());

    issuer.rotate("rotated-" + System.nanoTime());
    final String after = issuer.token("alice", List.of("team-a"));

    // The registry fetches the keys again for the unknown key id, at most twice per 500 ms.
    Wait.until(
        "a token signed with the new key to be accepted",
        Duration.ofSeconds(10),
        () -> bearer(after, "GET", "/subjects", null).status() == 200);
  }

  @Test
  void shouldAcceptBasicAndBearerSideBySideAndOfferBoth() {
    assertEquals(200, asAdmin("GET", "/subjects", null).status());
    assertEquals(200, bearer(issuer.token("carol", List.of()), "GET", "/subjects", null).status());

    final Response anonymous = registry.client().get("/subjects");
    assertEquals(401, anonymous.status());
    assertEquals(
        "Unauthorized: this registry needs a user name and password (HTTP Basic) or a bearer"
            + " token",
        anonymous.json().get("message").asText());
    assertEquals(
        List.of(BASIC_CHALLENGE, BEARER_CHALLENGE),
        anonymous.headers().allValues("WWW-Authenticate"));
  }

  private Response bearer(
      final String token, final String method, final String path, final String body) {
    return registry.client().request(method, path, body, "Authorization", "Bearer " + token);
  }

  private Response asAdmin(final String method, final String path, final String body) {
    final String basic =
        Base64.getEncoder().encodeToString("admin:admin-secret".getBytes(StandardCharsets.UTF_8));
    return registry.client().request(method, path, body, "Authorization", "Basic " + basic);
  }
}
