package io.ksr.client.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.client.ClientReferences;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaString;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.domain.json.JsonPayloads;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;

/**
 * JSON Schemas on the client side: their titles, which name subjects under the record name
 * strategies, and checking values against them with the server's own parser.
 */
final class JsonSchemas {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();
  private static final int CACHED_SCHEMAS = 1000;

  private final SchemaRegistryClient client;
  private final Map<SchemaString, ParsedSchema> parsed =
      Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<SchemaString, ParsedSchema> e) {
              return size() > CACHED_SCHEMAS;
            }
          });

  JsonSchemas(final SchemaRegistryClient client) {
    this.client = client;
  }

  /** A schema's {@code title}, which names its subject under the record name strategies. */
  static String titleOf(final String schema) {
    try {
      final JsonNode title = MAPPER.readTree(schema).get("title");
      return title != null && title.isTextual() ? title.textValue() : null;
    } catch (final IOException e) {
      throw new SerializationException("The JSON Schema is not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Fails when a value does not fit its schema ({@code json.fail.invalid.schema}).
   *
   * @throws SerializationException naming every problem
   */
  void requireValid(final SchemaString schema, final JsonNode payload) {
    final List<String> problems = JsonPayloads.problems(parse(schema), payload);
    if (!problems.isEmpty()) {
      throw new SerializationException("The value does not fit its JSON Schema: " + problems);
    }
  }

  private ParsedSchema parse(final SchemaString schema) {
    return parsed.computeIfAbsent(
        schema,
        s -> {
          try {
            return PROVIDERS.parse(
                SchemaType.JSON, s.schema(), ClientReferences.closure(s, client), false);
          } catch (final RegistryException e) {
            throw new SerializationException("Not a usable JSON Schema: " + e.getMessage(), e);
          }
        });
  }
}
