package io.ksr.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.ksr.config.Listener;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.SchemaQueries;
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
   */
  public record Services(
      Supplier<SchemaQueries> queries,
      CommandSubmitter submitter,
      SchemaProviders providers,
      Supplier<InstanceStatus> status) {
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
    final SchemasController schemas =
        new SchemasController(services.queries(), services.providers());
    final SubjectsController subjects =
        new SubjectsController(services.queries(), services.submitter(), services.providers());
    final ConfigController config = new ConfigController(services.queries(), services.submitter());
    final MetadataController metadata = new MetadataController(services.status());
    final Javalin app =
        Javalin.create(
            cfg -> {
              configureServer(cfg, listeners);
              ErrorMapper.register(cfg.routes);
              cfg.routes.before(MediaTypes::negotiate);
              cfg.routes.get("/", ctx -> Json.respond(ctx, Map.of()));
              cfg.routes.post("/", ctx -> Json.respond(ctx, Map.of()));
              cfg.routes.get("/v1/metadata/id", metadata::id);
              cfg.routes.get("/schemas/types", schemas::types);
              cfg.routes.get("/schemas/ids/{id}", schemas::getById);
              cfg.routes.get("/schemas/ids/{id}/schema", schemas::getRawById);
              cfg.routes.get("/subjects", subjects::list);
              cfg.routes.post("/subjects/{subject}", subjects::lookup);
              cfg.routes.get("/subjects/{subject}/versions", subjects::versions);
              cfg.routes.post("/subjects/{subject}/versions", subjects::register);
              cfg.routes.get("/subjects/{subject}/versions/{version}", subjects::version);
              cfg.routes.get("/subjects/{subject}/versions/{version}/schema", subjects::rawVersion);
              cfg.routes.get("/config", config::getGlobal);
              cfg.routes.put("/config", config::putGlobal);
              cfg.routes.get("/config/{subject}", config::getSubject);
              cfg.routes.put("/config/{subject}", config::putSubject);
            });
    app.start();
    return new HttpServer(app);
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
