package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.json.JsonSchemaDocuments.Document;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Writes a JSON Schema with the referenced documents it uses copied in, so that it stands alone
 * (the {@code resolved} format).
 *
 * <p>Each referenced document goes under the schema's {@code definitions} (drafts 4 to 7) or {@code
 * $defs}, keyed by its reference name, without its {@code $id} and {@code $schema}: an {@code $id}
 * would make it a resource of its own, against which the rewritten {@code $ref}s would not resolve.
 * Every {@code $ref} that leads to another document then points into the schema itself.
 */
final class JsonSchemaInliner {
  private final JsonSchemaDocuments documents;
  private final ObjectNode copy;
  private final String definitions;
  private final Set<String> taken = new HashSet<>();
  private final Map<Document, String> keys = new LinkedHashMap<>();
  private final Map<String, JsonNode> inlined = new LinkedHashMap<>();
  private final Deque<Document> pending = new ArrayDeque<>();

  private JsonSchemaInliner(final JsonSchemaDocuments documents, final ObjectNode copy) {
    this.documents = documents;
    this.copy = copy;
    this.definitions = documents.main().draft().definitionsKeyword();
    final JsonNode existing = copy.get(definitions);
    if (existing != null) {
      existing.fieldNames().forEachRemaining(taken::add);
    }
  }

  /** The main schema with the documents it references inlined; it is not changed itself. */
  static JsonNode inline(final JsonSchemaDocuments documents) {
    final JsonNode root = documents.main().root();
    return root.isObject()
        ? new JsonSchemaInliner(documents, (ObjectNode) root.deepCopy()).run()
        : root;
  }

  private JsonNode run() {
    rewriteRefs(documents.main(), copy);
    while (!pending.isEmpty()) {
      final Document document = pending.pop();
      final JsonNode inlinedRoot = document.root().deepCopy();
      if (inlinedRoot instanceof ObjectNode object) {
        object.remove(document.draft().idKeyword());
        object.remove("$schema");
      }
      rewriteRefs(document, inlinedRoot);
      inlined.put(keys.get(document), inlinedRoot);
    }
    if (!inlined.isEmpty()) {
      final JsonNode existing = copy.get(definitions);
      final ObjectNode target =
          existing instanceof ObjectNode object ? object : copy.putObject(definitions);
      inlined.forEach(target::set);
    }
    return copy;
  }

  /** Rewrites the refs of a copy of {@code document}, resolving them against the original. */
  private void rewriteRefs(final Document document, final JsonNode copyRoot) {
    JsonSchemaKeywords.walk(
        copyRoot,
        schema -> {
          final String ref = JsonSchemaKeywords.ref(schema);
          if (ref != null) {
            ((ObjectNode) schema).put(JsonSchemaKeywords.REF, rewritten(document, ref));
          }
        });
  }

  private String rewritten(final Document document, final String ref) {
    final Document target = document.resolve(ref).document();
    final int hash = ref.indexOf('#');
    final String fragment = hash >= 0 ? ref.substring(hash + 1) : "";
    if (!fragment.isEmpty() && !fragment.startsWith("/")) {
      // An anchor is found by its name wherever its schema is.
      return "#" + fragment;
    }
    if (target == documents.main()) {
      return "#" + fragment;
    }
    return "#/" + definitions + "/" + encode(keyOf(target)) + fragment;
  }

  private String keyOf(final Document document) {
    String key = keys.get(document);
    if (key == null) {
      key = document.name();
      for (int suffix = 2; taken.contains(key); suffix++) {
        key = document.name() + "_" + suffix;
      }
      taken.add(key);
      keys.put(document, key);
      pending.add(document);
    }
    return key;
  }

  /** A key as a JSON pointer segment in a URI fragment. */
  private static String encode(final String key) {
    final String segment = key.replace("~", "~0").replace("/", "~1");
    final StringBuilder encoded = new StringBuilder();
    for (final byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      final char c = (char) (b & 0xff);
      if (isFragmentCharacter(c)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }

  private static boolean isFragmentCharacter(final char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
  }
}
