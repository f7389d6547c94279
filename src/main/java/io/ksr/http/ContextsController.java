package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.QualifiedSubject;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import java.util.List;
import java.util.function.Supplier;

/** The schema contexts: the default one first, then every other in order. */
final class ContextsController {
  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;

  ContextsController(final Supplier<RegistryQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  /** The contexts, those where the caller may read no subject left out (the default one stays). */
  void list(final Context ctx) {
    final RegistryQueries current = queries.get();
    final List<String> contexts =
        current.schemas().contexts().stream()
            .filter(
                context ->
                    QualifiedSubject.DEFAULT_CONTEXT.equals(context)
                        || !AccessControl.of(ctx).restricted()
                        || current
                            .subjects()
                            .subjects(new QualifiedSubject(context, "").qualified(), Visibility.ALL)
                            .stream()
                            .anyMatch(subject -> AccessControl.canRead(ctx, subject)))
            .toList();
    Json.respond(ctx, Params.page(ctx, contexts));
  }

  /** Forgets an empty context; answers 204 with no body, as Confluent does. */
  void delete(final Context ctx) {
    final Command.DeleteContext command = new Command.DeleteContext(Params.pathContext(ctx));
    ctx.future(
        () ->
            submitter
                .submit(command, Outcome.Deleted.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(deleted -> ctx.status(204)));
  }
}
