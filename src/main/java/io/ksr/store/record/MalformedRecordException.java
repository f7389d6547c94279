package io.ksr.store.record;

/** A {@code _schemas} record that cannot be understood; readers skip it and report it. */
public class MalformedRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MalformedRecordException(final String message) {
    super(message);
  }

  public MalformedRecordException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
