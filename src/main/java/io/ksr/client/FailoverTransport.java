package io.ksr.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a request to the first registry URL that answers, moving on when one cannot be reached or
 * answers 5xx, and trying the whole list again with exponential backoff when none could.
 */
final class FailoverTransport {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String V1 = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      V1 + ", application/vnd.schemaregistry+json, application/json";
  private static final int MAX_BODY_IN_MESSAGE = 200;

  /** A 2xx answer's status and JSON body. */
  record Answer(int status, JsonNode json) {}

  /**
   * A registry URL.
   *
   * @param base the URL without its user info, which also names it in messages
   * @param authorization the {@code Authorization} header to send, or null
   */
  private record Target(String base, String authorization) {}

  /** Why one URL did not give a usable answer, and the registry's error if it answered. */
  private record Failure(String url, String reason, SchemaRegistryClientException answer) {}

  private final List<Target> targets;
  private final TokenSource tokens;
  private final Map<String, String> headers;
  private final HttpClient http;
  private final Duration readTimeout;
  private final int maxRetries;
  private final Duration retriesWait;
  private final Duration retriesMaxWait;
  private final AtomicInteger preferred = new AtomicInteger();
  private final AtomicLong requestsSent = new AtomicLong();

  FailoverTransport(final ClientConfig config) {
    this.targets = config.urls().stream().map(url -> targetOf(url, config)).toList();
    this.tokens = BearerAuth.tokens(config).orElse(null);
    this.headers = BearerAuth.headers(config);
    // HTTP/1.1 because the JDK's default would try an h2c upgrade on every plain http connection.
    final HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout());
    config.sslContext().ifPresent(builder::sslContext);
    this.http = builder.build();
    this.readTimeout = config.readTimeout();
    this.maxRetries = config.maxRetries();
    this.retriesWait = config.retriesWait();
    this.retriesMaxWait = config.retriesMaxWait();
  }

  long requestsSent() {
    return requestsSent.get();
  }

  /**
   * Sends a request and reads its JSON answer.
   *
   * @param path the path and query after the base URL, already encoded
   * @param body the JSON to send, or null for none
   * @throws SchemaRegistryClientException for a 4xx answer, an unreadable answer, or when every URL
   *     failed on every try
   */
  Answer send(final String method, final String path, final String body) {
    for (int attempt = 0; ; attempt++) {
      final List<Failure> failures = new ArrayList<>();
      final int first = preferred.get();
      for (int i = 0; i < targets.size(); i++) {
        final int index = (first + i) % targets.size();
        final Target target = targets.get(index);
        final HttpResponse<String> response;
        try {
          response = sendOnce(target, method, path, body);
        } catch (final IOException e) {
          failures.add(new Failure(target.base(), describe(e), null));
          continue;
        }
        final int status = response.statusCode();
        if (status >= 500) {
          final SchemaRegistryClientException error = errorOf(target, response);
          failures.add(new Failure(target.base(), error.getMessage(), error));
          continue;
        }
        preferred.set(index);
        if (status < 200 || status >= 300) {
          throw errorOf(target, response);
        }
        return new Answer(status, jsonOf(target, response));
      }
      if (attempt >= maxRetries) {
        throw exhausted(method, path, attempt + 1, failures);
      }
      pause(backoff(attempt));
    }
  }

  private HttpResponse<String> sendOnce(
      final Target target, final String method, final String path, final String body)
      throws IOException {
    if (tokens == null) {
      return sendAs(target.authorization(), target, method, path, body);
    }
    final String token = tokens.token();
    final HttpResponse<String> response = sendAs("Bearer " + token, target, method, path, body);
    // A token can go stale before its expiry says, for example when the issuer rotates its keys:
    // one fresh token is worth a second try.
    return response.statusCode() == 401 && tokens.renew(token)
        ? sendAs("Bearer " + tokens.token(), target, method, path, body)
        : response;
  }

  private HttpResponse<String> sendAs(
      final String authorization,
      final Target target,
      final String method,
      final String path,
      final String body)
      throws IOException {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(target.base() + path))
            .timeout(readTimeout)
            .header("Accept", ACCEPT)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (body != null) {
      request.header("Content-Type", V1);
    }
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    headers.forEach(request::header);
    requestsSent.incrementAndGet();
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryClientException(
          0, SchemaRegistryClientException.UNREADABLE_ANSWER, "Interrupted waiting for " + path, e);
    }
  }

  private static JsonNode jsonOf(final Target target, final HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (final JsonProcessingException e) {
      throw unreadable(target, response);
    }
  }

  /** The registry's error from a non-2xx answer, or 50005 when its body is not an error body. */
  private static SchemaRegistryClientException errorOf(
      final Target target, final HttpResponse<String> response) {
    final JsonNode json;
    try {
      json = MAPPER.readTree(response.body());
    } catch (final JsonProcessingException e) {
      return unreadable(target, response);
    }
    final JsonNode code = json == null ? null : json.get("error_code");
    if (code == null || !code.canConvertToInt()) {
      return unreadable(target, response);
    }
    return new SchemaRegistryClientException(
        response.statusCode(), code.asInt(), json.path("message").asText(""));
  }

  private static SchemaRegistryClientException unreadable(
      final Target target, final HttpResponse<String> response) {
    return new SchemaRegistryClientException(
        response.statusCode(),
        SchemaRegistryClientException.UNREADABLE_ANSWER,
        "Unreadable answer from " + target.base() + ": " + excerpt(response.body()));
  }

  /** The start of an answer's body, short enough for a message. */
  static String excerpt(final String body) {
    final String text = body == null ? "" : body;
    return text.length() > MAX_BODY_IN_MESSAGE
        ? text.substring(0, MAX_BODY_IN_MESSAGE) + "…"
        : text;
  }

  /**
   * The error once every try failed: the last registry error when some URL answered (so its code,
   * such as 50002, survives), otherwise status 0 and 50005; the message says why each URL failed.
   */
  private SchemaRegistryClientException exhausted(
      final String method, final String path, final int tries, final List<Failure> failures) {
    final StringBuilder reasons = new StringBuilder();
    SchemaRegistryClientException answer = null;
    for (final Failure failure : failures) {
      reasons.append(reasons.isEmpty() ? "" : "; ").append(failure.url());
      reasons.append(" (").append(failure.reason()).append(')');
      if (failure.answer() != null) {
        answer = failure.answer();
      }
    }
    final String message =
        "No schema registry URL served "
            + method
            + ' '
            + path
            + " in "
            + tries
            + (tries == 1 ? " try: " : " tries: ")
            + reasons;
    return answer == null
        ? new SchemaRegistryClientException(
            0, SchemaRegistryClientException.UNREADABLE_ANSWER, message)
        : new SchemaRegistryClientException(answer.status(), answer.errorCode(), message, answer);
  }

  private Duration backoff(final int attempt) {
    Duration wait = retriesWait;
    for (int i = 0; i < attempt && wait.compareTo(retriesMaxWait) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(retriesMaxWait) > 0 ? retriesMaxWait : wait;
  }

  private static void pause(final Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryClientException(
          0, SchemaRegistryClientException.UNREADABLE_ANSWER, "Interrupted before a retry", e);
    }
  }

  private static String describe(final IOException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  private static Target targetOf(final URI url, final ClientConfig config) {
    final String base =
        url.getScheme()
            + "://"
            + url.getHost()
            + (url.getPort() == -1 ? "" : ":" + url.getPort())
            + (url.getRawPath() == null ? "" : url.getRawPath());
    final String credentials =
        config.credentialsSource() == ClientConfig.CredentialsSource.USER_INFO
            ? config.userInfo()
            : url.getUserInfo();
    final String authorization =
        credentials == null || credentials.isEmpty()
            ? null
            : "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    return new Target(base, authorization);
  }
}
