package io.ksr.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.ksr.testkit.RawHttp;
import java.nio.charset.StandardCharsets;

/** Hostile request bodies, and the check that an answer to one is a proper Confluent error. */
final class HostileRequests {
  static final String JSON = "application/vnd.schemaregistry.v1+json";
  static final String VALID = "{\"schema\":\"\\\"string\\\"\"}";

  private HostileRequests() {}

  /** What is wrong with an answer, or null when it is the expected Confluent error. */
  static String problem(final RawHttp.Response response, final int code) {
    final String body = response.body();
    if (body.contains("java.") || body.contains("Exception") || body.contains("\tat ")) {
      return "leaks an exception: " + abbreviate(body);
    }
    final JsonNode json = response.jsonOrNull();
    if (json == null || !json.path("error_code").isInt() || !json.path("message").isTextual()) {
      return response.status() + " without a Confluent error body: " + abbreviate(body);
    }
    final int status = code < 1000 ? code : code / 100;
    if (response.status() != status || json.get("error_code").asInt() != code) {
      return "expected " + code + ", got " + response.status() + " " + abbreviate(body);
    }
    return null;
  }

  static String withField(final String field) {
    return "{\"schema\":\"\\\"string\\\"\"," + field + "}";
  }

  static String nestedAvro(final int depth, final String leaf) {
    final String open = "{\\\"type\\\":\\\"array\\\",\\\"items\\\":";
    return "{\"schema\":\""
        + open.repeat(depth)
        + "\\\""
        + leaf
        + "\\\""
        + "}".repeat(depth)
        + "\"}";
  }

  static String nestedJsonSchema(final int depth) {
    final String open = "{\\\"items\\\":";
    return "{\"schemaType\":\"JSON\",\"schema\":\""
        + open.repeat(depth)
        + "{}"
        + "}".repeat(depth)
        + "\"}";
  }

  static String nestedProtobuf(final int depth) {
    return "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\"; "
        + "message M { ".repeat(depth)
        + "}".repeat(depth)
        + "\"}";
  }

  static byte[] bytes(final String before, final byte[] raw, final String after) {
    final byte[] head = before.getBytes(StandardCharsets.UTF_8);
    final byte[] tail = after.getBytes(StandardCharsets.UTF_8);
    final byte[] all = new byte[head.length + raw.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(raw, 0, all, head.length, raw.length);
    System.arraycopy(tail, 0, all, head.length + raw.length, tail.length);
    return all;
  }

  static String abbreviate(final String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "…";
  }
}
