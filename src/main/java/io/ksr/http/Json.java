package io.ksr.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.domain.StrictJson;
import java.io.IOException;

/**
 * Request bodies, read strictly as {@link StrictJson} says, and response bodies, written with the
 * negotiated media type.
 */
final class Json {
  private static final ObjectMapper MAPPER = StrictJson.mapper();

  private Json() {}

  /**
   * Reads a request body.
   *
   * @throws RegistryException 422 when the body is missing, 400 when it is not JSON of that shape
   */
  static <T> T read(final Context ctx, final Class<T> type) {
    // Bytes, not text: Jackson then refuses invalid UTF-8 instead of reading it as U+FFFD, and a
    // made-up charset in the Content-Type does not matter.
    final byte[] body = ctx.bodyAsBytes();
    if (isBlank(body)) {
      throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The request has no body");
    }
    try {
      final T value = MAPPER.readValue(body, type);
      if (value == null) {
        throw new RegistryException(ErrorCode.UNPROCESSABLE_ENTITY, "The request body is null");
      }
      return value;
    } catch (final JsonProcessingException e) {
      throw new RegistryException(
          ErrorCode.BAD_REQUEST, "The request body " + StrictJson.problem(e));
    } catch (final IOException e) {
      throw new RegistryException(
          ErrorCode.BAD_REQUEST, "The request body is not valid JSON: " + e.getMessage());
    }
  }

  /**
   * Reads a request body that must be a JSON object, keeping which keys are present.
   *
   * @throws RegistryException 422 when the body is missing, 400 when it is not a JSON object
   */
  static ObjectNode readObject(final Context ctx) {
    final JsonNode body = read(ctx, JsonNode.class);
    if (!body.isObject()) {
      throw new RegistryException(ErrorCode.BAD_REQUEST, "The request body is not a JSON object");
    }
    return (ObjectNode) body;
  }

  private static boolean isBlank(final byte[] body) {
    for (final byte b : body) {
      if (!Character.isWhitespace(b)) {
        return false;
      }
    }
    return true;
  }

  /** Answers with a JSON body. */
  static void respond(final Context ctx, final Object body) {
    ctx.contentType(MediaTypes.responseType(ctx)).result(write(body));
  }

  /** Answers with a schema's text as the body, as Confluent's {@code /schema} endpoints do. */
  static void respondRaw(final Context ctx, final String text) {
    ctx.contentType(MediaTypes.responseType(ctx)).result(text);
  }

  static byte[] write(final Object body) {
    try {
      return MAPPER.writeValueAsBytes(body);
    } catch (final JsonProcessingException e) {
      throw new IllegalStateException("response bodies are plain records", e);
    }
  }
}
