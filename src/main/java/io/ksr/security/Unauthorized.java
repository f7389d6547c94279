package io.ksr.security;

import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.util.List;

/**
 * A request without valid credentials (401), carrying the {@code WWW-Authenticate} challenges that
 * tell the client how it may sign in.
 */
public final class Unauthorized extends RegistryException {
  private static final long serialVersionUID = 1L;

  private final List<String> challenges;

  public Unauthorized(final String message, final List<String> challenges) {
    super(ErrorCode.UNAUTHORIZED, message);
    this.challenges = List.copyOf(challenges);
  }

  /** One challenge per sign-in method the registry accepts, in the order it prefers them. */
  public List<String> challenges() {
    return challenges;
  }
}
