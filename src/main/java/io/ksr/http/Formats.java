package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaReference;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SchemaEntry;
import java.util.List;

/**
 * The {@code format} and {@code referenceFormat} query parameters: a schema's text in another
 * rendering (such as {@code resolved}), and references with qualified subjects.
 */
final class Formats {
  private Formats() {}

  /** A version's schema text, in the requested format. */
  static String text(
      final Context ctx, final RegistryQueries queries, final RegisteredSchema found) {
    return text(ctx, queries, QualifiedSubject.contextOf(found.subject()), found.schema());
  }

  /** A schema's text, in the requested format; stored text when none is requested. */
  static String text(
      final Context ctx,
      final RegistryQueries queries,
      final String context,
      final SchemaEntry schema) {
    final String format = ctx.queryParam("format");
    if (format == null || format.isBlank()) {
      return schema.schema();
    }
    try {
      // A resolved rendering writes out what the schema references: only for a caller who may
      // read all of it.
      if (!AccessControl.canReadReferences(ctx, context, schema.references(), queries)) {
        return schema.schema();
      }
      return queries.resolver().parseStored(context, schema).formatted(format.trim());
    } catch (final RegistryException e) {
      // A format is a rendering wish, never a reason to fail a read (Confluent's rule).
      return schema.schema();
    }
  }

  /**
   * A schema's references as a read asks for them: with {@code referenceFormat=qualified}, each
   * subject is written with the context it is looked up in.
   */
  static List<SchemaReference> references(
      final Context ctx, final String context, final List<SchemaReference> references) {
    if (!"qualified".equals(ctx.queryParam("referenceFormat"))) {
      return references;
    }
    return references.stream()
        .map(
            reference ->
                new SchemaReference(
                    reference.name(),
                    QualifiedSubject.inContext(context, reference.subject()),
                    reference.version()))
        .toList();
  }
}
