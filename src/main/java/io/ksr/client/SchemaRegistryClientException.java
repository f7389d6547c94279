package io.ksr.client;

/**
 * A request the registry refused or could not answer, with Confluent's error code (for example
 * 40403 for an unknown schema id, 40901 for an incompatible schema).
 */
public class SchemaRegistryClientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The code used when the registry could not be reached or its answer could not be read. */
  public static final int UNREADABLE_ANSWER = 50005;

  /** The code when the client has no valid credentials, as the registry's 401 answers say. */
  public static final int UNAUTHORIZED = 401;

  private final int status;
  private final int errorCode;

  public SchemaRegistryClientException(
      final int status, final int errorCode, final String message) {
    super(message + " (HTTP " + status + ", error code " + errorCode + ")");
    this.status = status;
    this.errorCode = errorCode;
  }

  public SchemaRegistryClientException(
      final int status, final int errorCode, final String message, final Throwable cause) {
    super(message + " (HTTP " + status + ", error code " + errorCode + ")", cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer; 0 when no answer came. */
  public int status() {
    return status;
  }

  /** Confluent's error code, such as 40403. */
  public int errorCode() {
    return errorCode;
  }
}
