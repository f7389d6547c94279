package io.ksr.config;

import io.ksr.security.SignInMethods;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/** The keys that turn on authentication (HTTP Basic, bearer tokens) and access rules. */
public final class AuthenticationSettings {
  public static final String METHOD = "authentication.method";
  public static final String REALM = "authentication.realm";
  public static final String ROLES = "authentication.roles";
  public static final String SKIP_PATHS = "authentication.skip.paths";
  public static final String USERS_FILE = "authentication.users.file";
  public static final String RULES_FILE = "authorization.rules.file";

  private static final String NONE = "NONE";
  private static final String BASIC = "BASIC";
  private static final String BEARER = "BEARER";

  /**
   * How requests are authenticated, from the configuration.
   *
   * @param authenticator the sign-in methods, or empty when {@code authentication.method=NONE}
   * @param realm the realm named in the {@code WWW-Authenticate} challenge
   * @param skipPaths paths answered without credentials
   */
  public record Authentication(
      Optional<SignInMethods.Settings> authenticator, String realm, Set<String> skipPaths) {}

  private AuthenticationSettings() {}

  static ConfigDef define(final ConfigDef definition) {
    return definition
        .define(
            METHOD,
            Type.STRING,
            NONE,
            (name, value) -> methodsOf(value),
            Importance.HIGH,
            "How REST API users sign in: NONE; BASIC (HTTP Basic against"
                + " authentication.users.file); BEARER (OAuth bearer tokens, see oauthbearer.*);"
                + " or BASIC,BEARER for both.")
        .define(
            REALM,
            Type.STRING,
            "SchemaRegistry",
            new ConfigDef.NonEmptyString(),
            Importance.LOW,
            "The realm named in the WWW-Authenticate challenge of a 401 answer.")
        .define(
            ROLES,
            Type.LIST,
            "*",
            Importance.MEDIUM,
            "Roles of which a user needs at least one to use the API; * for any role.")
        .define(
            SKIP_PATHS,
            Type.LIST,
            "",
            Importance.LOW,
            "Paths answered without credentials, e.g. / for load balancer probes.")
        .define(
            USERS_FILE,
            Type.STRING,
            "",
            Importance.HIGH,
            "File of users, one per line as 'name: <password hash>, role, ...'; read again when"
                + " it changes. Required with BASIC.")
        .define(
            RULES_FILE,
            Type.STRING,
            "",
            Importance.HIGH,
            "File of access rules, one per line as '<who> <read|write|admin> <what>'; read again"
                + " when it changes. Empty lets every signed-in user do everything.");
  }

  /**
   * The authentication the configuration asks for.
   *
   * @throws ConfigException when BASIC is asked for without a users file, or BEARER without the
   *     issuer's keys and name
   */
  static Authentication of(final AbstractConfig config) {
    final String realm = config.getString(REALM);
    final Set<String> skipPaths = new HashSet<>(nonBlank(config.getList(SKIP_PATHS)));
    final Set<String> methods = methodsOf(config.getString(METHOD));
    if (methods.isEmpty()) {
      return new Authentication(Optional.empty(), realm, skipPaths);
    }
    final String users = config.getString(USERS_FILE).strip();
    if (methods.contains(BASIC) && users.isEmpty()) {
      throw new ConfigException(
          USERS_FILE, users, "authentication.method=BASIC needs a users file");
    }
    final String rules = config.getString(RULES_FILE).strip();
    final List<String> roles = nonBlank(config.getList(ROLES));
    return new Authentication(
        Optional.of(
            new SignInMethods.Settings(
                methods.contains(BASIC) ? Path.of(users) : null,
                methods.contains(BEARER) ? BearerTokenSettings.of(config) : null,
                rules.isEmpty() ? null : Path.of(rules),
                roles.contains("*") ? Set.of() : Set.copyOf(roles))),
        realm,
        skipPaths);
  }

  /** BASIC, BEARER or both; none for NONE. */
  private static Set<String> methodsOf(final Object value) {
    final List<String> words =
        Arrays.stream(String.valueOf(value).split(","))
            .map(word -> word.strip().toUpperCase(Locale.ROOT))
            .toList();
    if (words.equals(List.of(NONE))) {
      return Set.of();
    }
    if (words.stream().allMatch(word -> word.equals(BASIC) || word.equals(BEARER))
        && Set.copyOf(words).size() == words.size()) {
      return Set.copyOf(words);
    }
    throw new ConfigException(METHOD, value, "expected NONE, BASIC, BEARER or BASIC,BEARER");
  }

  static List<String> nonBlank(final List<String> values) {
    return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
  }
}
