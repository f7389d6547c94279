package io.ksr.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Tokens from an OAuth issuer by the client-credentials grant (RFC 6749 section 4.4), kept until
 * shortly before they expire and fetched again then, or when the registry refuses one.
 */
final class ClientCredentialsTokens implements TokenSource {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * What to ask the token endpoint.
   *
   * @param scope the scope to ask for, or empty for none
   */
  record Grant(URI endpoint, String clientId, String clientSecret, String scope) {
    @Override
    public String toString() {
      // A record prints every field; the secret must stay out of logs.
      return "Grant[endpoint=" + endpoint + ", clientId=" + clientId + "]";
    }
  }

  private record Cached(String token, Instant renewAt) {}

  private final Grant grant;
  private final Duration expiryBuffer;
  private final Duration readTimeout;
  private final HttpClient http;
  private Cached cached;

  /**
   * @param expiryBuffer how long before a token expires the next one is fetched
   */
  ClientCredentialsTokens(
      final Grant grant,
      final Duration expiryBuffer,
      final Duration connectTimeout,
      final Duration readTimeout) {
    this.grant = grant;
    this.expiryBuffer = expiryBuffer;
    this.readTimeout = readTimeout;
    // The issuer's certificate is checked against the JDK's authorities, not the registry's
    // truststore: the two are usually signed by different authorities.
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .build();
  }

  /** One thread fetches while the others wait for its token rather than fetching their own. */
  @Override
  public synchronized String token() throws IOException {
    if (cached == null || !Instant.now().isBefore(cached.renewAt())) {
      cached = fetch();
    }
    return cached.token();
  }

  @Override
  public synchronized boolean renew(final String refused) {
    if (cached != null && cached.token().equals(refused)) {
      cached = null;
    }
    return true;
  }

  private Cached fetch() throws IOException {
    final HttpResponse<String> response;
    try {
      response = http.send(request(), HttpResponse.BodyHandlers.ofString());
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted waiting for a token from " + grant.endpoint(), e);
    }
    final int status = response.statusCode();
    if (status >= 500) {
      throw new IOException(refusal(response));
    }
    final JsonNode json = status == 200 ? parse(response.body()) : null;
    final JsonNode token = json == null ? null : json.get("access_token");
    if (token == null || !token.isTextual() || token.asText().isBlank()) {
      // Wrong credentials or a grant the issuer does not allow: trying again will not help.
      throw new SchemaRegistryClientException(
          status, SchemaRegistryClientException.UNAUTHORIZED, refusal(response));
    }
    final JsonNode expiresIn = json.get("expires_in");
    return new Cached(
        token.asText(),
        expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
            ? renewAt(Duration.ofSeconds(expiresIn.asLong()))
            // Without a lifetime the token is used until the registry refuses it.
            : Instant.MAX);
  }

  private HttpRequest request() {
    final String credentials = encode(grant.clientId()) + ":" + encode(grant.clientSecret());
    final String form =
        "grant_type=client_credentials"
            + (grant.scope().isEmpty() ? "" : "&scope=" + encode(grant.scope()));
    return HttpRequest.newBuilder(grant.endpoint())
        .timeout(readTimeout)
        .header(
            "Authorization",
            "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(form, StandardCharsets.UTF_8))
        .build();
  }

  /** When to fetch the next token: the buffer before expiry, but no earlier than half-way. */
  private Instant renewAt(final Duration lifetime) {
    final Duration half = lifetime.dividedBy(2);
    return Instant.now()
        .plus(lifetime)
        .minus(expiryBuffer.compareTo(half) > 0 ? half : expiryBuffer);
  }

  private String refusal(final HttpResponse<String> response) {
    return "No bearer token from "
        + grant.endpoint()
        + ": HTTP "
        + response.statusCode()
        + " "
        + FailoverTransport.excerpt(response.body());
  }

  private static JsonNode parse(final String body) {
    try {
      return MAPPER.readTree(body);
    } catch (final IOException e) {
      return null;
    }
  }

  /** Client ids and secrets are form-encoded inside the Basic credentials (RFC 6749 2.3.1). */
  private static String encode(final String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
