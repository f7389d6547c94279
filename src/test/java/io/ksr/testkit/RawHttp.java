package io.ksr.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends HTTP/1.1 requests byte for byte over a socket, for what well-behaved clients refuse to
 * send: raw control characters and {@code ..} in paths, invalid UTF-8, unknown methods, chunked
 * bodies of any size.
 */
public final class RawHttp {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int CHUNK = 8192;

  private final int port;
  private final Duration timeout;

  /** A response's status, headers (names in lower case) and body. */
  public record Response(int status, Map<String, String> headers, String body) {
    /** The body as JSON, or null when it is not JSON. */
    public JsonNode jsonOrNull() {
      try {
        return MAPPER.readTree(body);
      } catch (final IOException e) {
        return null;
      }
    }
  }

  /**
   * @param timeout how long a request may take before the test counts it as a hang
   */
  public RawHttp(final int port, final Duration timeout) {
    this.port = port;
    this.timeout = timeout;
  }

  /**
   * Sends a request.
   *
   * @param target the request target exactly as sent, not encoded again
   * @param body null sends none; otherwise it is sent with its {@code Content-Length}
   * @param headers name, value, name, value...; {@code Host} and {@code Connection} are added
   */
  public Response send(
      final String method, final String target, final byte[] body, final String... headers) {
    return exchange(head(method, target, body, headers), body == null ? new byte[0] : body);
  }

  private byte[] head(
      final String method, final String target, final byte[] body, final String... headers) {
    final ByteArrayOutputStream head = new ByteArrayOutputStream();
    write(head, method + " " + target + " HTTP/1.1\r\n");
    write(head, "Host: 127.0.0.1:" + port + "\r\nConnection: close\r\n");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      write(head, headers[i] + ": " + headers[i + 1] + "\r\n");
    }
    if (body != null) {
      write(head, "Content-Length: " + body.length + "\r\n");
    }
    write(head, "\r\n");
    return head.toByteArray();
  }

  /** Sends a request whose body is chunked, so that the server does not know its size ahead. */
  public Response sendChunked(
      final String method, final String target, final byte[] body, final String... headers) {
    final String[] withEncoding = Arrays.copyOf(headers, headers.length + 2);
    withEncoding[headers.length] = "Transfer-Encoding";
    withEncoding[headers.length + 1] = "chunked";
    final ByteArrayOutputStream framed = new ByteArrayOutputStream();
    for (int at = 0; at < body.length; at += CHUNK) {
      final int size = Math.min(CHUNK, body.length - at);
      write(framed, Integer.toHexString(size) + "\r\n");
      framed.write(body, at, size);
      write(framed, "\r\n");
    }
    write(framed, "0\r\n\r\n");
    return exchange(head(method, target, null, withEncoding), framed.toByteArray());
  }

  private Response exchange(final byte[] head, final byte[] body) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), (int) timeout.toMillis());
      socket.setSoTimeout((int) timeout.toMillis());
      // The server may answer and close before reading a body it refuses; the answer counts.
      final Thread writer = new Thread(() -> writeQuietly(socket, head, body), "raw-http-writer");
      writer.setDaemon(true);
      writer.start();
      final byte[] received = readAll(socket.getInputStream());
      return parse(received);
    } catch (final SocketTimeoutException e) {
      throw new AssertionError("no answer within " + timeout, e);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeQuietly(final Socket socket, final byte[] head, final byte[] body) {
    try {
      final OutputStream out = socket.getOutputStream();
      out.write(head);
      out.write(body);
      out.flush();
    } catch (final IOException e) {
      // The server stopped reading; what it answered is read on the other side.
    }
  }

  private static byte[] readAll(final InputStream in) throws IOException {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final byte[] buffer = new byte[8192];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (final IOException e) {
      if (out.size() == 0 || e instanceof SocketTimeoutException) {
        throw e;
      }
      // A reset after the answer, because the server closed with part of the body unread.
    }
    return out.toByteArray();
  }

  private static Response parse(final byte[] received) {
    final String text = new String(received, StandardCharsets.ISO_8859_1);
    final int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("not an HTTP response: " + text);
    }
    final String[] lines = text.substring(0, end).split("\r\n");
    final int status = Integer.parseInt(lines[0].split(" ")[1]);
    final Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      final int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).trim());
    }
    final byte[] rest = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    final byte[] body =
        "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? unchunk(rest) : rest;
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] unchunk(final byte[] chunked) {
    final String text = new String(chunked, StandardCharsets.ISO_8859_1);
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (true) {
      final int lineEnd = text.indexOf("\r\n", at);
      final int size = Integer.parseInt(text.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        return out.toByteArray();
      }
      out.write(chunked, lineEnd + 2, size);
      at = lineEnd + 2 + size + 2;
    }
  }

  private static void write(final ByteArrayOutputStream out, final String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
