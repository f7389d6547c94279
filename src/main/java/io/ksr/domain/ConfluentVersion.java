package io.ksr.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code confluent:version} property of a schema's metadata: Confluent writes each new
 * version's number there once a client has asked for one, so two schemas that differ in it alone
 * are still the same schema.
 */
public final class ConfluentVersion {
  static final String PROPERTY = "confluent:version";

  private ConfluentVersion() {}

  /** Whether the metadata carries the property. */
  public static boolean isIn(final JsonNode metadata) {
    return metadata != null && metadata.path("properties").has(PROPERTY);
  }

  /** The version number the metadata names; null when it names none, or not a number. */
  public static Integer of(final JsonNode metadata) {
    if (!isIn(metadata)) {
      return null;
    }
    try {
      return Integer.valueOf(metadata.path("properties").path(PROPERTY).asText());
    } catch (final NumberFormatException e) {
      return null;
    }
  }

  /** The metadata with the property set to {@code version}. */
  public static JsonNode with(final JsonNode metadata, final int version) {
    final ObjectNode properties = JsonNodeFactory.instance.objectNode();
    properties.put(PROPERTY, Integer.toString(version));
    final ObjectNode overlay = JsonNodeFactory.instance.objectNode();
    overlay.set("properties", properties);
    return DataContracts.mergeMetadata(metadata, overlay);
  }

  /** The metadata without the property; null when nothing else is left. */
  public static JsonNode without(final JsonNode metadata) {
    if (!isIn(metadata)) {
      return DataContracts.emptyToNull(metadata);
    }
    final ObjectNode copy = metadata.deepCopy();
    ((ObjectNode) copy.get("properties")).remove(PROPERTY);
    if (copy.get("properties").isEmpty()) {
      copy.remove("properties");
    }
    return DataContracts.emptyToNull(copy);
  }
}
