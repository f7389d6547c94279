package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.security.Access;
import io.ksr.security.Permission;
import io.ksr.security.Unauthorized;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader.Usage;
import java.util.function.Supplier;

/**
 * Who may call what: signs each request in before any route runs, and wraps each route with the
 * permission it needs, so that the route table shows the whole policy.
 */
final class AccessControl {
  private static final String ACCESS = "ksr.access";

  private final HttpServer.SignIn settings;
  private final Supplier<RegistryQueries> queries;

  AccessControl(final HttpServer.SignIn settings, final Supplier<RegistryQueries> queries) {
    this.settings = settings;
    this.queries = queries;
  }

  /** Runs before every route: 401 without valid credentials. */
  void signIn(final Context ctx) {
    if (settings.authenticator() == null
        || settings.unauthenticatedPaths().contains(ctx.path())
        || OperationsController.UNAUTHENTICATED.contains(ctx.path())) {
      // of() finds no attribute and answers UNRESTRICTED: nothing to store on the hot path.
      return;
    }
    try {
      ctx.attribute(ACCESS, settings.authenticator().authenticate(ctx.header("Authorization")));
    } catch (final Unauthorized e) {
      e.challenges().forEach(challenge -> ctx.res().addHeader("WWW-Authenticate", challenge));
      throw e;
    }
  }

  /** What the caller of this request may do. */
  static Access of(final Context ctx) {
    final Access access = ctx.attribute(ACCESS);
    return access == null ? Access.UNRESTRICTED : access;
  }

  /** Whether the caller of this request may read {@code subject}, for filtering lists. */
  static boolean canRead(final Context ctx, final String subject) {
    final Access access = of(ctx);
    return !access.restricted() || access.allows(Permission.READ, subject);
  }

  /** A route about the subject in its path. */
  Handler subject(final Permission permission, final Handler route) {
    return ctx -> {
      require(ctx, permission, Params.subject(ctx), "Subject");
      route.handle(ctx);
    };
  }

  /**
   * A config or mode route: about a subject, a context, or (with neither) the registry itself,
   * whose settings every signed-in user may read and only a global admin may change.
   */
  Handler scope(final Permission permission, final Handler route) {
    return ctx -> {
      final String scope = Params.scope(ctx);
      if (scope != null) {
        require(ctx, permission, scope, "Subject");
      } else if (permission != Permission.READ) {
        requireGlobal(ctx, permission);
      }
      route.handle(ctx);
    };
  }

  /** A route that changes the registry as a whole. */
  Handler global(final Permission permission, final Handler route) {
    return ctx -> {
      requireGlobal(ctx, permission);
      route.handle(ctx);
    };
  }

  /** A route about a schema id: the caller must be able to read a subject that uses it. */
  Handler schemaId(final Handler route) {
    return ctx -> {
      final Access access = of(ctx);
      if (access.restricted()) {
        final int id = Params.intPath(ctx, "id");
        final boolean readable =
            queries.get().schemas().versionsOf(id, Params.subjectQuery(ctx), true).stream()
                .map(Usage::subject)
                .anyMatch(subject -> access.allows(Permission.READ, subject));
        if (!readable) {
          throw denied(access, Permission.READ, "Schema", Integer.toString(id));
        }
      }
      route.handle(ctx);
    };
  }

  private static void require(
      final Context ctx, final Permission permission, final String name, final String kind) {
    final Access access = of(ctx);
    if (!access.allows(permission, name)) {
      throw denied(access, permission, kind, name);
    }
  }

  private static void requireGlobal(final Context ctx, final Permission permission) {
    final Access access = of(ctx);
    if (!access.allowsGlobal(permission)) {
      throw denied(access, permission, "Registry", "global");
    }
  }

  private static RegistryException denied(
      final Access access, final Permission permission, final String kind, final String name) {
    return new RegistryException(
        ErrorCode.ACCESS_DENIED,
        "User "
            + access.user()
            + " is denied operation "
            + permission.operationName()
            + " on "
            + kind
            + ": "
            + name);
  }
}
