package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.store.RegistryQueries;
import java.util.function.Supplier;

/** The schema contexts: the default one first, then every other in order. */
final class ContextsController {
  private final Supplier<RegistryQueries> queries;

  ContextsController(final Supplier<RegistryQueries> queries) {
    this.queries = queries;
  }

  void list(final Context ctx) {
    Json.respond(ctx, Params.page(ctx, queries.get().schemas().contexts()));
  }
}
