package io.ksr.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ksr.config.BearerTokenSettings;
import io.ksr.security.BearerAuthenticator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OAuth 2 issuer on a real socket: it publishes its current RSA key at {@code /jwks}, hands
 * client-credentials tokens out at {@code /token}, signs tokens for tests, and can rotate its key.
 */
public final class TestIssuer implements AutoCloseable {
  /** The audience of the tokens it issues, which registries in tests expect. */
  public static final String AUDIENCE = "ksr";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** A client that may ask for tokens, and who its tokens say it is. */
  private record Client(String secret, String subject, List<String> groups) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final Map<String, Client> clients = new HashMap<>();
  private final AtomicInteger keySetRequests = new AtomicInteger();
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private final AtomicInteger expiredToIssue = new AtomicInteger();
  private volatile RSAKey key = newKey("key-1");
  private volatile Duration tokenLifetime = Duration.ofMinutes(5);

  private TestIssuer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/jwks", this::keySet);
    server.createContext("/token", this::token);
    server.setExecutor(executor);
    server.start();
  }

  public static TestIssuer start() {
    try {
      return new TestIssuer();
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The issuer's name, the {@code iss} of its tokens. */
  public String issuer() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public String jwksUrl() {
    return issuer() + "/jwks";
  }

  public String tokenUrl() {
    return issuer() + "/token";
  }

  /**
   * How a registry checks this issuer's tokens: its keys, its name, {@link #AUDIENCE}, the default
   * claims and clock skew, keys kept ten minutes.
   */
  public BearerAuthenticator.Settings checkedBy(final Duration refetchInterval) {
    try {
      return new BearerAuthenticator.Settings(
          URI.create(jwksUrl()).toURL(),
          issuer(),
          Set.of(AUDIENCE),
          "sub",
          "groups",
          Duration.ofSeconds(30),
          Duration.ofMinutes(10),
          refetchInterval);
    } catch (final MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The registry settings that make it check this issuer's tokens. */
  public Map<String, Object> registrySettings(final Duration refetchInterval) {
    return Map.of(
        BearerTokenSettings.JWKS_URL, jwksUrl(),
        BearerTokenSettings.EXPECTED_ISSUER, issuer(),
        BearerTokenSettings.EXPECTED_AUDIENCE, AUDIENCE,
        BearerTokenSettings.JWKS_REFETCH_INTERVAL_MS, refetchInterval.toMillis());
  }

  /** How many times the key set was fetched. */
  public int keySetRequests() {
    return keySetRequests.get();
  }

  /** How many tokens {@code /token} handed out. */
  public int tokensIssued() {
    return tokensIssued.get();
  }

  /** Lets a client ask {@code /token} for tokens naming {@code subject} and its groups. */
  public void register(
      final String clientId, final String secret, final String subject, final List<String> groups) {
    synchronized (clients) {
      clients.put(clientId, new Client(secret, subject, List.copyOf(groups)));
    }
  }

  /** How long the tokens of {@code /token} live, as {@code expires_in} and {@code exp} say. */
  public void tokenLifetime(final Duration lifetime) {
    tokenLifetime = lifetime;
  }

  /**
   * The next {@code count} tokens of {@code /token} have an {@code exp} long past, while their
   * {@code expires_in} promises an hour: a registry refuses them before the client expects it.
   */
  public void issueExpiredTokens(final int count) {
    expiredToIssue.set(count);
  }

  /** Replaces the key: it signs from now on, and the key set publishes only it. */
  public RSAKey rotate(final String keyId) {
    key = newKey(keyId);
    return key;
  }

  public RSAKey key() {
    return key;
  }

  /** Claims of a valid token for {@code subject}: this issuer, {@link #AUDIENCE}, five minutes. */
  public JWTClaimsSet.Builder claims(final String subject, final List<String> groups) {
    final Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(issuer())
        .audience(AUDIENCE)
        .subject(subject)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
        .claim("groups", groups);
  }

  /** A valid token for {@code subject} in {@code groups}, signed with the current key. */
  public String token(final String subject, final List<String> groups) {
    return sign(claims(subject, groups).build());
  }

  /** The claims signed with the current key, naming it by its key id. */
  public String sign(final JWTClaimsSet claims) {
    return sign(claims, key);
  }

  /** The claims signed with RS256 by any key, under that key's id. */
  public static String sign(final JWTClaimsSet claims, final RSAKey signer) {
    try {
      final SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), claims);
      jwt.sign(new RSASSASigner(signer));
      return jwt.serialize();
    } catch (final JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A fresh 2048-bit RSA key with this id. */
  public static RSAKey newKey(final String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (final JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private void keySet(final HttpExchange exchange) throws IOException {
    keySetRequests.incrementAndGet();
    answer(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
  }

  private void token(final HttpExchange exchange) throws IOException {
    final String form =
        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    final String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    final String[] credentials =
        authorization == null || !authorization.startsWith("Basic ")
            ? new String[0]
            : new String(
                    Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                .split(":", 2);
    final Client client;
    synchronized (clients) {
      client = credentials.length == 2 ? clients.get(decode(credentials[0])) : null;
    }
    if (!form.contains("grant_type=client_credentials")) {
      answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
    } else if (client == null || !client.secret().equals(decode(credentials[1]))) {
      answer(exchange, 401, "{\"error\":\"invalid_client\"}");
    } else {
      final long lifetime = tokenLifetime.toSeconds();
      final JWTClaimsSet.Builder claims = claims(client.subject(), client.groups());
      final Instant now = Instant.now();
      final boolean expired = expiredToIssue.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
      claims.expirationTime(
          Date.from(expired ? now.minus(Duration.ofHours(1)) : now.plusSeconds(lifetime)));
      final Map<String, Object> body = new HashMap<>();
      body.put("access_token", sign(claims.build()));
      body.put("token_type", "Bearer");
      body.put("expires_in", expired ? 3600 : lifetime);
      tokensIssued.incrementAndGet();
      answer(exchange, 200, MAPPER.writeValueAsString(body));
    }
  }

  private static String decode(final String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static void answer(final HttpExchange exchange, final int status, final String body)
      throws IOException {
    final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (var out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
