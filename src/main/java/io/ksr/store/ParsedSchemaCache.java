package io.ksr.store;

import io.ksr.domain.ParsedSchema;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stored schemas, parsed once. A transitive compatibility check compares a new schema with every
 * live version of its subject; parsing each of them again for every registration would cost far
 * more than the comparison. Bounded, least recently used first out.
 */
public final class ParsedSchemaCache {
  /** The size an instance's store or writer uses: the schemas of its busiest subjects. */
  public static final int DEFAULT_CAPACITY = 10_000;

  private record Key(String context, String identity) {}

  private final int capacity;
  private final Map<Key, ParsedSchema> parsed;

  public ParsedSchemaCache(final int capacity) {
    this.capacity = capacity;
    this.parsed =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(final Map.Entry<Key, ParsedSchema> eldest) {
            return size() > ParsedSchemaCache.this.capacity;
          }
        };
  }

  /** A cache that keeps nothing, for one-off views of the state. */
  public static ParsedSchemaCache none() {
    return new ParsedSchemaCache(0);
  }

  /**
   * The parsed form of a stored schema, by its identity (see {@link SchemaEntry#identity}), parsed
   * with {@code parse} the first time. Parsing happens outside the lock: two threads may parse the
   * same schema once each, never wait on each other.
   */
  ParsedSchema get(
      final String context, final String identity, final Supplier<ParsedSchema> parse) {
    final Key key = new Key(context, identity);
    synchronized (parsed) {
      final ParsedSchema cached = parsed.get(key);
      if (cached != null) {
        return cached;
      }
    }
    final ParsedSchema fresh = parse.get();
    synchronized (parsed) {
      parsed.put(key, fresh);
    }
    return fresh;
  }
}
