package io.ksr.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Confluent's data-contract parts of a schema: {@code metadata} (tags, properties, sensitive
 * property names) and {@code ruleSet} (migration, domain and encoding rules). The registry stores
 * them as JSON; this class merges and validates them as Confluent does.
 */
public final class DataContracts {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_RULE_NAME = 64;
  private static final Pattern RULE_NAME_START = Pattern.compile("[A-Za-z_]");
  private static final Pattern RULE_NAME = Pattern.compile("[A-Za-z0-9_\\-]+");
  private static final String ENCODING_RULES = "encodingRules";
  private static final List<String> MIGRATION_MODES = List.of("UPGRADE", "DOWNGRADE", "UPDOWN");
  private static final List<String> DOMAIN_MODES = List.of("WRITE", "READ", "WRITEREAD");

  private DataContracts() {}

  /** Null for an absent, null or empty object, so that "no metadata" has one form. */
  public static JsonNode emptyToNull(final JsonNode node) {
    return node == null || node.isNull() || (node.isObject() && node.isEmpty()) ? null : node;
  }

  /** Whether two metadata say the same, whatever the order of their keys, tags and names. */
  public static boolean sameMetadata(final JsonNode a, final JsonNode b) {
    return Objects.equals(sortedMetadata(a), sortedMetadata(b));
  }

  /**
   * Metadata with {@code overlay}'s entries over {@code base}'s: tags and properties by key, the
   * sensitive names as a union. Maps and sets come out sorted, as Confluent writes them.
   */
  public static JsonNode mergeMetadata(final JsonNode base, final JsonNode overlay) {
    if (emptyToNull(base) == null) {
      return sortedMetadata(overlay);
    }
    if (emptyToNull(overlay) == null) {
      return sortedMetadata(base);
    }
    final ObjectNode merged = JSON.objectNode();
    final TreeMap<String, JsonNode> tags = new TreeMap<>();
    putFields(tags, base.get("tags"));
    putFields(tags, overlay.get("tags"));
    final TreeMap<String, JsonNode> properties = new TreeMap<>();
    putFields(properties, base.get("properties"));
    putFields(properties, overlay.get("properties"));
    final TreeSet<String> sensitive = new TreeSet<>();
    addTexts(sensitive, base.get("sensitive"));
    addTexts(sensitive, overlay.get("sensitive"));
    putSorted(merged, tags, properties, sensitive);
    return emptyToNull(merged);
  }

  /**
   * A rule set with {@code overlay}'s rules added to {@code base}'s in each kind; a rule of {@code
   * overlay} replaces the rule of {@code base} with the same name.
   */
  public static JsonNode mergeRuleSets(final JsonNode base, final JsonNode overlay) {
    if (emptyToNull(base) == null) {
      return emptyToNull(overlay);
    }
    if (emptyToNull(overlay) == null) {
      return base;
    }
    final ObjectNode merged = JSON.objectNode();
    for (final String kind : List.of("migrationRules", "domainRules", ENCODING_RULES)) {
      final Set<String> replaced = new HashSet<>();
      for (final JsonNode rule : overlay.path(kind)) {
        replaced.add(rule.path("name").asText());
      }
      final ArrayNode rules = JSON.arrayNode();
      for (final JsonNode rule : base.path(kind)) {
        if (!replaced.contains(rule.path("name").asText())) {
          rules.add(rule);
        }
      }
      overlay.path(kind).forEach(rules::add);
      if (!rules.isEmpty()) {
        merged.set(kind, rules);
      }
    }
    return emptyToNull(merged);
  }

  /**
   * Checks a rule set as Confluent does before storing it.
   *
   * @throws RegistryException 42210 naming what is wrong
   */
  public static void validateRuleSet(final JsonNode ruleSet) {
    if (emptyToNull(ruleSet) == null) {
      return;
    }
    if (!ruleSet.isObject()) {
      throw Errors.invalidRuleSet("Invalid rule set: it must be a JSON object");
    }
    final Set<String> names = new HashSet<>();
    validateRules(ruleSet.path("migrationRules"), "Migration", MIGRATION_MODES, names);
    validateRules(ruleSet.path("domainRules"), "Domain", DOMAIN_MODES, names);
    validateRules(ruleSet.path(ENCODING_RULES), "Encoding", DOMAIN_MODES, names);
  }

