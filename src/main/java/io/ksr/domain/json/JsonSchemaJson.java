package io.ksr.domain.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.Errors;
import io.ksr.domain.RegistryException;
import java.math.BigDecimal;
import java.util.TreeSet;

/** Reads and writes the JSON text of JSON Schemas the way Confluent's JSON Schema provider does. */
final class JsonSchemaJson {
  /**
   * Decimals are read exactly, as Confluent reads them, so that {@code 1.50} is stored as written
   * and not as the double it is nearest to.
   */
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
          .build();

  private JsonSchemaJson() {}

  /**
   * Parses JSON text.
   *
   * @throws RegistryException 42201 naming where the text is not JSON
   */
  static JsonNode read(final String text, final String where) {
    try {
      return MAPPER.readTree(text);
    } catch (final JsonProcessingException e) {
      throw Errors.invalidSchema(
          "Invalid schema of type JSON, details: "
              + where
              + "not valid JSON: "
              + e.getOriginalMessage());
    }
  }

  /** The compact text of a tree, keys in the order they have. */
  static String write(final JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("A parsed JSON tree could not be written", e);
    }
  }

  /** A copy of the tree with the keys of every object in ascending order. */
  static JsonNode sorted(final JsonNode node) {
    if (node.isObject()) {
      final ObjectNode copy = MAPPER.createObjectNode();
      final TreeSet<String> keys = new TreeSet<>();
      node.fieldNames().forEachRemaining(keys::add);
      for (final String key : keys) {
        copy.set(key, sorted(node.get(key)));
      }
      return copy;
    }
    if (node.isArray()) {
      final ArrayNode copy = MAPPER.createArrayNode();
      node.forEach(element -> copy.add(sorted(element)));
      return copy;
    }
    return node;
  }

  /**
   * A text that two JSON values share exactly when they are equal as JSON: key order and the
   * spelling of numbers ({@code 1} and {@code 1.0}) do not count.
   */
  static String valueKey(final JsonNode node) {
    if (node.isNumber()) {
      return "n:" + node.decimalValue().stripTrailingZeros();
    }
    if (node.isObject()) {
      final StringBuilder key = new StringBuilder("{");
      final TreeSet<String> names = new TreeSet<>();
      node.fieldNames().forEachRemaining(names::add);
      for (final String name : names) {
        key.append(write(MAPPER.getNodeFactory().textNode(name)))
            .append(':')
            .append(valueKey(node.get(name)))
            .append(',');
      }
      return key.append('}').toString();
    }
    if (node.isArray()) {
      final StringBuilder key = new StringBuilder("[");
      node.forEach(element -> key.append(valueKey(element)).append(','));
      return key.append(']').toString();
    }
    return write(node);
  }

  /** The number a keyword holds, or null when it is absent or not a number. */
  static BigDecimal number(final JsonNode schema, final String keyword) {
    final JsonNode value = schema.get(keyword);
    return value != null && value.isNumber() ? value.decimalValue() : null;
  }
}
