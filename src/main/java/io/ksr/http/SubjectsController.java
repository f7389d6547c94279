package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.domain.Subjects;
import io.ksr.domain.Versions;
import io.ksr.http.dto.RegisterSchemaRequest;
import io.ksr.http.dto.RegisterSchemaResponse;
import io.ksr.http.dto.SchemaResponse;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.SchemaQueries;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import java.util.List;
import java.util.function.Supplier;

/** Subjects and their versions: list, read, register and look up. */
final class SubjectsController {
  private final Supplier<SchemaQueries> queries;
  private final CommandSubmitter submitter;
  private final SchemaProviders providers;

  SubjectsController(
      final Supplier<SchemaQueries> queries,
      final CommandSubmitter submitter,
      final SchemaProviders providers) {
    this.queries = queries;
    this.submitter = submitter;
    this.providers = providers;
  }

  void list(final Context ctx) {
    Json.respond(ctx, queries.get().subjects());
  }

  void versions(final Context ctx) {
    Json.respond(ctx, queries.get().versions(Params.subject(ctx)));
  }

  void version(final Context ctx) {
    Json.respond(ctx, SchemaResponse.of(find(ctx)));
  }

  void rawVersion(final Context ctx) {
    Json.respondRaw(ctx, find(ctx).schema().schema());
  }

  void register(final Context ctx) {
    final String subject = Subjects.validate(Params.subject(ctx));
    final RegisterSchemaRequest request = schemaRequest(ctx);
    // Parse here too, so that an invalid schema fails at once, even while no writer runs.
    providers.parse(SchemaType.parse(request.schemaType()), request.schema(), List.of(), true);
    final Command.RegisterSchema command =
        new Command.RegisterSchema(subject, request.schemaType(), request.schema());
    ctx.future(
        () ->
            submitter
                .register(command)
                .thenAccept(
                    registered -> Json.respond(ctx, new RegisterSchemaResponse(registered.id()))));
  }

  void lookup(final Context ctx) {
    final String subject = Params.subject(ctx);
    final RegisterSchemaRequest request = schemaRequest(ctx);
    final ParsedSchema schema =
        providers.parse(SchemaType.parse(request.schemaType()), request.schema(), List.of(), false);
    // Equal identities mean equal canonical text, so the stored version is what was posted.
    Json.respond(ctx, SchemaResponse.of(queries.get().lookup(subject, SchemaIdentity.of(schema))));
  }

  private RegisteredSchema find(final Context ctx) {
    return queries.get().version(Params.subject(ctx), Versions.parse(ctx.pathParam("version")));
  }

  private static RegisterSchemaRequest schemaRequest(final Context ctx) {
    final RegisterSchemaRequest request = Json.read(ctx, RegisterSchemaRequest.class);
    if (!request.references().isEmpty()) {
      throw Errors.invalidSchema("Schema references are not supported yet (issue #4)");
    }
    return request;
  }
}
