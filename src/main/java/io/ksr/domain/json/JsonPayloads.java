package io.ksr.domain.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.domain.ParsedSchema;
import java.util.List;

/** Checks JSON values against JSON Schemas, for serializers that validate what they write. */
public final class JsonPayloads {
  private JsonPayloads() {}

  /**
   * What makes a value not fit a schema, one line per problem naming where; empty when it fits.
   *
   * @param schema a schema of type JSON, parsed with its references
   * @throws IllegalArgumentException for a schema of another type
   */
  public static List<String> problems(final ParsedSchema schema, final JsonNode payload) {
    if (!(schema instanceof JsonSchema json)) {
      throw new IllegalArgumentException("not a JSON Schema: " + schema.type());
    }
    return json.validate(payload);
  }
}
