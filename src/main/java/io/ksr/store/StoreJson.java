package io.ksr.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON for the store's own entries, and the canonical JSON that schema identities hash. */
final class StoreJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED)
          .build();

  private StoreJson() {}

  static byte[] write(final Object entry) {
    try {
      return MAPPER.writeValueAsBytes(entry);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("store entries are plain records", e);
    }
  }

  static <T> T read(final byte[] bytes, final Class<T> type) {
    try {
      return MAPPER.readValue(bytes, type);
    } catch (final IOException e) {
      throw new UncheckedIOException("store entry is not a " + type.getSimpleName(), e);
    }
  }

  /** JSON text with object keys sorted, so equal trees give equal text; null for null. */
  static String canonical(final JsonNode tree) {
    if (tree == null || tree.isNull()) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(tree);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON tree always serializes", e);
    }
  }
}
