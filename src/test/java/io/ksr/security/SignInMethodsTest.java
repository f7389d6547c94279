package io.ksr.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.TestIssuer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which method signs a request in, and the challenges a 401 offers for each configuration. */
class SignInMethodsTest {
  private static final String BASIC_CHALLENGE = "Basic realm=\"R\", charset=\"UTF-8\"";
  private static final String BEARER_CHALLENGE = "Bearer realm=\"R\"";

  @TempDir Path dir;
  @AutoClose private final TestIssuer issuer = TestIssuer.start();

  @Test
  void shouldOfferOnlyBasicWhenOnlyBasicIsOn() throws Exception {
    final SignInMethods basic = methods(true, false);

    assertEquals("alice", basic.authenticate(AuthenticatorTest.basic("alice", "pw")).user());
    assertChallenges(basic, null, "needs a user name and password", BASIC_CHALLENGE);
    assertChallenges(
        basic,
        "Bearer " + issuer.token("alice", List.of()),
        "needs a user name and password",
        BASIC_CHALLENGE);
  }

  @Test
  void shouldOfferOnlyBearerWhenOnlyBearerIsOnAndNameTheTokensFault() throws Exception {
    final SignInMethods bearer = methods(false, true);

    assertEquals("alice", bearer.authenticate("Bearer " + issuer.token("alice", List.of())).user());
    assertEquals(
        "alice", bearer.authenticate("bearer  " + issuer.token("alice", List.of())).user());
    assertChallenges(bearer, null, "this registry needs a bearer token", BEARER_CHALLENGE);
    assertChallenges(
        bearer,
        AuthenticatorTest.basic("alice", "pw"),
        "this registry needs a bearer token",
        BEARER_CHALLENGE);
    assertChallenges(
        bearer,
        "Bearer not-a-token",
        "Unauthorized: the bearer token is not a signed JWT",
        BEARER_CHALLENGE
            + ", error=\"invalid_token\", error_description=\"the bearer token is not a signed"
            + " JWT\"");
  }

  @Test
  void shouldAcceptEitherAndOfferBothWhenBothAreOn() throws Exception {
    final SignInMethods both = methods(true, true);

    assertEquals("alice", both.authenticate(AuthenticatorTest.basic("alice", "pw")).user());
    assertEquals("bob", both.authenticate("Bearer " + issuer.token("bob", List.of())).user());
    assertChallenges(
        both,
        null,
        "needs a user name and password (HTTP Basic) or a bearer token",
        BASIC_CHALLENGE,
        BEARER_CHALLENGE);
    assertChallenges(
        both,
        AuthenticatorTest.basic("alice", "wrong"),
        "wrong user name or password",
        BASIC_CHALLENGE,
        BEARER_CHALLENGE);
  }

  private SignInMethods methods(final boolean basic, final boolean bearer) throws Exception {
    final Path users = dir.resolve("users");
    Files.writeString(
        users, "alice: " + PasswordHash.hash("pw".toCharArray(), 1_000) + ", team-a\n");
    return new SignInMethods(
        new SignInMethods.Settings(
            basic ? users : null,
            bearer ? issuer.checkedBy(Duration.ofSeconds(30)) : null,
            null,
            Set.of()),
        "R");
  }

  private static void assertChallenges(
      final SignInMethods methods,
      final String authorization,
      final String because,
      final String... challenges) {
    final Unauthorized e =
        assertThrows(Unauthorized.class, () -> methods.authenticate(authorization));
    assertEquals(List.of(challenges), e.challenges());
    assertTrue(e.getMessage().contains(because), e.getMessage());
  }
}
