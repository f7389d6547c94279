package io.ksr.writer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON of command and reply records. */
final class WriterJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .build();

  private WriterJson() {}

  static byte[] write(final Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (final IOException e) {
      throw new UncheckedIOException("commands and replies are plain records", e);
    }
  }

  /**
   * @throws IOException when the bytes are not a value of that type
   */
  static <T> T read(final byte[] bytes, final Class<T> type) throws IOException {
    if (bytes == null) {
      throw new IOException("no value");
    }
    return MAPPER.readValue(bytes, type);
  }
}
