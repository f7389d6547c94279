package io.ksr.security;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Signs each request in by the method its {@code Authorization} header names, among those {@code
 * authentication.method} turns on (HTTP Basic, bearer tokens or both), and words the 401 challenges
 * that offer them.
 */
public final class SignInMethods {
  private static final String UNAUTHORIZED = "Unauthorized: ";

  /**
   * The sign-in methods and what signed-in users may do.
   *
   * @param usersFile the users file for HTTP Basic, or null without Basic
   * @param bearer how bearer tokens are checked, or null without them
   * @param rulesFile the access rules file, or null to let every signed-in user do everything
   * @param allowedRoles roles of which a user needs one to use the API at all; empty for any
   */
  public record Settings(
      Path usersFile,
      BearerAuthenticator.Settings bearer,
      Path rulesFile,
      Set<String> allowedRoles) {
    public Settings {
      if (usersFile == null && bearer == null) {
        throw new IllegalArgumentException(
            "no sign-in method: give a users file or bearer settings");
      }
      allowedRoles = Set.copyOf(allowedRoles);
    }
  }

  private final Authenticator basic;
  private final BearerAuthenticator bearer;
  private final String realm;

  /**
   * Reads the users and rules files and fetches the token issuer's keys.
   *
   * @param realm named in the challenges
   * @throws IllegalArgumentException when a file cannot be read or is malformed
   */
  public SignInMethods(final Settings settings, final String realm) {
    final AccessPolicy policy = new AccessPolicy(settings.rulesFile(), settings.allowedRoles());
    this.basic =
        settings.usersFile() == null ? null : new Authenticator(settings.usersFile(), policy);
    this.bearer =
        settings.bearer() == null ? null : new BearerAuthenticator(settings.bearer(), policy);
    this.realm = realm;
  }

  /**
   * What the sender of a request with this {@code Authorization} header may do.
   *
   * @throws Unauthorized when the credentials are missing or wrong
   * @throws RegistryException 40301 when the user has none of the allowed roles, 500 when a token
   *     cannot be checked because its issuer's keys cannot be fetched
   */
  public Access authenticate(final String authorization) {
    final String scheme = schemeOf(authorization);
    try {
      if (bearer != null && scheme.equals("bearer")) {
        return bearer.authenticate(authorization.substring(scheme.length()).strip());
      }
      if (basic != null && (bearer == null || scheme.equals("basic"))) {
        return basic.authenticate(authorization);
      }
      throw new RegistryException(
          ErrorCode.UNAUTHORIZED,
          UNAUTHORIZED
              + "this registry needs "
              + (basic == null ? "" : "a user name and password (HTTP Basic) or ")
              + "a bearer token");
    } catch (final RegistryException e) {
      if (e.errorCode() != ErrorCode.UNAUTHORIZED) {
        throw e;
      }
      final boolean badToken = bearer != null && scheme.equals("bearer");
      throw new Unauthorized(e.getMessage(), challenges(badToken ? e.getMessage() : null));
    }
  }

  /**
   * One challenge per method; the bearer challenge names the token's fault as RFC 6750 asks, but
   * only when a token was sent.
   */
  private List<String> challenges(final String tokenFault) {
    final List<String> challenges = new ArrayList<>();
    if (basic != null) {
      challenges.add("Basic realm=\"" + realm + "\", charset=\"UTF-8\"");
    }
    if (bearer != null) {
      challenges.add(
          "Bearer realm=\""
              + realm
              + "\""
              + (tokenFault == null
                  ? ""
                  : ", error=\"invalid_token\", error_description=\""
                      + description(tokenFault)
                      + "\""));
    }
    return challenges;
  }

  /** The fault as a quoted-string may hold it: printable ASCII without quotes or backslashes. */
  private static String description(final String fault) {
    final String text =
        fault.startsWith(UNAUTHORIZED) ? fault.substring(UNAUTHORIZED.length()) : fault;
    return text.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "'");
  }

  private static String schemeOf(final String authorization) {
    if (authorization == null) {
      return "";
    }
    final int space = authorization.indexOf(' ');
    return (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
  }
}
