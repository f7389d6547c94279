package io.ksr.http;

import io.javalin.config.RoutesConfig;

/** Confluent's paths and the controllers that answer them. */
final class Routes {
  final MetadataController metadata;
  final ContextsController contexts;
  private final SchemasController schemas;
  private final SubjectsController subjects;
  private final VersionsController versions;
  private final CompatibilityController compatibility;
  private final ConfigController config;
  private final ModeController mode;

  Routes(final HttpServer.Services services) {
    this.metadata = new MetadataController(services.status());
    this.contexts = new ContextsController(services.queries(), services.submitter());
    this.schemas = new SchemasController(services.queries(), services.providers());
    this.subjects = new SubjectsController(services.queries(), services.submitter());
    this.versions = new VersionsController(services.queries(), services.submitter());
    this.compatibility = new CompatibilityController(services.queries());
    this.config = new ConfigController(services.queries(), services.submitter());
    this.mode =
        new ModeController(services.queries(), services.submitter(), services.modeMutable());
  }

  /** Adds the paths that work both on their own and under a context prefix. */
  void add(final RoutesConfig routes, final String prefix) {
    routes.get(prefix + "/schemas", schemas::list);
    routes.get(prefix + "/schemas/types", schemas::types);
    routes.get(prefix + "/schemas/ids/{id}", schemas::getById);
    routes.get(prefix + "/schemas/ids/{id}/schema", schemas::getRawById);
    routes.get(prefix + "/schemas/ids/{id}/subjects", schemas::subjectsById);
    routes.get(prefix + "/schemas/ids/{id}/versions", schemas::versionsById);

    routes.get(prefix + "/subjects", subjects::list);
    routes.post(prefix + "/subjects/{subject}", subjects::lookup);
    routes.delete(prefix + "/subjects/{subject}", subjects::delete);
    routes.get(prefix + "/subjects/{subject}/metadata", subjects::latestWithMetadata);
    routes.get(prefix + "/subjects/{subject}/versions", versions::list);
    routes.post(prefix + "/subjects/{subject}/versions", versions::register);
    routes.get(prefix + "/subjects/{subject}/versions/{version}", versions::get);
    routes.delete(prefix + "/subjects/{subject}/versions/{version}", versions::delete);
    routes.get(prefix + "/subjects/{subject}/versions/{version}/schema", versions::getRaw);
    routes.get(
        prefix + "/subjects/{subject}/versions/{version}/referencedby", versions::referencedBy);

    routes.post(
        prefix + "/compatibility/subjects/{subject}/versions/{version}",
        compatibility::checkVersion);
    routes.post(prefix + "/compatibility/subjects/{subject}/versions", compatibility::checkAll);

    routes.get(prefix + "/config", config::get);
    routes.put(prefix + "/config", config::put);
    routes.delete(prefix + "/config", config::delete);
    routes.get(prefix + "/config/{subject}", config::get);
    routes.put(prefix + "/config/{subject}", config::put);
    routes.delete(prefix + "/config/{subject}", config::delete);

    routes.get(prefix + "/mode", mode::get);
    routes.put(prefix + "/mode", mode::put);
    routes.delete(prefix + "/mode", mode::delete);
    routes.get(prefix + "/mode/{subject}", mode::get);
    routes.put(prefix + "/mode/{subject}", mode::put);
    routes.delete(prefix + "/mode/{subject}", mode::delete);
  }
}
