package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.http.dto.SchemaStringResponse;
import io.ksr.store.SchemaQueries;
import java.util.function.Supplier;

/** Schemas by id, and the schema types this registry serves. */
final class SchemasController {
  private final Supplier<SchemaQueries> queries;
  private final SchemaProviders providers;

  SchemasController(final Supplier<SchemaQueries> queries, final SchemaProviders providers) {
    this.queries = queries;
    this.providers = providers;
  }

  void getById(final Context ctx) {
    Json.respond(ctx, SchemaStringResponse.of(queries.get().schemaById(Params.intPath(ctx, "id"))));
  }

  void getRawById(final Context ctx) {
    Json.respondRaw(ctx, queries.get().schemaById(Params.intPath(ctx, "id")).schema());
  }

  void types(final Context ctx) {
    Json.respond(ctx, providers.types().stream().map(SchemaType::name).toList());
  }
}
