package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.SchemaType;
import io.ksr.http.dto.RegisterSchemaRequest;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegistryQueries;

/** Schemas posted to register, look up or check: read from the body and parsed. */
final class SchemaRequests {
  private SchemaRequests() {}

  /**
   * Reads the request body, refusing references to subjects the caller may not read.
   *
   * @param subject the subject of the request, in whose context references are looked up
   */
  static RegisterSchemaRequest read(
      final Context ctx, final String subject, final RegistryQueries queries) {
    final RegisterSchemaRequest request = Json.read(ctx, RegisterSchemaRequest.class);
    AccessControl.requireReadableReferences(ctx, subject, request.references(), queries);
    return request;
  }

  /**
   * Parses a posted schema for a subject against this instance's store, normalized when the request
   * ({@code normalize=true}) or the subject's config asks for it.
   *
   * @param isNew whether it is about to be registered, which validates it strictly
   */
  static Candidate parse(
      final Context ctx,
      final RegisterSchemaRequest request,
      final String subject,
      final RegistryQueries queries,
      final boolean isNew) {
    return queries
        .candidates()
        .parse(
            subject,
            SchemaType.parse(request.schemaType()),
            request.schema(),
            request.references(),
            request.metadata(),
            request.ruleSet(),
            queries.candidates().normalizes(subject, Params.flag(ctx, "normalize")),
            isNew);
  }
}
