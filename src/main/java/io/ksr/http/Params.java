package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.util.Locale;

/** Path and query parameters, parsed the way Confluent's JAX-RS resources parse them. */
final class Params {
  private Params() {}

  /** A subject from the path, URL-decoded. */
  static String subject(final Context ctx) {
    return ctx.pathParam("subject");
  }

  /**
   * An integer path parameter.
   *
   * @throws NotFoundResponse when it is not an integer, as JAX-RS answers (404, not 400)
   */
  static int intPath(final Context ctx, final String name) {
    try {
      return Integer.parseInt(ctx.pathParam(name));
    } catch (final NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }

  /** A boolean query parameter: true only for the literal {@code true}, in any case. */
  static boolean flag(final Context ctx, final String name) {
    final String value = ctx.queryParam(name);
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }
}
