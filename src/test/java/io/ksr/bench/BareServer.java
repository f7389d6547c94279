package io.ksr.bench;

import io.javalin.Javalin;
import io.ksr.testkit.RestClient;
import java.nio.charset.StandardCharsets;

/**
 * A Javalin server with one GET route answering a constant body: the most any Javalin endpoint can
 * do on this machine, the bound the registry's reads are compared with.
 */
final class BareServer implements AutoCloseable {
  static final String PATH = "/constant";

  private final Javalin app;
  private final byte[] body;

  private BareServer(final Javalin app, final byte[] body) {
    this.app = app;
    this.body = body;
  }

  /**
   * Starts on a free port of 127.0.0.1, answering the body and content type of {@code sample}: a
   * registry's response, so that both send as many bytes.
   */
  static BareServer start(final RestClient.Response sample) {
    final byte[] constant = sample.body().getBytes(StandardCharsets.UTF_8);
    final String contentType = sample.contentType();
    final Javalin app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.routes.get(PATH, ctx -> ctx.contentType(contentType).result(constant));
            });
    app.start("127.0.0.1", 0);
    return new BareServer(app, constant);
  }

  byte[] body() {
    return body.clone();
  }

  int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
