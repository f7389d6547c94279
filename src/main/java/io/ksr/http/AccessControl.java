package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.Errors;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaReference;
import io.ksr.security.Access;
import io.ksr.security.Permission;
import io.ksr.security.Unauthorized;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader.Usage;
import java.util.List;
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

  /**
   * Runs before every route: 401 without valid credentials. A path listed in {@code
   * authentication.skip.paths} is answered without them to reads only, which may read it and change
   * nothing; any other method on it signs in as usual.
   */
  void signIn(final Context ctx) {
    if (settings.authenticator() == null
        || OperationsController.UNAUTHENTICATED.contains(ctx.path())) {
      // of() finds no attribute and answers UNRESTRICTED: nothing to store on the hot path.
      return;
    }
    if (settings.unauthenticatedPaths().contains(ctx.path()) && isRead(ctx)) {
      ctx.attribute(ACCESS, Access.anonymousReader());
      return;
    }
    try {
      ctx.attribute(ACCESS, settings.authenticator().authenticate(ctx.header("Authorization")));
    } catch (final Unauthorized e) {
      e.challenges().forEach(challenge -> ctx.res().addHeader("WWW-Authenticate", challenge));
      throw e;
    }
  }

  /**
   * Refuses a change sent by a page of another site: a browser that holds the registry's Basic
   * credentials would send them along. Browsers name the page's origin on such requests; the web
   * page's own calls come from the registry's origin.
   */
  static void refuseCrossSiteWrites(final Context ctx) {
    final String origin = ctx.header("Origin");
    if (origin == null || isRead(ctx) || ctx.method() == HandlerType.OPTIONS) {
      return;
    }
    final String host = ctx.header("Host");
    final int scheme = origin.indexOf("://");
    final String originHost = scheme < 0 ? origin : origin.substring(scheme + 3);
    if (host == null || !originHost.equalsIgnoreCase(host)) {
      throw new RegistryException(
          ErrorCode.ACCESS_DENIED,
          "Changes from another site's page (Origin " + origin + ") are not accepted");
    }
  }

  private static boolean isRead(final Context ctx) {
    return ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
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

  /**
   * Refuses references to subjects the caller may not read (with 40301 whether they exist or not,
   * so that neither a schema nor its existence leaks), and to subjects those lead to in turn, which
   * a resolved rendering or a compatibility check would show.
   *
   * @param subject the subject whose context unqualified references are looked up in
   */
  static void requireReadableReferences(
      final Context ctx,
      final String subject,
      final List<SchemaReference> references,
      final RegistryQueries queries) {
    final Access access = of(ctx);
    if (!access.restricted() || references.isEmpty()) {
      return;
    }
    final String context = QualifiedSubject.contextOf(QualifiedSubject.normalize(subject));
    for (final SchemaReference reference : references) {
      requireRead(access, QualifiedSubject.inContext(context, reference.subject()));
    }
    final List<String> reached;
    try {
      reached = queries.resolver().referencedSubjects(context, references);
    } catch (final RegistryException missing) {
      // A reference the caller may read names no version: the request fails on that by itself.
      return;
    }
    reached.forEach(referenced -> requireRead(access, referenced));
  }

  /** Whether the caller may read every subject a stored schema's references lead to. */
  static boolean canReadReferences(
      final Context ctx,
      final String context,
      final List<SchemaReference> references,
      final RegistryQueries queries) {
    final Access access = of(ctx);
    return !access.restricted()
        || references.isEmpty()
        || queries.resolver().referencedSubjects(context, references).stream()
            .allMatch(subject -> access.allows(Permission.READ, subject));
  }

  /**
   * Refuses a registration that names its schema id (IMPORT) unless the caller administers the
   * subject's whole context: an id far above the others would use up the context's ids for every
   * subject in it, not only the caller's.
   */
  static void requireContextAdmin(final Context ctx, final String subject) {
    final Access access = of(ctx);
    final String context = QualifiedSubject.contextOf(QualifiedSubject.normalize(subject));
    if (QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
      if (!access.allowsGlobal(Permission.ADMIN)) {
        throw denied(access, Permission.ADMIN, "Registry", "global");
      }
    } else {
      final String scope = new QualifiedSubject(context, "").qualified();
      if (!access.allows(Permission.ADMIN, scope)) {
        throw denied(access, Permission.ADMIN, "Context", context);
      }
    }
  }

  private static void requireRead(final Access access, final String subject) {
    if (!access.allows(Permission.READ, subject)) {
      throw denied(access, Permission.READ, "Subject", subject);
    }
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
          // The same answer as for an id that does not exist: which ids exist is not the
          // caller's to learn.
          throw Errors.schemaNotFound();
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
