package io.ksr.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ksr.domain.Errors;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.Subjects;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SettingsQueries;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import java.util.function.Supplier;

/**
 * Configs (compatibility level and Confluent's other settings): global, per context, per subject.
 */
final class ConfigController {
  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;

  ConfigController(final Supplier<RegistryQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  void get(final Context ctx) {
    final String scope = Params.scope(ctx);
    final SettingsQueries settings = queries.get().settings();
    if (scope == null) {
      Json.respond(ctx, settings.globalConfig());
      return;
    }
    if (Params.flag(ctx, "defaultToGlobal")) {
      Json.respond(ctx, settings.effectiveConfig(scope));
      return;
    }
    Json.respond(
        ctx,
        settings
            .storedConfig(scope)
            .orElseThrow(() -> Errors.subjectCompatibilityNotConfigured(scope)));
  }

  void put(final Context ctx) {
    final String scope = validScope(ctx);
    final ObjectNode update = Json.readObject(ctx);
    // Checks levels, types and rule sets here, so that a bad request fails even with no writer.
    SchemaConfig.EMPTY.updatedWith(update);
    ctx.future(
        () ->
            submitter
                .submit(new Command.UpdateConfig(scope, update), Outcome.ConfigChanged.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(changed -> Json.respond(ctx, changed.config().asUpdate())));
  }

  void delete(final Context ctx) {
    final String scope = validScope(ctx);
    ctx.future(
        () ->
            submitter
                .submit(new Command.DeleteConfig(scope), Outcome.ConfigChanged.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(changed -> Json.respond(ctx, changed.config())));
  }

  private static String validScope(final Context ctx) {
    final String scope = Params.scope(ctx);
    return scope == null ? null : Subjects.validate(scope);
  }
}
