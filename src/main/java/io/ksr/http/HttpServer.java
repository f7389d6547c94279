package io.ksr.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.ksr.config.Listener;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.RegistryQueries;
import io.ksr.writer.CommandSubmitter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The REST API: Confluent's paths on Javalin. This is the only class that creates the server and
 * the only package that touches Javalin.
 */
public final class HttpServer implements AutoCloseable {
  private final Javalin app;

  private HttpServer(final Javalin app) {
    this.app = app;
  }

  /**
   * What the API serves from.
   *
   * @param queries reads this instance's store; called once per request
   * @param submitter hands writes to the writer
   * @param modeMutable whether modes may be changed ({@code mode.mutability})
   */
  public record Services(
      Supplier<RegistryQueries> queries,
      CommandSubmitter submitter,
      SchemaProviders providers,
      Supplier<InstanceStatus> status,
      boolean modeMutable) {
    public Services {
      Objects.requireNonNull(queries, "queries can't be null");
      Objects.requireNonNull(submitter, "submitter can't be null");
      Objects.requireNonNull(providers, "providers can't be null");
      Objects.requireNonNull(status, "status can't be null");
    }
  }

  /** Starts listening. */
  public static HttpServer start(final List<Listener> listeners, final Services services) {
    if (listeners.isEmpty()) {
      throw new IllegalArgumentException("at least one listener is needed");
    }
    final Routes routes = new Routes(services);
    final Javalin app =
        Javalin.create(
            cfg -> {
              configureServer(cfg, listeners);
              ErrorMapper.register(cfg.routes);
              cfg.routes.before(HttpServer::securityHeaders);
              cfg.routes.before(MediaTypes::negotiate);
              cfg.routes.get("/", ctx -> Json.respond(ctx, Map.of()));
              cfg.routes.post("/", ctx -> Json.respond(ctx, Map.of()));
              cfg.routes.get("/v1/metadata/id", routes.metadata::id);
              cfg.routes.get("/v1/metadata/version", routes.metadata::version);
              cfg.routes.get("/contexts", routes.contexts::list);
              cfg.routes.delete("/contexts/{" + Params.CONTEXT + "}", routes.contexts::delete);
              routes.add(cfg.routes, "");
              // Every path also works under /contexts/{context}, for the subjects of a context.
              routes.add(cfg.routes, "/contexts/{" + Params.CONTEXT + "}");
            });
    app.start();
    return new HttpServer(app);
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
  }

  private static void configureServer(final JavalinConfig cfg, final List<Listener> listeners) {
    cfg.startup.showJavalinBanner = false;
    cfg.startup.showOldJavalinVersionWarning = false;
    cfg.http.prefer405over404 = true;
    // Subjects may contain '/', which clients send as %2F; Jetty rejects that by default.
    cfg.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(UriCompliance.LEGACY));
    cfg.jetty.modifyServletContextHandler(
        handler -> handler.getServletHandler().setDecodeAmbiguousURIs(true));
    for (final Listener listener : listeners) {
      cfg.jetty.addConnector(
          (server, http) -> {
            final ServerConnector connector =
                new ServerConnector(server, new HttpConnectionFactory(http));
            connector.setHost(listener.host());
            connector.setPort(listener.port());
            return connector;
          });
    }
  }
}
