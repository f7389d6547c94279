package io.ksr.http;

import static io.ksr.security.Permission.ADMIN;
import static io.ksr.security.Permission.READ;
import static io.ksr.security.Permission.WRITE;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;

/** Confluent's paths, the permission each needs, and the controllers that answer them. */
final class Routes {
  final MetadataController metadata;
  final ContextsController contexts;
  private final SchemasController schemas;
  private final SubjectsController subjects;
  private final VersionsController versions;
  private final CompatibilityController compatibility;
  private final ConfigController config;
  private final ModeController mode;
  private final AccessControl access;

  Routes(final HttpServer.Services services, final AccessControl access) {
    this.access = access;
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

  /**
   * A read route, answered to HEAD requests too: Javalin would otherwise answer those itself,
   * without running the route or its access check.
   */
  static void get(final RoutesConfig routes, final String path, final Handler route) {
    routes.get(path, route);
    routes.head(path, route);
  }

  /** Adds the paths that work both on their own and under a context prefix. */
  void add(final RoutesConfig routes, final String prefix) {
    // Lists of schemas and subjects are filtered to what the caller may read.
    get(routes, prefix + "/schemas", schemas::list);
    get(routes, prefix + "/schemas/types", schemas::types);
    get(routes, prefix + "/schemas/ids/{id}", access.schemaId(schemas::getById));
    get(routes, prefix + "/schemas/ids/{id}/schema", access.schemaId(schemas::getRawById));
    get(routes, prefix + "/schemas/ids/{id}/subjects", access.schemaId(schemas::subjectsById));
    get(routes, prefix + "/schemas/ids/{id}/versions", access.schemaId(schemas::versionsById));

    get(routes, prefix + "/subjects", subjects::list);
    routes.post(prefix + "/subjects/{subject}", access.subject(READ, subjects::lookup));
    routes.delete(prefix + "/subjects/{subject}", access.subject(WRITE, subjects::delete));
    get(
        routes,
        prefix + "/subjects/{subject}/metadata",
        access.subject(READ, subjects::latestWithMetadata));
    get(routes, prefix + "/subjects/{subject}/versions", access.subject(READ, versions::list));
    routes.post(prefix + "/subjects/{subject}/versions", access.subject(WRITE, versions::register));
    get(
        routes,
        prefix + "/subjects/{subject}/versions/{version}",
        access.subject(READ, versions::get));
    routes.delete(
        prefix + "/subjects/{subject}/versions/{version}", access.subject(WRITE, versions::delete));
    get(
        routes,
        prefix + "/subjects/{subject}/versions/{version}/schema",
        access.subject(READ, versions::getRaw));
    get(
        routes,
        prefix + "/subjects/{subject}/versions/{version}/referencedby",
        access.subject(READ, versions::referencedBy));

    routes.post(
        prefix + "/compatibility/subjects/{subject}/versions/{version}",
        access.subject(READ, compatibility::checkVersion));
    routes.post(
        prefix + "/compatibility/subjects/{subject}/versions",
        access.subject(READ, compatibility::checkAll));

    get(routes, prefix + "/config", access.scope(READ, config::get));
    routes.put(prefix + "/config", access.scope(ADMIN, config::put));
    routes.delete(prefix + "/config", access.scope(ADMIN, config::delete));
    get(routes, prefix + "/config/{subject}", access.scope(READ, config::get));
    routes.put(prefix + "/config/{subject}", access.scope(ADMIN, config::put));
    routes.delete(prefix + "/config/{subject}", access.scope(ADMIN, config::delete));

    get(routes, prefix + "/mode", access.scope(READ, mode::get));
    routes.put(prefix + "/mode", access.scope(ADMIN, mode::put));
    routes.delete(prefix + "/mode", access.scope(ADMIN, mode::delete));
    get(routes, prefix + "/mode/{subject}", access.scope(READ, mode::get));
    routes.put(prefix + "/mode/{subject}", access.scope(ADMIN, mode::put));
    routes.delete(prefix + "/mode/{subject}", access.scope(ADMIN, mode::delete));
  }
}
