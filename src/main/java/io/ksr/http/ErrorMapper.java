package io.ksr.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import io.ksr.http.dto.ErrorResponse;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into Confluent's error body, {@code {"error_code":…,"message":…}}, in one
 * place: registry errors keep their code, HTTP-level errors use their status as the code, and
 * anything unexpected is logged once and answered as 500.
 */
final class ErrorMapper {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);
  private static final String ERROR_CODE = "ksr.errorCode";
  private static final Pattern CLASS_NAME =
      Pattern.compile("(?:[a-zA-Z_$][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error)(?::\\s*)?");

  private ErrorMapper() {}

  /** The error code a request was answered with, or null when it succeeded. */
  static Integer errorCode(final Context ctx) {
    return ctx.attribute(ERROR_CODE);
  }

  static void register(final RoutesConfig routes) {
    routes.exception(RegistryException.class, (e, ctx) -> respond(ctx, e));
    routes.exception(
        HttpResponseException.class,
        (e, ctx) -> respond(ctx, e.getStatus(), "HTTP " + e.getStatus() + " " + reason(e)));
    // Writes complete asynchronously: their failures arrive wrapped.
    routes.exception(CompletionException.class, (e, ctx) -> respondTo(ctx, e.getCause()));
    routes.exception(Exception.class, (e, ctx) -> respondTo(ctx, e));
  }

  private static void respondTo(final Context ctx, final Throwable error) {
    if (error instanceof RegistryException registryError) {
      respond(ctx, registryError);
      return;
    }
    LOG.error("{} {} failed unexpectedly", ctx.method(), ctx.path(), error);
    // The details are in the log: clients learn nothing of the server's insides.
    respond(ctx, ErrorCode.INTERNAL_SERVER_ERROR.code(), "Internal Server Error");
  }

  private static void respond(final Context ctx, final RegistryException e) {
    respond(ctx, e.errorCode().code(), e.getMessage());
  }

  /** Answers with an error; the HTTP status is the code's first three digits. */
  private static void respond(final Context ctx, final int code, final String message) {
    ctx.attribute(ERROR_CODE, code);
    ctx.status(code < 1000 ? code : code / 100);
    Json.respond(ctx, new ErrorResponse(code, withoutClassNames(message)));
  }

  /**
   * A message without the exception class names that parsers put in front of their messages ({@code
   * org.apache.avro.SchemaParseException: }): they tell clients about the server's insides and
   * nothing about their input.
   */
  static String withoutClassNames(final String message) {
    return message == null ? "" : CLASS_NAME.matcher(message).replaceAll("");
  }

  private static String reason(final HttpResponseException e) {
    return switch (e.getStatus()) {
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      default -> e.getMessage();
    };
  }
}
