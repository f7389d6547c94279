package io.ksr.config;

import io.ksr.security.Authenticator;
import java.nio.file.Path;
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

/** The keys that turn on HTTP Basic authentication and access rules for the REST API. */
public final class AuthenticationSettings {
  public static final String METHOD = "authentication.method";
  public static final String REALM = "authentication.realm";
  public static final String ROLES = "authentication.roles";
  public static final String SKIP_PATHS = "authentication.skip.paths";
  public static final String USERS_FILE = "authentication.users.file";
  public static final String RULES_FILE = "authorization.rules.file";

  private static final String NONE = "NONE";
  private static final String BASIC = "BASIC";

  /**
   * How requests are authenticated, from the configuration.
   *
   * @param authenticator checks credentials, or empty when {@code authentication.method=NONE}
   * @param realm the realm named in the {@code WWW-Authenticate} challenge
   * @param skipPaths paths answered without credentials
   */
  public record Authentication(
      Optional<Authenticator.Settings> authenticator, String realm, Set<String> skipPaths) {}

  private AuthenticationSettings() {}

  static ConfigDef define(final ConfigDef definition) {
    return definition
        .define(
            METHOD,
            Type.STRING,
            NONE,
            ConfigDef.CaseInsensitiveValidString.in(NONE, BASIC),
            Importance.HIGH,
            "How REST API users sign in: NONE, or BASIC (HTTP Basic against"
                + " authentication.users.file).")
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
                + " it changes. Required with authentication.method=BASIC.")
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
   * @throws ConfigException when BASIC is asked for without a users file
   */
  static Authentication of(final AbstractConfig config) {
    final String realm = config.getString(REALM);
    final Set<String> skipPaths = new HashSet<>(nonBlank(config.getList(SKIP_PATHS)));
    if (config.getString(METHOD).toUpperCase(Locale.ROOT).equals(NONE)) {
      return new Authentication(Optional.empty(), realm, skipPaths);
    }
    final String users = config.getString(USERS_FILE).strip();
    if (users.isEmpty()) {
      throw new ConfigException(
          USERS_FILE, users, "authentication.method=BASIC needs a users file");
    }
    final String rules = config.getString(RULES_FILE).strip();
    final List<String> roles = nonBlank(config.getList(ROLES));
    return new Authentication(
        Optional.of(
            new Authenticator.Settings(
                Path.of(users),
                rules.isEmpty() ? null : Path.of(rules),
                roles.contains("*") ? Set.of() : Set.copyOf(roles))),
        realm,
        skipPaths);
  }

  private static List<String> nonBlank(final List<String> values) {
    return values.stream().map(String::strip).filter(value -> !value.isEmpty()).toList();
  }
}
