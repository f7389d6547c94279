package io.ksr.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory registries by scope, for {@code schema.registry.url=mock://<scope>}: serializers and
 * deserializers configured with the same scope share one registry, as if they talked to one server.
 */
public final class MockSchemaRegistry {
  /** The URL scheme that selects an in-memory registry. */
  public static final String SCHEME = "mock://";

  private static final Map<String, InMemorySchemaRegistryClient> SCOPES = new ConcurrentHashMap<>();

  private MockSchemaRegistry() {}

  /** The registry of a scope, created empty on first use. */
  public static SchemaRegistryClient clientForScope(final String scope) {
    return SCOPES.computeIfAbsent(scope, ignored -> new InMemorySchemaRegistryClient());
  }

  /** Forgets a scope's registry, so that the next test starts from an empty one. */
  public static void dropScope(final String scope) {
    SCOPES.remove(scope);
  }

  /** The scope a {@code mock://} URL names, or null when the URL is not one. */
  static String scopeOf(final String url) {
    final String trimmed = url.trim();
    return trimmed.startsWith(SCHEME) ? trimmed.substring(SCHEME.length()) : null;
  }
}
