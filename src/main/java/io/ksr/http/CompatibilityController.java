package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.Errors;
import io.ksr.domain.RegistryException;
import io.ksr.domain.Versions;
import io.ksr.http.dto.CompatibilityResponse;
import io.ksr.http.dto.RegisterSchemaRequest;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegistryQueries;
import io.ksr.store.StoredVersion;
import java.util.List;
import java.util.function.Supplier;

/**
 * Whether a schema could be registered: against one version, or as a registration would check it.
 * Answered from this instance's store; nothing is written.
 */
final class CompatibilityController {
  private final Supplier<RegistryQueries> queries;

  CompatibilityController(final Supplier<RegistryQueries> queries) {
    this.queries = queries;
  }

  void checkVersion(final Context ctx) {
    final String subject = Params.subject(ctx);
    final int version = Params.version(ctx);
    final RegistryQueries current = queries.get();
    final List<StoredVersion> live =
        current.reader().versions(subject).stream().filter(v -> !v.deleted()).toList();
    final StoredVersion target;
    if (version == Versions.LATEST) {
      target = live.isEmpty() ? null : live.get(live.size() - 1);
    } else {
      target =
          live.stream()
              .filter(v -> v.version() == version)
              .findFirst()
              .orElseThrow(() -> Errors.versionNotFound(version));
    }
    respond(
        ctx,
        current,
        subject,
        candidate ->
            target == null
                ? List.of()
                : current.compatibility().checkAgainst(subject, target, candidate.parsed()));
  }

  void checkAll(final Context ctx) {
    final String subject = Params.subject(ctx);
    final RegistryQueries current = queries.get();
    respond(
        ctx,
        current,
        subject,
        candidate ->
            current
                .compatibility()
                .check(subject, candidate.parsed(), candidate.entry().metadata()));
  }

  private interface Check {
    List<String> problems(Candidate candidate);
  }

  private void respond(
      final Context ctx, final RegistryQueries current, final String subject, final Check check) {
    final boolean verbose = Params.flag(ctx, "verbose");
    final RegisterSchemaRequest request = SchemaRequests.read(ctx, subject, current);
    final List<String> problems;
    try {
      problems = check.problems(SchemaRequests.parse(ctx, request, subject, current, true));
    } catch (final RegistryException e) {
      if (!verbose || e.errorCode() != ErrorCode.INVALID_SCHEMA) {
        throw e;
      }
      // Confluent reports an unparsable schema as incompatible when asked for details.
      Json.respond(ctx, new CompatibilityResponse(false, List.of(e.getMessage())));
      return;
    }
    Json.respond(ctx, new CompatibilityResponse(problems.isEmpty(), verbose ? problems : null));
  }
}
