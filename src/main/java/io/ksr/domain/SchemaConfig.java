package io.ksr.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The settings of a subject, of a context or of the whole registry ({@code GET /config}): the
 * compatibility level and Confluent's other per-subject settings. A null field is not set at this
 * scope.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({
  "alias",
  "normalize",
  "validateFields",
  "compatibilityLevel",
  "compatibilityGroup",
  "defaultMetadata",
  "overrideMetadata",
  "defaultRuleSet",
  "overrideRuleSet"
})
public record SchemaConfig(
    String alias,
    Boolean normalize,
    Boolean validateFields,
    String compatibilityLevel,
    String compatibilityGroup,
    JsonNode defaultMetadata,
    JsonNode overrideMetadata,
    JsonNode defaultRuleSet,
    JsonNode overrideRuleSet) {

  /** The key that {@code PUT /config} uses for the compatibility level. */
  public static final String UPDATE_LEVEL_KEY = "compatibility";

  private static final String LEVEL_KEY = "compatibilityLevel";
  private static final ObjectMapper MAPPER = StrictJson.mapper();

  public static final SchemaConfig EMPTY =
      new SchemaConfig(null, null, null, null, null, null, null, null, null);

  /** Settings with only a compatibility level. */
  public static SchemaConfig ofLevel(final CompatibilityLevel level) {
    return new SchemaConfig(null, null, null, level.name(), null, null, null, null, null);
  }

  /** The compatibility level, if one is set at this scope and valid. */
  public CompatibilityLevel level() {
    if (compatibilityLevel == null) {
      return null;
    }
    try {
      return CompatibilityLevel.parse(compatibilityLevel);
    } catch (final RegistryException e) {
      // A level that another writer stored and we cannot read counts as no level at all.
      return null;
    }
  }

  /**
   * These settings with a {@code PUT /config} body applied: a key that is present sets its value,
   * or clears it when the value is null; absent keys keep theirs.
   *
   * @throws RegistryException 42203 for an unknown compatibility level, 42210 for an invalid rule
   *     set, 400 for a value of the wrong type
   */
  public SchemaConfig updatedWith(final ObjectNode update) {
    final ObjectNode merged = MAPPER.valueToTree(this);
    for (final Iterator<Map.Entry<String, JsonNode>> it = update.fields(); it.hasNext(); ) {
      final Map.Entry<String, JsonNode> field = it.next();
      final String key = UPDATE_LEVEL_KEY.equals(field.getKey()) ? LEVEL_KEY : field.getKey();
      final JsonNode value = field.getValue();
      if (value == null || value.isNull()) {
        merged.remove(key);
      } else if (key.equals(LEVEL_KEY)) {
        merged.put(key, CompatibilityLevel.parse(value.asText()).name());
      } else {
        merged.set(key, value);
      }
    }
    final SchemaConfig result;
    try {
      result = MAPPER.treeToValue(merged, SchemaConfig.class);
    } catch (final com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RegistryException(ErrorCode.BAD_REQUEST, "The config " + StrictJson.problem(e));
    }
    DataContracts.validateRuleSet(result.defaultRuleSet());
    DataContracts.validateRuleSet(result.overrideRuleSet());
    return result;
  }

  /** These settings where set, else those of {@code fallback}: a subject's over the global ones. */
  public SchemaConfig over(final SchemaConfig fallback) {
    return new SchemaConfig(
        alias != null ? alias : fallback.alias,
        normalize != null ? normalize : fallback.normalize,
        validateFields != null ? validateFields : fallback.validateFields,
        compatibilityLevel != null ? compatibilityLevel : fallback.compatibilityLevel,
        compatibilityGroup != null ? compatibilityGroup : fallback.compatibilityGroup,
        defaultMetadata != null ? defaultMetadata : fallback.defaultMetadata,
        overrideMetadata != null ? overrideMetadata : fallback.overrideMetadata,
        defaultRuleSet != null ? defaultRuleSet : fallback.defaultRuleSet,
        overrideRuleSet != null ? overrideRuleSet : fallback.overrideRuleSet);
  }

  /** These settings as the JSON object that {@code PUT /config} echoes. */
  public ObjectNode asUpdate() {
    final ObjectNode update = MAPPER.createObjectNode();
    for (final Iterator<Map.Entry<String, JsonNode>> it =
            MAPPER.<ObjectNode>valueToTree(this).fields();
        it.hasNext(); ) {
      final Map.Entry<String, JsonNode> field = it.next();
      update.set(
          LEVEL_KEY.equals(field.getKey()) ? UPDATE_LEVEL_KEY : field.getKey(), field.getValue());
    }
    return update;
  }
}
