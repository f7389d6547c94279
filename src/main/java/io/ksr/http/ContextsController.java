package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.store.RegistryQueries;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import java.util.function.Supplier;

/** The schema contexts: the default one first, then every other in order. */
final class ContextsController {
  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;

  ContextsController(final Supplier<RegistryQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  void list(final Context ctx) {
    Json.respond(ctx, Params.page(ctx, queries.get().schemas().contexts()));
  }

  /** Forgets an empty context; answers 204 with no body, as Confluent does. */
  void delete(final Context ctx) {
    final Command.DeleteContext command = new Command.DeleteContext(Params.pathContext(ctx));
    ctx.future(
        () ->
            submitter
                .submit(command, Outcome.Deleted.class)
                .thenAccept(deleted -> ctx.status(204)));
  }
}
