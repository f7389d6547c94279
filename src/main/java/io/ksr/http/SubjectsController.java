package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.http.dto.SchemaResponse;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Subjects: list, look a schema up in one, delete one, find a version by metadata. */
final class SubjectsController {
  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;

  SubjectsController(final Supplier<RegistryQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  void list(final Context ctx) {
    final List<String> subjects =
        queries
            .get()
            .subjects()
            .subjects(
                Params.subjectPrefix(ctx),
                Visibility.of(Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly")))
            .stream()
            .filter(subject -> AccessControl.canRead(ctx, subject))
            .toList();
    Json.respond(ctx, Params.page(ctx, subjects));
  }

  void lookup(final Context ctx) {
    final String subject = Params.subject(ctx);
    final RegistryQueries current = queries.get();
    final Candidate candidate =
        SchemaRequests.parse(
            ctx, SchemaRequests.read(ctx, subject, current), subject, current, false);
    final RegisteredSchema found =
        current.candidates().lookup(subject, candidate, Params.flag(ctx, "deleted"));
    Json.respond(ctx, SchemaResponse.of(found, found.schema().schema()));
  }

  void delete(final Context ctx) {
    final Command.DeleteSubject command =
        new Command.DeleteSubject(Params.subject(ctx), Params.flag(ctx, "permanent"));
    ctx.future(
        () ->
            submitter
                .submit(command, Outcome.Deleted.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(deleted -> Json.respond(ctx, deleted.versions())));
  }

  void latestWithMetadata(final Context ctx) {
    final List<String> keys = ctx.queryParams("key");
    final List<String> values = ctx.queryParams("value");
    final Map<String, String> properties = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      properties.put(keys.get(i), values.get(i));
    }
    final RegisteredSchema found =
        queries
            .get()
            .subjects()
            .latestWithMetadata(Params.subject(ctx), properties, Params.flag(ctx, "deleted"));
    Json.respond(ctx, SchemaResponse.of(found, found.schema().schema()));
  }
}
