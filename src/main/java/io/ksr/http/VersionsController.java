package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.QualifiedSubject;
import io.ksr.http.dto.RegisterSchemaRequest;
import io.ksr.http.dto.RegisterSchemaResponse;
import io.ksr.http.dto.SchemaResponse;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.writer.Command;
import io.ksr.writer.CommandSubmitter;
import io.ksr.writer.Outcome;
import io.ksr.writer.RegistrationCheck;
import java.util.function.Supplier;

/** The versions of a subject: list, read, register, delete, and what references them. */
final class VersionsController {
  /** Confluent's default and highest {@code limit} of {@code referencedby}. */
  private static final int REFERENCED_BY_LIMIT = 1000;

  private final Supplier<RegistryQueries> queries;
  private final CommandSubmitter submitter;

  VersionsController(final Supplier<RegistryQueries> queries, final CommandSubmitter submitter) {
    this.queries = queries;
    this.submitter = submitter;
  }

  void list(final Context ctx) {
    Json.respond(
        ctx,
        Params.page(
            ctx,
            queries
                .get()
                .subjects()
                .versions(
                    Params.subject(ctx),
                    Visibility.of(Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly")),
                    Params.flag(ctx, "deletedAsNegative"))));
  }

  void get(final Context ctx) {
    final RegistryQueries current = queries.get();
    final RegisteredSchema found = find(ctx, current);
    Json.respond(
        ctx,
        SchemaResponse.of(found, Formats.text(ctx, current, found))
            .withReferences(
                Formats.references(
                    ctx,
                    QualifiedSubject.contextOf(found.subject()),
                    found.schema().references())));
  }

  void getRaw(final Context ctx) {
    final RegistryQueries current = queries.get();
    Json.respondRaw(ctx, Formats.text(ctx, current, find(ctx, current)));
  }

  void referencedBy(final Context ctx) {
    final int version = Params.version(ctx);
    Json.respond(
        ctx,
        Params.page(
            ctx,
            queries
                .get()
                .subjects()
                .referencedBy(
                    Params.subject(ctx), version, subject -> AccessControl.canRead(ctx, subject)),
            REFERENCED_BY_LIMIT,
            REFERENCED_BY_LIMIT));
  }

  void register(final Context ctx) {
    final String subject = Params.subject(ctx);
    final RegistryQueries current = queries.get();
    final RegisterSchemaRequest request = SchemaRequests.read(ctx, subject, current);
    if (request.id() != null && request.id() >= 0) {
      AccessControl.requireContextAdmin(ctx, subject);
    }
    final RegistrationCheck.Prepared prepared =
        RegistrationCheck.prepare(
            new Command.RegisterSchema(
                subject,
                request.schemaType(),
                request.schema(),
                request.references(),
                request.metadata(),
                request.ruleSet(),
                request.id(),
                request.version(),
                Params.flag(ctx, "normalize"),
                Params.flag(ctx, "force"),
                null),
            current);
    if (prepared.known().isPresent()) {
      AuditLog.touched(ctx, prepared.known().get());
      Json.respond(ctx, new RegisterSchemaResponse(prepared.known().get().id()));
      return;
    }
    ctx.future(
        () ->
            submitter
                .submit(prepared.command(), Outcome.Registered.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(
                    registered -> Json.respond(ctx, new RegisterSchemaResponse(registered.id()))));
  }

  void delete(final Context ctx) {
    final int version = Params.version(ctx);
    final Command.DeleteVersion command =
        new Command.DeleteVersion(Params.subject(ctx), version, Params.flag(ctx, "permanent"));
    ctx.future(
        () ->
            submitter
                .submit(command, Outcome.Deleted.class)
                .thenApply(outcome -> AuditLog.touched(ctx, outcome))
                .thenAccept(deleted -> Json.respond(ctx, deleted.versions().get(0))));
  }

  private static RegisteredSchema find(final Context ctx, final RegistryQueries current) {
    return current
        .subjects()
        .version(
            QualifiedSubject.normalize(Params.subject(ctx)),
            Params.version(ctx),
            Params.flag(ctx, "deleted"));
  }
}
