package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.json.JsonSchemaDocuments.Document;
import io.ksr.domain.json.JsonSchemaDocuments.Target;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * What one JSON Schema is, for comparing it with another: a single kind of schema, or a combination
 * of several.
 *
 * <p>A schema that says several things is split as Confluent's schema loader splits it: {@code
 * {"type":"string","enum":["a"]}} is the combination {@code allOf} of a string schema and an enum
 * schema, {@code {"type":["string","null"]}} is {@code anyOf} a string and a null schema, and a
 * schema without {@code type} is of the kinds its keywords belong to ({@code maxLength} makes a
 * string schema). Before draft 2019-09 a {@code $ref} ignores the keywords beside it, as the drafts
 * say.
 */
final class JsonSchemaShape {
  enum Kind {
    EMPTY,
    FALSE,
    NULL,
    BOOLEAN,
    STRING,
    NUMBER,
    OBJECT,
    ARRAY,
    ENUM,
    CONST,
    COMBINED,
    NOT,
    REF,
    CONDITIONAL
  }

  static final String ALL_OF = "allOf";
  static final String ANY_OF = "anyOf";
  static final String ONE_OF = "oneOf";

  private static final List<String> OBJECT_KEYWORDS =
      List.of(
          "properties",
          "patternProperties",
          "additionalProperties",
          "required",
          "minProperties",
          "maxProperties",
          "dependencies",
          "dependentRequired",
          "dependentSchemas",
          "propertyNames",
          "unevaluatedProperties");
  private static final List<String> ARRAY_KEYWORDS =
      List.of(
          "items",
          "additionalItems",
          "prefixItems",
          "minItems",
          "maxItems",
          "uniqueItems",
          "contains",
          "minContains",
          "maxContains",
          "unevaluatedItems");
  private static final List<String> NUMBER_KEYWORDS =
      List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf");
  private static final List<String> STRING_KEYWORDS =
      List.of("minLength", "maxLength", "pattern", "format");

  private final Kind kind;
  private final Document document;
  private final JsonNode node;
  private final boolean integer;
  private final String criterion;
  private final List<JsonSchemaShape> subschemas;
  private final boolean synthetic;

  private JsonSchemaShape(
      final Kind kind,
      final Document document,
      final JsonNode node,
      final boolean integer,
      final String criterion,
      final List<JsonSchemaShape> subschemas,
      final boolean synthetic) {
    this.kind = kind;
    this.document = document;
    this.node = node;
    this.integer = integer;
    this.criterion = criterion;
    this.subschemas = subschemas;
    this.synthetic = synthetic;
  }

  private static JsonSchemaShape simple(
      final Kind kind, final Document document, final JsonNode node) {
    return new JsonSchemaShape(kind, document, node, false, null, List.of(), false);
  }

  private static JsonSchemaShape combined(
      final String criterion,
      final List<JsonSchemaShape> subschemas,
      final Document document,
      final JsonNode node,
      final boolean synthetic) {
    return new JsonSchemaShape(
        Kind.COMBINED, document, node, false, criterion, List.copyOf(subschemas), synthetic);
  }

  /** The shape of {@code node}, a schema in {@code document}; null when there is no schema. */
  static JsonSchemaShape of(final Document document, final JsonNode node) {
    if (node == null || !JsonSchemaKeywords.isSchema(node)) {
      return null;
    }
    if (node.isBoolean()) {
      return simple(node.booleanValue() ? Kind.EMPTY : Kind.FALSE, document, node);
    }
    final JsonSchemaDraft draft = document.draft();
    final List<JsonSchemaShape> aspects = new ArrayList<>();
    if (JsonSchemaKeywords.ref(node) != null) {
      if (draft.before(JsonSchemaDraft.DRAFT_2019_09)) {
        return simple(Kind.REF, document, node);
      }
      aspects.add(simple(Kind.REF, document, node));
    }
    if (node.has("enum")) {
      aspects.add(simple(Kind.ENUM, document, node));
    }
    if (node.has("const") && !draft.before(JsonSchemaDraft.DRAFT_6)) {
      aspects.add(simple(Kind.CONST, document, node));
    }
    for (final String criterion : List.of(ALL_OF, ANY_OF, ONE_OF)) {
      final JsonNode elements = node.get(criterion);
      if (elements != null && elements.isArray()) {
        final List<JsonSchemaShape> subschemas = new ArrayList<>();
        elements.forEach(
            element -> {
              if (JsonSchemaKeywords.isSchema(element)) {
                subschemas.add(of(document, element));
              }
            });
        aspects.add(combined(criterion, subschemas, document, node, false));
      }
    }
    if (node.has("not")) {
      aspects.add(simple(Kind.NOT, document, node));
    }
    if (node.has("if") && !draft.before(JsonSchemaDraft.DRAFT_7)) {
      aspects.add(simple(Kind.CONDITIONAL, document, node));
    }
    addTyped(aspects, document, node);
    if (aspects.isEmpty()) {
      return simple(Kind.EMPTY, document, node);
    }
    return aspects.size() == 1 ? aspects.get(0) : combined(ALL_OF, aspects, document, node, true);
  }

