package io.ksr.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.ksr.domain.ErrorCode;
import io.ksr.domain.RegistryException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The web page at {@code /ui/}: a few static files from the jar, which read the registry through
 * its own REST API. Outside Confluent's API, so no content negotiation applies.
 */
final class WebUiController {
  static final String ROOT = "/ui";
  static final String FILE = ROOT + "/{file}";

  /** Only these files are served, so no path can reach anything else on the classpath. */
  private static final Map<String, String> CONTENT_TYPES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "app.js", "text/javascript; charset=utf-8",
          "views.js", "text/javascript; charset=utf-8",
          "api.js", "text/javascript; charset=utf-8",
          "diff.js", "text/javascript; charset=utf-8",
          "style.css", "text/css; charset=utf-8");

  /**
   * The page only loads its own files and talks to its own origin; this also stops any script that
   * an escaping mistake might let in from running.
   */
  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
          + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  private final Map<String, byte[]> files = readFiles();

  /** Whether a path belongs to the page, which answers in its own formats. */
  static boolean isWebUi(final String path) {
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  /**
   * {@code /ui/} is the page; {@code /ui} leads there, because the page's links are relative to the
   * trailing slash. The redirect is relative too, so that it works behind a proxy's path prefix.
   */
  void root(final Context ctx) {
    if (ctx.path().endsWith("/")) {
      serve(ctx, "index.html");
    } else {
      ctx.redirect("ui/", HttpStatus.MOVED_PERMANENTLY);
    }
  }

  void file(final Context ctx) {
    serve(ctx, ctx.pathParam("file"));
  }

  private void serve(final Context ctx, final String name) {
    final byte[] content = files.get(name);
    if (content == null) {
      throw new RegistryException(ErrorCode.NOT_FOUND, "HTTP 404 Not Found");
    }
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.contentType(CONTENT_TYPES.get(name)).result(content);
  }

  private static Map<String, byte[]> readFiles() {
    final Map<String, byte[]> files = new HashMap<>();
    for (final String name : CONTENT_TYPES.keySet()) {
      try (InputStream in = WebUiController.class.getResourceAsStream(ROOT + "/" + name)) {
        if (in == null) {
          throw new IllegalStateException("the web page's " + name + " is missing from the jar");
        }
        files.put(name, in.readAllBytes());
      } catch (final IOException e) {
        throw new UncheckedIOException("the web page's files are part of the jar", e);
      }
    }
    return Map.copyOf(files);
  }
}
