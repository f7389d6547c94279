package io.ksr.http;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.ksr.config.Listener;
import io.ksr.config.TlsSettings;
import io.ksr.domain.SchemaProviders;
import io.ksr.monitoring.Readiness;
import io.ksr.monitoring.RegistryMetrics;
import io.ksr.security.Permission;
import io.ksr.security.SignInMethods;
import io.ksr.store.RegistryQueries;
import io.ksr.writer.CommandSubmitter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.event.Level;

/**
 * The REST API: Confluent's paths on Javalin. This is the only class that creates the server and
 * the only package that touches Javalin.
 */
public final class HttpServer implements AutoCloseable {
  private final Javalin app;
  private final AuditLog audit;

  private HttpServer(final Javalin app, final AuditLog audit) {
    this.app = app;
    this.audit = audit;
  }

  /**
   * How the server listens.
   *
   * @param tls how the https listeners do TLS; needed when there is one
   * @param maxRequestBodySize the largest request body read, in bytes; larger ones get 413
   * @param requestLogLevel the level of the one line logged per request; null for none
   * @param auditLogFile the file the audit log is appended to; empty for the {@code ksr.audit}
   *     logger
   */
  public record Settings(
      List<Listener> listeners,
      Optional<TlsSettings> tls,
      long maxRequestBodySize,
      Level requestLogLevel,
      Optional<Path> auditLogFile) {
    public Settings {
      if (listeners.isEmpty()) {
        throw new IllegalArgumentException("at least one listener is needed");
      }
      if (tls.isEmpty() && listeners.stream().anyMatch(Listener::isHttps)) {
        throw new IllegalArgumentException("https listeners need TLS settings");
      }
    }
  }

  /**
   * How users sign in.
   *
   * @param authenticator checks credentials; null when anyone may do anything
   * @param unauthenticatedPaths answered without credentials
   */
  public record SignIn(SignInMethods authenticator, Set<String> unauthenticatedPaths) {
    /** Everyone may do everything. */
    public static final SignIn NONE = new SignIn(null, Set.of());

    public SignIn {
      unauthenticatedPaths = Set.copyOf(unauthenticatedPaths);
    }
  }

  /**
   * What the API serves from.
   *
   * @param queries reads this instance's store; called once per request
   * @param submitter hands writes to the writer
   * @param modeMutable whether modes may be changed ({@code mode.mutability})
   * @param readiness whether this instance should get traffic
   */
  public record Services(
      Supplier<RegistryQueries> queries,
      CommandSubmitter submitter,
      SchemaProviders providers,
      Supplier<InstanceStatus> status,
      boolean modeMutable,
      SignIn signIn,
      Supplier<Readiness> readiness,
      RegistryMetrics metrics) {
    public Services {
      Objects.requireNonNull(queries, "queries can't be null");
      Objects.requireNonNull(submitter, "submitter can't be null");
      Objects.requireNonNull(providers, "providers can't be null");
      Objects.requireNonNull(status, "status can't be null");
      Objects.requireNonNull(signIn, "signIn can't be null");
      Objects.requireNonNull(readiness, "readiness can't be null");
      Objects.requireNonNull(metrics, "metrics can't be null");
    }
  }

  /** Starts listening. */
  public static HttpServer start(final Settings settings, final Services services) {
    final AccessControl access = new AccessControl(services.signIn(), services.queries());
    final Routes routes = new Routes(services, access);
    final OperationsController operations =
        new OperationsController(services.readiness(), services.metrics());
    final WebUiController webUi = new WebUiController();
    final RequestLog requestLog = new RequestLog(services.metrics(), settings.requestLogLevel());
    final AuditLog audit = new AuditLog(settings.auditLogFile());
    final Javalin app =
        Javalin.create(
            cfg -> {
              configureServer(cfg, settings.listeners(), settings.tls());
              cfg.http.maxRequestSize = settings.maxRequestBodySize();
              // Every answer is JSON, text or the web page's files, none of the media types that
              // Javalin's default list keeps from compression, and matching a response's type
              // against that list cost a twentieth of every request's time (docs/benchmarks.md).
              cfg.http.compressionStrategy = gzipForAnyType();
              cfg.requestLogger.http(
                  (ctx, millis) -> {
                    requestLog.record(ctx, millis);
                    audit.record(ctx);
                  });
              ErrorMapper.register(cfg.routes);
              cfg.routes.before(HttpServer::securityHeaders);
              cfg.routes.before(access::signIn);
              cfg.routes.before(AccessControl::refuseCrossSiteWrites);
              cfg.routes.before(
                  ctx -> {
                    if (!hasOwnFormat(ctx.path())) {
                      MediaTypes.negotiate(ctx);
                    }
                  });
              Routes.get(cfg.routes, OperationsController.LIVE, operations::live);
              Routes.get(cfg.routes, OperationsController.READY, operations::ready);
              // Instance details are for operators: a global read right, not any signed-in user.
              Routes.get(
                  cfg.routes,
                  OperationsController.METRICS,
                  access.global(Permission.READ, operations::metrics));
              Routes.get(cfg.routes, WebUiController.ROOT, webUi::root);
              Routes.get(cfg.routes, WebUiController.FILE, webUi::file);
              Routes.get(cfg.routes, "/", ctx -> Json.respond(ctx, Map.of()));
              cfg.routes.post("/", ctx -> Json.respond(ctx, Map.of()));
              Routes.get(
                  cfg.routes,
                  "/v1/metadata/id",
                  access.global(Permission.READ, routes.metadata::id));
              Routes.get(cfg.routes, "/v1/metadata/version", routes.metadata::version);
              Routes.get(cfg.routes, "/contexts", routes.contexts::list);
              cfg.routes.delete(
                  "/contexts/{" + Params.CONTEXT + "}",
                  access.global(Permission.ADMIN, routes.contexts::delete));
              routes.add(cfg.routes, "");
              // Every path also works under /contexts/{context}, for the subjects of a context.
              routes.add(cfg.routes, "/contexts/{" + Params.CONTEXT + "}");
            });
    app.start();
    return new HttpServer(app, audit);
  }

  /** Javalin's default gzip, of a strategy of its own: the default is one shared instance. */
  private static CompressionStrategy gzipForAnyType() {
    final CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
    gzip.setExcludedMimeTypes(List.of());
    return gzip;
  }

  /** Whether a path is outside Confluent's API, answering in its own formats. */
  private static boolean hasOwnFormat(final String path) {
    return OperationsController.isOperational(path) || WebUiController.isWebUi(path);
  }

  /** The headers Confluent's registry sends on every response, as its REST framework does. */
  private static void securityHeaders(final Context ctx) {
    ctx.header("X-XSS-Protection", "1; mode=block");
    ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
  }

  /** The ports the listeners are bound to, in the order they were configured. */
  public List<Integer> ports() {
    return Arrays.stream(app.jettyServer().server().getConnectors())
        .map(connector -> ((NetworkConnector) connector).getLocalPort())
        .toList();
  }

  @Override
  public void close() {
    app.stop();
    audit.close();
  }

  private static void configureServer(
      final JavalinConfig cfg, final List<Listener> listeners, final Optional<TlsSettings> tls) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.prefer405over404 = true;
    // Subjects may contain '/', which clients send as %2F; Jetty rejects that by default.
    cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
    cfg.jetty.modifyServletContextHandler(
        handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyErrors()));
    for (final Listener listener : listeners) {
      cfg.jetty.addConnector(
          (server, http) -> {
            final ServerConnector connector =
                listener.isHttps()
                    ? HttpsConnectors.create(server, http, tls.orElseThrow())
                    : new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            return connector;
          });
    }
  }
}