  private static void addTyped(
      final List<JsonSchemaShape> aspects, final Document document, final JsonNode node) {
    final JsonNode type = node.get("type");
    if (type != null && type.isTextual()) {
      aspects.add(typed(type.asText(), document, node));
    } else if (type != null && type.isArray() && type.size() == 1) {
      aspects.add(typed(type.get(0).asText(), document, node));
    } else if (type != null && type.isArray()) {
      final List<JsonSchemaShape> types = new ArrayList<>();
      type.forEach(name -> types.add(typed(name.asText(), document, node)));
      aspects.add(combined(ANY_OF, types, document, node, true));
    } else {
      sniff(aspects, OBJECT_KEYWORDS, Kind.OBJECT, document, node);
      sniff(aspects, ARRAY_KEYWORDS, Kind.ARRAY, document, node);
      sniff(aspects, NUMBER_KEYWORDS, Kind.NUMBER, document, node);
      sniff(aspects, STRING_KEYWORDS, Kind.STRING, document, node);
    }
  }

  private static void sniff(
      final List<JsonSchemaShape> aspects,
      final List<String> keywords,
      final Kind kind,
      final Document document,
      final JsonNode node) {
    if (keywords.stream().anyMatch(node::has)) {
      aspects.add(simple(kind, document, node));
    }
  }

  private static JsonSchemaShape typed(
      final String type, final Document document, final JsonNode node) {
    return switch (type) {
      case "integer" ->
          new JsonSchemaShape(Kind.NUMBER, document, node, true, null, List.of(), false);
      case "number" -> simple(Kind.NUMBER, document, node);
      case "string" -> simple(Kind.STRING, document, node);
      case "boolean" -> simple(Kind.BOOLEAN, document, node);
      case "object" -> simple(Kind.OBJECT, document, node);
      case "array" -> simple(Kind.ARRAY, document, node);
      default -> simple(Kind.NULL, document, node);
    };
  }

  /**
   * The schema a {@code $ref} leads to, through any number of {@code $ref}s; this shape when it is
   * no {@code $ref}. A ring of {@code $ref}s that leads to no other schema accepts anything.
   */
  JsonSchemaShape dereferenced() {
    final Set<JsonNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    JsonSchemaShape current = this;
    while (current.kind == Kind.REF) {
      if (!seen.add(current.node)) {
        return simple(Kind.EMPTY, current.document, current.node);
      }
      final Target target = current.document.resolve(JsonSchemaKeywords.ref(current.node));
      current = of(target.document(), target.schema());
    }
    return current;
  }

  /** The shape of a schema inside this one, such as the value of {@code items}. */
  JsonSchemaShape subschema(final JsonNode schema) {
    return of(document, schema);
  }

  /** The value of a keyword of this schema, or null when it has none. */
  JsonNode keyword(final String name) {
    return node.get(name);
  }

  /**
   * What two shapes share exactly when they say the same, so that a combination that lists a schema
   * twice counts it once.
   */
  String identity() {
    return facet() + "|" + document.name() + "|" + JsonSchemaJson.valueKey(node);
  }

  /**
   * What tells apart the shapes one schema is split into ({@code {"type":["string","null"]}} makes
   * a string and a null shape of the same schema).
   */
  String facet() {
    return kind + "|" + integer + "|" + criterion + "|" + synthetic;
  }

  Kind kind() {
    return kind;
  }

  Document document() {
    return document;
  }

  JsonNode node() {
    return node;
  }

  /** For a number schema: whether it only accepts integers. */
  boolean integer() {
    return integer;
  }

  /** For a combination: {@code allOf}, {@code anyOf} or {@code oneOf}. */
  String criterion() {
    return criterion;
  }

  List<JsonSchemaShape> subschemas() {
    return subschemas;
  }
}
