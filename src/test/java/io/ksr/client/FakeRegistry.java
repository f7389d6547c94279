package io.ksr.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A tiny registry on a real socket that answers as a test tells it and records what it got. */
final class FakeRegistry implements AutoCloseable {
  /** A request as it arrived: the path and query still encoded. */
  record Request(
      String method,
      String rawPath,
      String rawQuery,
      String contentType,
      String accept,
      String authorization,
      String body,
      Map<String, List<String>> headers) {}

  /** What to answer. */
  record Reply(int status, String body) {}

  /** Decides the answer to a request. */
  interface Handler {
    Reply handle(Request request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  private FakeRegistry(final Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> answer(exchange, handler));
    // Several threads, so that a handler kept waiting does not hold up the others.
    server.setExecutor(executor);
    server.start();
  }

  static FakeRegistry start(final Handler handler) {
    try {
      return new FakeRegistry(handler);
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A registry that always gives the same answer. */
  static FakeRegistry answering(final int status, final String body) {
    return start(request -> new Reply(status, body));
  }

  /** A URL where nothing listens: a port the system just handed out and that is closed again. */
  static String closedUrl() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  int port() {
    return server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  private void answer(final HttpExchange exchange, final Handler handler) throws IOException {
    try (exchange) {
      final Request request =
          new Request(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getRawPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              exchange.getRequestHeaders().getFirst("Accept"),
              exchange.getRequestHeaders().getFirst("Authorization"),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
              Map.copyOf(exchange.getRequestHeaders()));
      requests.add(request);
      Reply reply;
      try {
        reply = handler.handle(request);
      } catch (final Exception e) {
        reply = new Reply(599, "handler failed: " + e);
      }
      final byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
      exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        exchange.getResponseBody().write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
