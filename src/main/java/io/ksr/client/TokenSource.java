package io.ksr.client;

import java.io.IOException;

/** The bearer token the client sends, and a fresh one when the registry refused it. */
interface TokenSource {
  /**
   * The token to send now.
   *
   * @throws IOException when the issuer cannot be reached, so that the request is tried again
   */
  String token() throws IOException;

  /**
   * Forgets {@code refused} if it is still the current token.
   *
   * @return whether asking again with {@link #token()} may give another token
   */
  boolean renew(String refused);

  /** A token configured once, which no renewal changes. */
  static TokenSource fixed(final String token) {
    return new TokenSource() {
      @Override
      public String token() {
        return token;
      }

      @Override
      public boolean renew(final String refused) {
        return false;
      }
    };
  }
}
