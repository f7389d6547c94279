package io.ksr.client;

import java.util.List;
import java.util.Map;

/**
 * A client that remembers the answers that cannot change (what an id stands for, a subject's fixed
 * version, a schema's id and version under a subject) and asks another client for everything else.
 *
 * <p>A version deleted after it was cached is still served from the cache, as a serializer would
 * want for records already written with it.
 */
public final class CachedSchemaRegistryClient implements SchemaRegistryClient {
  private record SchemaKey(String subject, SchemaString schema, boolean normalize) {}

  private record VersionKey(String subject, int version) {}

  private final SchemaRegistryClient delegate;
  private final LruCache<Integer, SchemaString> byId;
  private final LruCache<SchemaKey, Integer> registered;
  private final LruCache<SchemaKey, SchemaVersion> lookedUp;
  private final LruCache<VersionKey, SchemaVersion> versions;

  /**
   * @param capacity how many entries each cache keeps before evicting the least recently used
   */
  public CachedSchemaRegistryClient(final SchemaRegistryClient delegate, final int capacity) {
    this.delegate = delegate;
    this.byId = new LruCache<>(capacity);
    this.registered = new LruCache<>(capacity);
    this.lookedUp = new LruCache<>(capacity);
    this.versions = new LruCache<>(capacity);
  }

  /**
   * A caching {@link RestSchemaRegistryClient} configured by the keys of {@link ClientConfig},
   * holding up to {@code max.schemas.per.subject} entries per cache.
   */
  public static CachedSchemaRegistryClient fromConfig(final Map<String, ?> configs) {
    final ClientConfig config = new ClientConfig(configs);
    return new CachedSchemaRegistryClient(
        new RestSchemaRegistryClient(config), config.maxSchemasPerSubject());
  }

  /** The client asked on a cache miss. */
  public SchemaRegistryClient delegate() {
    return delegate;
  }

  @Override
  public int register(final String subject, final SchemaString schema, final boolean normalize) {
    return registered.get(
        new SchemaKey(subject, schema, normalize),
        () -> delegate.register(subject, schema, normalize));
  }

  @Override
  public SchemaVersion lookup(
      final String subject, final SchemaString schema, final boolean normalize) {
    return lookedUp.get(
        new SchemaKey(subject, schema, normalize),
        () -> delegate.lookup(subject, schema, normalize));
  }

  @Override
  public SchemaString getById(final int id) {
    return byId.get(id, () -> delegate.getById(id));
  }

  @Override
  public SchemaVersion getVersion(final String subject, final int version) {
    // 0 and below are not fixed versions: -1 means the latest.
    if (version <= 0) {
      return delegate.getVersion(subject, version);
    }
    return versions.get(
        new VersionKey(subject, version), () -> delegate.getVersion(subject, version));
  }

  @Override
  public SchemaVersion getLatest(final String subject) {
    return delegate.getLatest(subject);
  }

  @Override
  public List<String> compatibilityProblems(final String subject, final SchemaString schema) {
    return delegate.compatibilityProblems(subject, schema);
  }

  @Override
  public String getCompatibility(final String subject) {
    return delegate.getCompatibility(subject);
  }

  @Override
  public void setCompatibility(final String subject, final String level) {
    delegate.setCompatibility(subject, level);
  }

  @Override
  public List<String> subjects() {
    return delegate.subjects();
  }

  @Override
  public List<Integer> versions(final String subject) {
    return delegate.versions(subject);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
