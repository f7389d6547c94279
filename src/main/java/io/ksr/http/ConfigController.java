package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.Errors;
import io.ksr.domain.Subjects;
import io.ksr.http.dto.ConfigResponse;
import io.ksr.http.dto.ConfigUpdateRequest;
import io.ksr.store.SchemaQueries;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import java.util.Optional;
import java.util.function.Supplier;

/** Compatibility levels, global and per subject. */
final class ConfigController {
  private final Supplier<SchemaQueries> queries;
  private final CommandSubmitter submitter;

  ConfigController(final Supplier<SchemaQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  void getGlobal(final Context ctx) {
    Json.respond(ctx, new ConfigResponse(queries.get().globalCompatibility().name()));
  }

  void getSubject(final Context ctx) {
    final String subject = Params.subject(ctx);
    final SchemaQueries current = queries.get();
    final Optional<CompatibilityLevel> own = current.subjectCompatibility(subject);
    if (own.isEmpty() && !Params.flag(ctx, "defaultToGlobal")) {
      throw Errors.subjectCompatibilityNotConfigured(subject);
    }
    final CompatibilityLevel level = own.orElseGet(current::globalCompatibility);
    Json.respond(ctx, new ConfigResponse(level.name()));
  }

  void putGlobal(final Context ctx) {
    update(ctx, null);
  }

  void putSubject(final Context ctx) {
    update(ctx, Subjects.validate(Params.subject(ctx)));
  }

  private void update(final Context ctx, final String subject) {
    final ConfigUpdateRequest request = Json.read(ctx, ConfigUpdateRequest.class);
    final CompatibilityLevel level = CompatibilityLevel.parse(request.compatibility());
    ctx.future(
        () ->
            submitter
                .updateConfig(new Command.UpdateConfig(subject, level.name()))
                .thenAccept(
                    updated ->
                        Json.respond(ctx, new ConfigUpdateRequest(updated.compatibility()))));
  }
}
