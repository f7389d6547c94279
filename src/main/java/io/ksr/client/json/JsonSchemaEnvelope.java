package io.ksr.client.json;

import java.util.Objects;

/**
 * A value together with the JSON Schema it is written with, for the serializer: what Confluent
 * calls an envelope. The payload is any value Jackson can write (a JsonNode, a map, a POJO).
 */
public record JsonSchemaEnvelope(String schema, Object payload) {
  public JsonSchemaEnvelope {
    Objects.requireNonNull(schema, "schema can't be null");
  }
}
