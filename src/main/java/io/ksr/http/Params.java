package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.Versions;
import java.util.List;
import java.util.Locale;

/**
 * Path and query parameters, parsed the way Confluent's JAX-RS resources parse them, including the
 * {@code /contexts/{context}/...} form of every path, which puts subjects in that context.
 */
final class Params {
  /** The path parameter of the {@code /contexts/{context}} prefix. */
  static final String CONTEXT = "context";

  private Params() {}

  /** A subject from the path, qualified with the path's context, if any. */
  static String subject(final Context ctx) {
    return inPathContext(ctx, ctx.pathParam("subject"));
  }

  /**
   * The scope of a config or mode path: a subject, a context ({@code :.ctx:}), or null for the
   * global one ({@code /config}, or a subject of {@code :.:}).
   */
  static String scope(final Context ctx) {
    final String subject =
        ctx.pathParamMap().containsKey("subject") ? subject(ctx) : inPathContext(ctx, "");
    return subject.isEmpty() ? null : subject;
  }

  /** A version from the path: a number, {@code latest} or {@code -1}; 42202 otherwise. */
  static int version(final Context ctx) {
    return Versions.parse(ctx.pathParam("version"));
  }

  /** A subject prefix query parameter, qualified with the path's context; null when absent. */
  static String subjectPrefix(final Context ctx) {
    final String prefix = ctx.queryParam("subjectPrefix");
    if (!ctx.pathParamMap().containsKey(CONTEXT)) {
      return prefix;
    }
    return inPathContext(ctx, prefix == null ? "" : prefix);
  }

  /** A {@code subject} query parameter, qualified with the path's context; null when absent. */
  static String subjectQuery(final Context ctx) {
    final String subject = ctx.queryParam("subject");
    if (!ctx.pathParamMap().containsKey(CONTEXT)) {
      return subject;
    }
    return inPathContext(ctx, subject == null ? "" : subject);
  }

  /**
   * An integer path parameter.
   *
   * @throws NotFoundResponse when it is not an integer, as JAX-RS answers (404, not 400)
   */
  static int intPath(final Context ctx, final String name) {
    return parseInt(ctx.pathParam(name));
  }

  /** A boolean query parameter: true only for the literal {@code true}, in any case. */
  static boolean flag(final Context ctx, final String name) {
    final String value = ctx.queryParam(name);
    return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
  }

  /**
   * The part of a list that {@code offset} and {@code limit} select; a limit of 0 or less, or above
   * {@code maxLimit}, means {@code defaultLimit}.
   */
  static <T> List<T> page(
      final Context ctx, final List<T> items, final int defaultLimit, final int maxLimit) {
    final String offsetText = ctx.queryParam("offset");
    final String limitText = ctx.queryParam("limit");
    final int offset = offsetText == null ? 0 : Math.max(0, parseInt(offsetText));
    int limit = limitText == null ? defaultLimit : parseInt(limitText);
    if (limit <= 0 || limit > maxLimit) {
      limit = defaultLimit;
    }
    if (offset >= items.size()) {
      return List.of();
    }
    return items.subList(offset, (int) Math.min(items.size(), (long) offset + limit));
  }

  /** {@link #page} for lists that are not limited unless asked. */
  static <T> List<T> page(final Context ctx, final List<T> items) {
    return page(ctx, items, Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  /** The context of a {@code /contexts/{context}} path, with its leading dot. */
  static String pathContext(final Context ctx) {
    final String context = ctx.pathParam(CONTEXT);
    return context.startsWith(".") ? context : "." + context;
  }

  private static String inPathContext(final Context ctx, final String subject) {
    if (!ctx.pathParamMap().containsKey(CONTEXT) || subject.startsWith(":.")) {
      return QualifiedSubject.normalize(subject);
    }
    return QualifiedSubject.inContext(pathContext(ctx), subject);
  }

  private static int parseInt(final String text) {
    try {
      return Integer.parseInt(text.trim());
    } catch (final NumberFormatException e) {
      throw new NotFoundResponse();
    }
  }
}
