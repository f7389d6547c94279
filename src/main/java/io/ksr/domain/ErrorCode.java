package io.ksr.domain;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Confluent Schema Registry's error codes, which clients and tools compare against. */
public enum ErrorCode {
  BAD_REQUEST(400),
  UNAUTHORIZED(401),
  NOT_FOUND(404),
  METHOD_NOT_ALLOWED(405),
  NOT_ACCEPTABLE(406),
  UNSUPPORTED_MEDIA_TYPE(415),
  UNPROCESSABLE_ENTITY(422),
  ACCESS_DENIED(40301),
  SUBJECT_NOT_FOUND(40401),
  VERSION_NOT_FOUND(40402),
  SCHEMA_NOT_FOUND(40403),
  SUBJECT_SOFT_DELETED(40404),
  SUBJECT_NOT_SOFT_DELETED(40405),
  VERSION_SOFT_DELETED(40406),
  VERSION_NOT_SOFT_DELETED(40407),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408),
  SUBJECT_MODE_NOT_CONFIGURED(40409),
  INCOMPATIBLE_SCHEMA(40901),
  INVALID_SCHEMA(42201),
  INVALID_VERSION(42202),
  INVALID_COMPATIBILITY_LEVEL(42203),
  INVALID_MODE(42204),
  OPERATION_NOT_PERMITTED(42205),
  REFERENCE_EXISTS(42206),
  ID_DOES_NOT_MATCH(42207),
  INVALID_SUBJECT(42208),
  SCHEMA_TOO_LARGE(42209),
  INVALID_RULE_SET(42210),
  CONTEXT_NOT_EMPTY(42211),
  INTERNAL_SERVER_ERROR(500),
  STORE_ERROR(50001),
  OPERATION_TIMEOUT(50002),
  FORWARDING_FAILED(50003),
  UNKNOWN_LEADER(50004);

  private static final Map<Integer, ErrorCode> BY_CODE =
      Arrays.stream(values()).collect(Collectors.toMap(ErrorCode::code, Function.identity()));

  private final int code;

  ErrorCode(final int code) {
    this.code = code;
  }

  /** The number sent as {@code error_code}. */
  public int code() {
    return code;
  }

  /** The error code with this number, or {@link #INTERNAL_SERVER_ERROR} when it is unknown. */
  public static ErrorCode fromCode(final int code) {
    return BY_CODE.getOrDefault(code, INTERNAL_SERVER_ERROR);
  }
}
