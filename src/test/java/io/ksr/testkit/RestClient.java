package io.ksr.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/** Talks to a registry over real HTTP, as a user's curl or client would. */
public final class RestClient {
  public static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final String baseUrl;

  /** A response's status and body. */
  public record Response(int status, String body, String contentType, HttpHeaders headers) {
    public JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (final IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** The Confluent error code of an error response. */
    public int errorCode() {
      return json().path("error_code").asInt(-1);
    }
  }

  public RestClient(final String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** A client of an https:// registry, trusting and showing what the TLS context holds. */
  public RestClient(final String baseUrl, final SSLContext tls) {
    this.baseUrl = baseUrl;
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
  }

  public Response get(final String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Response post(final String path, final String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", V1)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response put(final String path, final String body) {
    return send(
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", V1)
            .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Response delete(final String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** Any request: {@code body} null sends none; {@code headers} are name, value, name, value... */
  public Response request(
      final String method, final String path, final String body, final String... headers) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", V1);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    return send(request);
  }

  /** The JSON body of a register request for a schema text. */
  public static String schemaBody(final String schema) {
    try {
      return MAPPER.writeValueAsString(MAPPER.createObjectNode().put("schema", schema));
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private URI uri(final String path) {
    return URI.create(baseUrl + path);
  }

  private Response send(final HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.body(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
