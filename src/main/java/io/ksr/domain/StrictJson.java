package io.ksr.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * How JSON that clients send is read: unknown keys are ignored, as Confluent's server ignores them,
 * but a key given twice or a value of the wrong type (a number as text, text as a number or a
 * boolean, a fraction as a whole number) is refused rather than guessed at.
 */
public final class StrictJson {
  private StrictJson() {}

  /** A mapper for request bodies. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            text ->
                text.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .build();
  }

  /**
   * What is wrong with a body, for the client: where a value did not fit (Jackson's own message for
   * that names Java classes), or the parser's message for JSON that is not well-formed.
   */
  public static String problem(final JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || e instanceof StreamReadException) {
      return "is not valid JSON: " + e.getOriginalMessage();
    }
    final StringBuilder path = new StringBuilder();
    for (final JsonMappingException.Reference step : mapping.getPath()) {
      if (step.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
      } else if (step.getIndex() >= 0) {
        path.append('[').append(step.getIndex()).append(']');
      }
    }
    return "has a value of the wrong type at " + (path.length() == 0 ? "the top level" : path);
  }
}
