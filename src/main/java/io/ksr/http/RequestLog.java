package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.ksr.domain.ErrorCode;
import io.ksr.monitoring.RegistryMetrics;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * One log line and one timer sample per answered request, by route rather than path so that
 * subjects do not each make a metric of their own.
 */
final class RequestLog {
  private static final Logger LOG = LoggerFactory.getLogger("io.ksr.http.requests");
  private static final String UNMATCHED = "unmatched";
  private static final String REGISTER = "/subjects/{subject}/versions";

  private final RegistryMetrics metrics;
  private final Level level;

  /**
   * @param level the level of the per-request line; null logs none
   */
  RequestLog(final RegistryMetrics metrics, final Level level) {
    this.metrics = metrics;
    this.level = level;
  }

  void record(final Context ctx, final Float millis) {
    final String method = ctx.method().name();
    final String route = route(ctx);
    final int status = ctx.statusCode();
    metrics.request(method, route, status, Duration.ofNanos((long) (millis * 1_000_000)));
    if (method.equals("POST") && route.endsWith(REGISTER)) {
      if (status == 200) {
        metrics.registered();
      } else if (Integer.valueOf(ErrorCode.INCOMPATIBLE_SCHEMA.code())
          .equals(ErrorMapper.errorCode(ctx))) {
        metrics.compatibilityRejected();
      }
    }
    if (level != null && LOG.isEnabledForLevel(level)) {
      LOG.atLevel(level)
          .log(
              "{} {} {} {} ms user={}",
              method,
              ctx.path(),
              status,
              String.format("%.1f", millis),
              user(ctx));
    }
  }

  private static String user(final Context ctx) {
    final String user = AccessControl.of(ctx).user();
    return user.isEmpty() ? "-" : user;
  }

  private static String route(final Context ctx) {
    final Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
    return endpoint == null ? UNMATCHED : endpoint.path;
  }
}
