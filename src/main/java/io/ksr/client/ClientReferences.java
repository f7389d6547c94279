package io.ksr.client;

import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The schemas a registered schema references, fetched through a client, in the order the server's
 * parsers take them: each after the ones it references itself.
 */
public final class ClientReferences {
  private ClientReferences() {}

  /** Every schema {@code schema} references, directly or not, the first binding of a name kept. */
  public static List<ResolvedReference> closure(
      final SchemaString schema, final SchemaRegistryClient client) {
    final List<ResolvedReference> closure = new ArrayList<>();
    visit(schema.references(), client, new HashSet<>(), closure);
    return closure;
  }

  private static void visit(
      final List<SchemaReference> references,
      final SchemaRegistryClient client,
      final Set<String> names,
      final List<ResolvedReference> closure) {
    for (final SchemaReference reference : references) {
      if (!names.add(reference.name())) {
        continue;
      }
      final SchemaVersion version = client.getVersion(reference.subject(), reference.version());
      visit(version.schema().references(), client, names, closure);
      closure.add(
          new ResolvedReference(
              reference.name(),
              version.subject(),
              version.version(),
              SchemaType.parse(version.schema().schemaType()),
              version.schema().schema()));
    }
  }
}
