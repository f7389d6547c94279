package io.ksr.client;

import java.util.List;
import java.util.Map;

/** Creates the registry client a configuration asks for: in memory for mock://, else over HTTP. */
public final class SchemaRegistryClients {
  private SchemaRegistryClients() {}

  /**
   * The client for {@code schema.registry.url}: the shared in-memory registry of a scope for {@code
   * mock://<scope>}, else a caching HTTP client over the listed URLs.
   */
  public static SchemaRegistryClient fromConfig(final Map<String, ?> configs) {
    final Object urls = configs.get(ClientConfig.URL);
    final String first =
        urls instanceof List<?> list && !list.isEmpty()
            ? String.valueOf(list.get(0))
            : String.valueOf(urls).split(",")[0];
    final String scope = MockSchemaRegistry.scopeOf(first);
    return scope != null
        ? MockSchemaRegistry.clientForScope(scope)
        : CachedSchemaRegistryClient.fromConfig(configs);
  }
}
