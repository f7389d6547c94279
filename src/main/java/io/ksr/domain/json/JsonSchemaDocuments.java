package io.ksr.domain.json;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.Errors;
import io.ksr.domain.RegistryException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON Schema and the schemas it references, and where each {@code $ref} in them points.
 *
 * <p>An external {@code $ref} names a document by a reference's name, as registered ({@code
 * "address.json"} or {@code "https://example.com/address.json"}), optionally followed by a
 * fragment. A name also matches once both are resolved against the base URI ({@code $id}) of the
 * schema, so {@code "./address.json"} finds {@code "address.json"}. Fragments are JSON pointers
 * ({@code #/definitions/a}), or anchors ({@code $anchor}, or a draft 4 to 7 {@code $id} such as
 * {@code #a}).
 */
final class JsonSchemaDocuments {
  private final Document main;
  private final Map<String, Document> byName;
  private final Map<String, Document> byUri = new HashMap<>();

  /** One parsed document: the main schema, or a referenced one. */
  final class Document {
    private final String name;
    private final JsonNode root;
    private final JsonSchemaDraft draft;
    private final URI base;

    private Document(final String name, final JsonNode root, final URI base) {
      this.name = name;
      this.root = root;
      this.draft = JsonSchemaDraft.of(root);
      this.base = base;
    }

    /** The reference name it is known by; null for the main schema. */
    String name() {
      return name;
    }

    JsonNode root() {
      return root;
    }

    JsonSchemaDraft draft() {
      return draft;
    }

    /**
     * The schema a {@code $ref} in this document points at.
     *
     * @throws RegistryException 42201 when it points at no document or no schema in one
     */
    Target resolve(final String ref) {
      final int hash = ref.indexOf('#');
      final String address = hash >= 0 ? ref.substring(0, hash) : ref;
      final String fragment = hash >= 0 ? ref.substring(hash + 1) : "";
      final Document document = address.isEmpty() ? this : find(this, address);
      if (document == null) {
        throw invalid(
            "$ref '"
                + ref
                + "' points at '"
                + address
                + "', which is not one of the schema's references");
      }
      final JsonNode target = document.locate(decode(ref, fragment));
      if (target == null || !JsonSchemaKeywords.isSchema(target)) {
        throw invalid("$ref '" + ref + "' points at no schema");
      }
      return new Target(document, target);
    }

    private JsonNode locate(final String fragment) {
      if (fragment.isEmpty()) {
        return root;
      }
      if (fragment.startsWith("/")) {
        final JsonNode found = root.at(JsonPointer.compile(fragment));
        return found.isMissingNode() ? null : found;
      }
      final JsonNode[] anchored = new JsonNode[1];
      JsonSchemaKeywords.walk(
          root,
          schema -> {
            if (anchored[0] == null && names(schema, fragment)) {
              anchored[0] = schema;
            }
          });
      return anchored[0];
    }

    private boolean names(final JsonNode schema, final String anchor) {
      // Before 2019-09 an anchor is an id that is only a fragment.
      final boolean byId = draft.before(JsonSchemaDraft.DRAFT_2019_09);
      final JsonNode named = schema.get(byId ? draft.idKeyword() : "$anchor");
      return named != null
          && named.isTextual()
          && named.asText().equals(byId ? "#" + anchor : anchor);
    }

    @Override
    public String toString() {
      return name == null ? "the schema" : "reference '" + name + "'";
    }
  }

  /** A schema that a {@code $ref} points at, and the document it is in. */
  record Target(Document document, JsonNode schema) {}

  /**
   * @param references each reference's name and parsed text; the first of two with one name wins
   */
  JsonSchemaDocuments(final JsonNode main, final Map<String, JsonNode> references) {
    this.main = new Document(null, main, idOf(main, null));
    byName = new LinkedHashMap<>();
    references.forEach(
        (name, root) -> {
          final URI base = idOf(root, resolve(this.main.base, name));
          byName.put(name, new Document(name, root, base));
        });
    // The main schema first, then names: a reference's $id never hides either of them.
    register(this.main.base, this.main);
    byName.forEach((name, document) -> register(resolve(this.main.base, name), document));
    byName.values().forEach(document -> register(document.base, document));
  }

  /** The same references with another main schema, such as its normal form. */
  JsonSchemaDocuments withMain(final JsonNode other) {
    final Map<String, JsonNode> references = new LinkedHashMap<>();
    byName.forEach((name, document) -> references.put(name, document.root));
    return new JsonSchemaDocuments(other, references);
  }

  Document main() {
    return main;
  }

  /** The referenced documents, by name, in the order they were given. */
  List<Document> references() {
    return new ArrayList<>(byName.values());
  }

  private void register(final URI uri, final Document document) {
    if (uri != null) {
      byUri.putIfAbsent(uri.toString(), document);
    }
  }

  private Document find(final Document from, final String address) {
    final Document named = byName.get(address);
    if (named != null) {
      return named;
    }
    final URI resolved = resolve(from.base, address);
    return resolved == null ? null : byUri.get(resolved.toString());
  }

  private static URI idOf(final JsonNode root, final URI fallback) {
    if (root.isObject()) {
      final JsonNode id = root.get(JsonSchemaDraft.of(root).idKeyword());
      if (id != null && id.isTextual()) {
        final URI uri = resolve(fallback, id.asText());
        if (uri != null) {
          return uri;
        }
      }
    }
    return fallback;
  }

  /** {@code address} resolved against {@code base}, without a fragment; null when malformed. */
  private static URI resolve(final URI base, final String address) {
    try {
      final URI uri = new URI(address);
      final URI absolute = base == null ? uri.normalize() : base.resolve(uri).normalize();
      return new URI(absolute.getScheme(), absolute.getSchemeSpecificPart(), null);
    } catch (final URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private static String decode(final String ref, final String fragment) {
    try {
      // Fragments are URI-encoded: %25 is '%', and a '+' is itself, not a space.
      return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (final IllegalArgumentException e) {
      throw invalid("$ref '" + ref + "' has a malformed fragment");
    }
  }

  private static RegistryException invalid(final String details) {
    return Errors.invalidSchema("Invalid schema of type JSON, details: " + details);
  }
}
