package io.ksr.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import java.io.IOException;
import java.util.List;

/**
 * One request of a conformance table and what Confluent's registry answers to it.
 *
 * <p>Bodies are written with {@code '} for JSON's double quote and {@code `} for a double quote
 * inside a JSON string (as in schema texts), so that tables stay readable. An expectation is a JSON
 * body (compared as JSON), {@code error:<code>} (an error body with that Confluent code), {@code
 * ~text} (the body contains the text), or null (only the status counts).
 */
record Step(String method, String path, String body, int status, String expected) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static Step get(final String path, final int status, final String expected) {
    return new Step("GET", path, null, status, expected);
  }

  static Step post(final String path, final String body, final int status, final String expected) {
    return new Step("POST", path, body, status, expected);
  }

  static Step put(final String path, final String body, final int status, final String expected) {
    return new Step("PUT", path, body, status, expected);
  }

  static Step delete(final String path, final int status, final String expected) {
    return new Step("DELETE", path, null, status, expected);
  }

  /** An error: the HTTP status is the code's first three digits. */
  static Step error(final String method, final String path, final String body, final int code) {
    return new Step(method, path, body, code < 1000 ? code : code / 100, "error:" + code);
  }

  /** Turns the table notation into JSON. */
  static String json(final String text) {
    return text == null ? null : text.replace("`", "\\\"").replace('\'', '"');
  }

  /** Runs the steps in order, naming the failing one. */
  static void run(final RestClient rest, final List<Step> steps) {
    for (int i = 0; i < steps.size(); i++) {
      steps.get(i).check(rest, "step " + (i + 1));
    }
  }

  private void check(final RestClient rest, final String label) {
    final Response response = rest.request(method, path, json(body));
    final String where = label + ": " + method + " " + path + " -> " + response.body();
    assertEquals(status, response.status(), where);
    if (expected == null) {
      return;
    }
    if (expected.startsWith("error:")) {
      assertEquals(Integer.parseInt(expected.substring(6)), response.errorCode(), where);
      assertTrue(response.json().path("message").asText().length() > 0, where);
    } else if (expected.startsWith("~")) {
      assertTrue(response.body().contains(json(expected.substring(1))), where);
    } else {
      assertEquals(tree(json(expected)), tree(response.body()), where);
    }
  }

  private static JsonNode tree(final String text) {
    try {
      return MAPPER.readTree(text);
    } catch (final IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }
}
