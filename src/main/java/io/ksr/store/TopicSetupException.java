package io.ksr.store;

/** The registry's topics are missing, misconfigured or out of reach, so it cannot start. */
public class TopicSetupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TopicSetupException(final String message, final Throwable cause) {
    super(message, cause);
  }

  public TopicSetupException(final String message) {
    super(message);
  }
}
