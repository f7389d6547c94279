package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.Errors;
import io.ksr.domain.Mode;
import io.ksr.domain.Subjects;
import io.ksr.http.dto.ModeResponse;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SettingsQueries;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import java.util.function.Supplier;

/** Modes (READWRITE, READONLY, READONLY_OVERRIDE, IMPORT): global, per context, per subject. */
final class ModeController {
  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;
  private final boolean modeMutable;

  /**
   * @param modeMutable whether modes may be changed at all ({@code mode.mutability})
   */
  ModeController(
      final Supplier<RegistryQueries> queries,
      final CommandSubmitter submitter,
      final boolean modeMutable) {
    this.queries = queries;
    this.submitter = submitter;
    this.modeMutable = modeMutable;
  }

  void get(final Context ctx) {
    final String scope = Params.scope(ctx);
    final SettingsQueries settings = queries.get().settings();
    final Mode mode;
    if (scope == null) {
      mode = settings.globalMode();
    } else if (Params.flag(ctx, "defaultToGlobal")) {
      mode = settings.effectiveMode(scope);
    } else {
      mode = settings.storedMode(scope).orElseThrow(() -> Errors.subjectModeNotConfigured(scope));
    }
    Json.respond(ctx, new ModeResponse(mode.name()));
  }

  void put(final Context ctx) {
    final String scope = validScope(ctx);
    final Mode mode = Mode.parse(Json.read(ctx, ModeResponse.class).mode());
    refuseWhenImmutable();
    final Command.UpdateMode command =
        new Command.UpdateMode(scope, mode.name(), Params.flag(ctx, "force"));
    ctx.future(
        () ->
            submitter
                .submit(command, Outcome.ModeChanged.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(changed -> Json.respond(ctx, new ModeResponse(changed.mode()))));
  }

  void delete(final Context ctx) {
    final String scope = validScope(ctx);
    refuseWhenImmutable();
    ctx.future(
        () ->
            submitter
                .submit(new Command.DeleteMode(scope), Outcome.ModeChanged.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(changed -> Json.respond(ctx, new ModeResponse(changed.mode()))));
  }

  private void refuseWhenImmutable() {
    if (!modeMutable) {
      throw Errors.operationNotPermitted("Mode changes are not allowed (mode.mutability=false)");
    }
  }

  private static String validScope(final Context ctx) {
    final String scope = Params.scope(ctx);
    return scope == null ? null : Subjects.validate(scope);
  }
}
