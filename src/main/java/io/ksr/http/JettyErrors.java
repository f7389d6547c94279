package io.ksr.http;

import io.ksr.http.dto.ErrorResponse;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before Javalin sees them (a malformed URI, headers too large,
 * a broken request line) with Confluent's error body instead of Jetty's HTML page.
 */
final class JettyErrors extends ErrorHandler {
  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, MediaTypes.V1);

  @Override
  protected void generateResponse(
      final Request request,
      final Response response,
      final int status,
      final String message,
      final Throwable cause,
      final Callback callback) {
    response.getHeaders().put(CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(status, message)), callback);
  }

  @Override
  public ByteBuffer badMessageError(
      final int status, final String reason, final HttpFields.Mutable fields) {
    fields.put(CONTENT_TYPE);
    return ByteBuffer.wrap(body(status, reason));
  }

  private static byte[] body(final int status, final String reason) {
    final String phrase = "HTTP " + status + " " + HttpStatus.getMessage(status);
    final String message =
        reason == null || reason.equals(HttpStatus.getMessage(status))
            ? phrase
            : phrase + ": " + ErrorMapper.withoutClassNames(reason);
    return Json.write(new ErrorResponse(status, message));
  }
}
