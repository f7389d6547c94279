package io.ksr.domain;

import java.util.Objects;

/** A request failed for a reason the caller can be told, with Confluent's error code. */
public class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode errorCode;

  public RegistryException(final ErrorCode errorCode, final String message) {
    super(message);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode can't be null");
  }

  public RegistryException(final ErrorCode errorCode, final String message, final Throwable cause) {
    super(message, cause);
    this.errorCode = Objects.requireNonNull(errorCode, "errorCode can't be null");
  }

  public ErrorCode errorCode() {
    return errorCode;
  }
}
