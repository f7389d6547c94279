package io.ksr.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.ksr.domain.DataContracts;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.http.dto.RegisterSchemaRequest;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SchemaEntry;
import io.ksr.store.SchemaResolver;
import java.util.List;

/**
 * Schemas posted to register, look up or check: read from the body, and parsed against this
 * instance's store, which resolves their references.
 */
final class SchemaRequests {
  private final SchemaProviders providers;

  SchemaRequests(final SchemaProviders providers) {
    this.providers = providers;
  }

  /** A posted schema, parsed, with its references made concrete. */
  record Posted(RegisterSchemaRequest request, ParsedSchema parsed, SchemaEntry entry) {
    /** What makes it the same schema as a stored one. */
    SchemaIdentity identity() {
      return entry.identity();
    }

    /** The same schema with other metadata and rule set. */
    Posted withDataContracts(final JsonNode metadata, final JsonNode ruleSet) {
      return new Posted(
          request,
          parsed,
          new SchemaEntry(
              entry.schema(),
              entry.schemaType(),
              entry.references(),
              DataContracts.emptyToNull(metadata),
              DataContracts.emptyToNull(ruleSet)));
    }
  }

  /** Reads the request body. */
  static RegisterSchemaRequest read(final Context ctx) {
    return Json.read(ctx, RegisterSchemaRequest.class);
  }

  /**
   * Parses a posted schema for a subject, normalized when the request or the subject's config asks
   * for it.
   *
   * @param isNew whether it is about to be registered, which validates it strictly
   */
  Posted parse(
      final Context ctx,
      final RegisterSchemaRequest request,
      final String subject,
      final RegistryQueries queries,
      final boolean isNew) {
    final String context = QualifiedSubject.contextOf(subject);
    final SchemaResolver.Resolved resolved =
        queries.resolver().resolve(context, request.references(), !isNew);
    final SchemaType type = SchemaType.parse(request.schemaType());
    ParsedSchema parsed = providers.parse(type, request.schema(), resolved.closure(), isNew);
    List<SchemaReference> references = resolved.references();
    final SchemaConfig config = queries.settings().effectiveConfig(subject);
    if (Params.flag(ctx, "normalize") || Boolean.TRUE.equals(config.normalize())) {
      parsed = parsed.normalize();
      references = SchemaReference.normalized(references);
    }
    return new Posted(
        request,
        parsed,
        new SchemaEntry(
            parsed.canonicalString(),
            type == SchemaType.AVRO ? null : type.name(),
            references,
            DataContracts.emptyToNull(request.metadata()),
            DataContracts.emptyToNull(request.ruleSet())));
  }
}
