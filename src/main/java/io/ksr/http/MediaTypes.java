package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Confluent's content negotiation: which request bodies are accepted, and which media type a
 * response has given the request's {@code Accept} header.
 */
final class MediaTypes {
  static final String V1 = "application/vnd.schemaregistry.v1+json";
  static final String VND = "application/vnd.schemaregistry+json";
  static final String JSON = "application/json";
  private static final String OCTET_STREAM = "application/octet-stream";
  private static final String RESPONSE_TYPE = "ksr.responseType";

  /** The server's preference among response types, best first, with its weight. */
  private record Offer(String type, double weight) {}

  private static final List<Offer> OFFERS =
      List.of(new Offer(V1, 1.0), new Offer(VND, 0.9), new Offer(JSON, 0.5));

  private static final Set<String> REQUEST_TYPES = Set.of(V1, VND, JSON, OCTET_STREAM);

  private MediaTypes() {}

  /**
   * Checks a request before it is handled, and picks its response type.
   *
   * @throws RegistryException 415 for a body of another type, 406 when no response type is
   *     acceptable
   */
  static void negotiate(final Context ctx) {
    if (ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT) {
      // The raw header: the parsed one fails on a charset that the JVM does not know.
      final String contentType = ctx.header("Content-Type");
      // A body without a type is what a cross-site form or Blob sends: only JSON is taken.
      final boolean untypedBody = (contentType == null || contentType.isBlank()) && hasBody(ctx);
      if (untypedBody
          || (contentType != null
              && !contentType.isBlank()
              && !REQUEST_TYPES.contains(baseType(contentType)))) {
        throw new RegistryException(
            ErrorCode.UNSUPPORTED_MEDIA_TYPE, "HTTP 415 Unsupported Media Type");
      }
    }
    final String chosen = choose(ctx.header("Accept"));
    if (chosen == null) {
      throw new RegistryException(ErrorCode.NOT_ACCEPTABLE, "HTTP 406 Not Acceptable");
    }
    ctx.attribute(RESPONSE_TYPE, chosen);
  }

  /** The response type picked for this request. */
  static String responseType(final Context ctx) {
    final String type = ctx.attribute(RESPONSE_TYPE);
    return type == null ? V1 : type;
  }

  /** The best response type for an {@code Accept} header, or null when none is acceptable. */
  static String choose(final String accept) {
    if (accept == null || accept.isBlank()) {
      return V1;
    }
    String best = null;
    double bestScore = 0;
    for (final Offer offer : OFFERS) {
      final double score = offer.weight() * quality(accept, offer.type());
      if (score > bestScore) {
        best = offer.type();
        bestScore = score;
      }
    }
    return best;
  }

  /** How much the client wants {@code type}: the q of its best matching range, 0 if none. */
  private static double quality(final String accept, final String type) {
    double quality = 0;
    for (final String range : accept.split(",")) {
      // -1 keeps empty parts, so that a range of only semicolons still has a (blank) type.
      final String[] parts = range.split(";", -1);
      final String wanted = parts[0].trim().toLowerCase(Locale.ROOT);
      if (wanted.equals(type) || wanted.equals("application/*") || wanted.equals("*/*")) {
        quality = Math.max(quality, qualityParameter(parts));
      }
    }
    return quality;
  }

  private static double qualityParameter(final String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      final String parameter = parts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2));
        } catch (final NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  private static boolean hasBody(final Context ctx) {
    return ctx.contentLength() > 0 || ctx.header("Transfer-Encoding") != null;
  }

  private static String baseType(final String contentType) {
    return contentType.split(";", -1)[0].trim().toLowerCase(Locale.ROOT);
  }
}
