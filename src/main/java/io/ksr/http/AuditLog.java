package io.ksr.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.ksr.writer.Outcome;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit log: one JSON line per change (registration, import, delete, config, mode, context) and
 * per refused request (401, 403, 429), saying who, from where, what, the outcome, and the ids and
 * versions touched. It goes to a file of its own when one is configured, else to the {@code
 * ksr.audit} logger.
 */
final class AuditLog implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("ksr.audit");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TOUCHED = "ksr.audit.touched";
  private static final String REGISTER = "/subjects/{subject}/versions";

  private final BufferedWriter file;

  /**
   * @param file where to append the lines; empty for the logger
   */
  AuditLog(final Optional<Path> file) {
    try {
      this.file =
          file.isEmpty()
              ? null
              : Files.newBufferedWriter(
                  file.get(),
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND);
    } catch (final IOException e) {
      throw new UncheckedIOException("Cannot open the audit log " + file.get(), e);
    }
  }

  /** Notes what a change did, for its line; answers the outcome. */
  static <T extends Outcome> T touched(final Context ctx, final T outcome) {
    ctx.attribute(TOUCHED, outcome);
    return outcome;
  }

  /** Writes the request's line, if it changed something or was refused. */
  void record(final Context ctx) {
    final int status = ctx.statusCode();
    final boolean refused = status == 401 || status == 403 || status == 429;
    if (!refused && !isChange(ctx)) {
      return;
    }
    final ObjectNode line = JSON.createObjectNode();
    line.put("time", Instant.now().toString());
    final String user = AccessControl.of(ctx).user();
    line.put("user", user);
    if (status == 401) {
      attemptedUser(ctx).ifPresent(name -> line.put("attemptedUser", name));
    }
    line.put("address", ctx.ip());
    line.put("method", ctx.method().name());
    line.put("path", ctx.path());
    line.put("status", status);
    final Integer errorCode = ErrorMapper.errorCode(ctx);
    if (errorCode != null) {
      line.put("errorCode", errorCode);
    }
    final Outcome touched = ctx.attribute(TOUCHED);
    if (touched != null) {
      line.set("outcome", JSON.valueToTree(touched));
    }
    write(line.toString());
  }

  private synchronized void write(final String line) {
    if (file == null) {
      LOG.info(line);
      return;
    }
    try {
      file.write(line);
      file.newLine();
      file.flush();
    } catch (final IOException e) {
      LOG.error("Could not append to the audit log; the line was: {}", line, e);
    }
  }

  @Override
  public synchronized void close() {
    if (file != null) {
      try {
        file.close();
      } catch (final IOException e) {
        LOG.warn("Could not close the audit log", e);
      }
    }
  }

  private static boolean isChange(final Context ctx) {
    final HandlerType method = ctx.method();
    if (method == HandlerType.PUT || method == HandlerType.DELETE) {
      return true;
    }
    final Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return method == HandlerType.POST && endpoint != null && endpoint.path.endsWith(REGISTER);
  }

  /** The user name a failed Basic sign-in gave, never its password. */
  private static Optional<String> attemptedUser(final Context ctx) {
    final String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Optional.empty();
    }
    try {
      final String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
      final int colon = decoded.indexOf(':');
      return colon < 0 ? Optional.empty() : Optional.of(decoded.substring(0, colon));
    } catch (final IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