  private static void validateRules(
      final JsonNode rules, final String kind, final List<String> modes, final Set<String> names) {
    if (rules.isMissingNode() || rules.isNull()) {
      return;
    }
    if (!rules.isArray()) {
      throw Errors.invalidRuleSet(kind + " rules must be a list");
    }
    for (final JsonNode rule : rules) {
      validateName(rule.get("name"));
      final String name = rule.get("name").asText();
      if (!names.add(name)) {
        throw Errors.invalidRuleSet("Found rule with duplicate name '" + name + "'");
      }
      if (rule.path("type").asText("").isEmpty()) {
        throw Errors.invalidRuleSet("Missing rule type");
      }
      final String mode = rule.path("mode").asText("");
      if (!modes.contains(mode)) {
        throw Errors.invalidRuleSet(kind + " rules can only be " + String.join(", ", modes));
      }
      final boolean multipleAllowed = mode.equals("WRITEREAD") || mode.equals("UPDOWN");
      if (!multipleAllowed
          && (rule.path("onSuccess").asText("").contains(",")
              || rule.path("onFailure").asText("").contains(","))) {
        throw Errors.invalidRuleSet("Multiple actions only valid with WRITEREAD and UPDOWN");
      }
    }
  }

  private static void validateName(final JsonNode node) {
    if (node == null || node.isNull()) {
      throw Errors.invalidRuleSet("Missing rule name");
    }
    final String name = node.asText();
    if (name.isEmpty()) {
      throw Errors.invalidRuleSet("Empty rule name");
    }
    if (name.length() > MAX_RULE_NAME) {
      throw Errors.invalidRuleSet("Rule name too long");
    }
    if (!RULE_NAME_START.matcher(name.substring(0, 1)).matches()) {
      throw Errors.invalidRuleSet("Illegal initial character in rule name: " + name);
    }
    if (!RULE_NAME.matcher(name).matches()) {
      throw Errors.invalidRuleSet("Illegal character in rule name: " + name);
    }
  }

  private static JsonNode sortedMetadata(final JsonNode metadata) {
    if (emptyToNull(metadata) == null) {
      return null;
    }
    final TreeMap<String, JsonNode> tags = new TreeMap<>();
    putFields(tags, metadata.get("tags"));
    final TreeMap<String, JsonNode> properties = new TreeMap<>();
    putFields(properties, metadata.get("properties"));
    final TreeSet<String> sensitive = new TreeSet<>();
    addTexts(sensitive, metadata.get("sensitive"));
    final ObjectNode sorted = JSON.objectNode();
    putSorted(sorted, tags, properties, sensitive);
    return emptyToNull(sorted);
  }

  private static void putSorted(
      final ObjectNode target,
      final TreeMap<String, JsonNode> tags,
      final TreeMap<String, JsonNode> properties,
      final TreeSet<String> sensitive) {
    if (!tags.isEmpty()) {
      final ObjectNode node = target.putObject("tags");
      tags.forEach(
          (path, values) -> {
            final TreeSet<String> sortedValues = new TreeSet<>();
            addTexts(sortedValues, values);
            final ArrayNode array = node.putArray(path);
            sortedValues.forEach(array::add);
          });
    }
    if (!properties.isEmpty()) {
      final ObjectNode node = target.putObject("properties");
      properties.forEach(node::set);
    }
    if (!sensitive.isEmpty()) {
      final ArrayNode array = target.putArray("sensitive");
      new LinkedHashSet<>(sensitive).forEach(array::add);
    }
  }

  private static void putFields(final Map<String, JsonNode> target, final JsonNode object) {
    if (object == null || !object.isObject()) {
      return;
    }
    for (final Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      final Map.Entry<String, JsonNode> field = it.next();
      target.put(field.getKey(), field.getValue());
    }
  }

  private static void addTexts(final Set<String> target, final JsonNode array) {
    if (array != null && array.isArray()) {
      array.forEach(item -> target.add(item.asText()));
    }
  }
}
