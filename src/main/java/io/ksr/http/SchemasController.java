package io.ksr.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.http.dto.SchemaResponse;
import io.ksr.http.dto.SchemaStringResponse;
import io.ksr.http.dto.SubjectVersionResponse;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader.Usage;
import io.ksr.store.SchemaQueries.SchemaById;
import io.ksr.store.StoredVersion;
import io.ksr.store.SubjectQueries.Visibility;
import java.util.List;
import java.util.function.Supplier;

/** Schemas by id, lists of schemas, and the schema types this registry serves. */
final class SchemasController {
  /** Confluent's default and highest {@code limit} of {@code GET /schemas}. */
  private static final int SCHEMAS_LIMIT = 1000;

  /** The order Confluent's registry lists the types in, which some tools compare verbatim. */
  private static final List<SchemaType> TYPES_IN_CONFLUENTS_ORDER =
      List.of(SchemaType.JSON, SchemaType.PROTOBUF, SchemaType.AVRO);

  private final Supplier<RegistryQueries> queries;
  private final SchemaProviders providers;

  SchemasController(final Supplier<RegistryQueries> queries, final SchemaProviders providers) {
    this.queries = queries;
    this.providers = providers;
  }

  void getById(final Context ctx) {
    final RegistryQueries current = queries.get();
    final SchemaById found = find(ctx, current);
    final Integer maxId =
        Params.flag(ctx, "fetchMaxId") ? maxId(ctx, current, found.context()) : null;
    Json.respond(
        ctx,
        SchemaStringResponse.of(
                found.schema(), Formats.text(ctx, current, found.context(), found.schema()), maxId)
            .withReferences(Formats.references(ctx, found.context(), found.schema().references())));
  }

  void getRawById(final Context ctx) {
    final RegistryQueries current = queries.get();
    final SchemaById found = find(ctx, current);
    Json.respondRaw(ctx, Formats.text(ctx, current, found.context(), found.schema()));
  }

  void subjectsById(final Context ctx) {
    final List<String> subjects = usages(ctx).stream().map(Usage::subject).distinct().toList();
    Json.respond(ctx, Params.page(ctx, subjects));
  }

  void versionsById(final Context ctx) {
    final List<SubjectVersionResponse> versions =
        usages(ctx).stream()
            .map(usage -> new SubjectVersionResponse(usage.subject(), usage.version()))
            .toList();
    Json.respond(ctx, Params.page(ctx, versions));
  }

  void list(final Context ctx) {
    final String prefix = Params.subjectPrefix(ctx);
    final List<SchemaResponse> schemas =
        queries
            .get()
            .schemas()
            .schemas(
                prefix == null ? "" : prefix,
                Params.flag(ctx, "deleted"),
                Params.flag(ctx, "latestOnly"))
            .stream()
            .filter(found -> hasRuleOfType(found, ctx.queryParam("ruleType")))
            .filter(found -> AccessControl.canRead(ctx, found.subject()))
            .map(found -> SchemaResponse.of(found, found.schema().schema()))
            .toList();
    Json.respond(ctx, Params.page(ctx, schemas, SCHEMAS_LIMIT, SCHEMAS_LIMIT));
  }

  void types(final Context ctx) {
    Json.respond(
        ctx,
        TYPES_IN_CONFLUENTS_ORDER.stream()
            .filter(providers.types()::contains)
            .map(SchemaType::name)
            .toList());
  }

  /** The {@code ruleType} filter: only schemas with a rule of that type, when one is given. */
  private static boolean hasRuleOfType(final RegisteredSchema found, final String ruleType) {
    if (ruleType == null || ruleType.isBlank()) {
      return true;
    }
    final JsonNode ruleSet = found.schema().ruleSet();
    if (ruleSet == null) {
      return false;
    }
    for (final JsonNode rules : ruleSet) {
      for (final JsonNode rule : rules) {
        if (ruleType.equals(rule.path("type").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  /** Where a schema is used, among the subjects the caller may read. */
  /**
   * The highest id of the context, or for a caller who may not read everything, the highest id of
   * the subjects it may read: how many schemas exist is not the caller's to learn.
   */
  private static int maxId(final Context ctx, final RegistryQueries current, final String context) {
    if (!AccessControl.of(ctx).restricted()) {
      return current.reader().maxId(context);
    }
    final String prefix =
        QualifiedSubject.DEFAULT_CONTEXT.equals(context)
            ? ""
            : new QualifiedSubject(context, "").qualified();
    int max = 0;
    for (final String subject : current.subjects().subjects(prefix, Visibility.ALL)) {
      if (AccessControl.canRead(ctx, subject)) {
        for (final StoredVersion version : current.reader().versions(subject)) {
          max = Math.max(max, version.id());
        }
      }
    }
    return max;
  }

  private List<Usage> usages(final Context ctx) {
    return queries
        .get()
        .schemas()
        .versionsOf(
            Params.intPath(ctx, "id"), Params.subjectQuery(ctx), Params.flag(ctx, "deleted"))
        .stream()
        .filter(usage -> AccessControl.canRead(ctx, usage.subject()))
        .toList();
  }

  private static SchemaById find(final Context ctx, final RegistryQueries current) {
    return current.schemas().schemaById(Params.intPath(ctx, "id"), Params.subjectQuery(ctx));
  }
}
