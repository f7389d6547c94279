package io.ksr.store;

import io.ksr.domain.ParsedSchema;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Schemas parsed once. A transitive compatibility check compares a new schema with every live
 * version of its subject, and every producer that starts sends its schema to be registered or
 * looked up; parsing each of them again every time would cost far more than the comparison or the
 * lookup. Stored schemas are kept by identity, least recently used first out; sent schemas by their
 * text, within a budget of bytes.
 */
public final class ParsedSchemaCache {
  /** The size an instance's store or writer uses: the schemas of its busiest subjects. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** Bytes of sent schemas an instance keeps parsed: the schemas of many thousand producers. */
  public static final long DEFAULT_SENT_BUDGET_BYTES = 32L * 1024 * 1024;

  /** What a kept sent schema costs beyond its texts and model: the map's entries. */
  private static final long SENT_OVERHEAD_BYTES = 512;

  /** Bytes of heap a parsed model takes per character of its canonical text, at a guess. */
  private static final long PARSED_BYTES_PER_CHAR = 8;

  private record Key(String context, String identity) {}

  /**
   * Everything a sent schema's parse depends on: the text, and the text of every schema it
   * references, since a version number can name another schema after a hard delete.
   */
  private record SentKey(
      SchemaType type, String text, List<ResolvedReference> references, boolean normalize) {}

  /** A parsed sent schema, and whether it passed the checks that new schemas get. */
  private record Sent(ParsedSchema parsed, boolean validatedAsNew, long bytes) {}

  private final int capacity;
  private final Map<Key, ParsedSchema> parsed;
  private final long sentBudgetBytes;

  /**
   * Sent schemas in two generations: new entries go to the young one, and when it has used half the
   * budget it becomes the old one and the old one is dropped. A hit in the old generation moves the
   * entry back to the young one, so schemas in use stay and reads take no lock.
   */
  private volatile ConcurrentHashMap<SentKey, Sent> youngSent = new ConcurrentHashMap<>();

  private volatile ConcurrentHashMap<SentKey, Sent> oldSent = new ConcurrentHashMap<>();
  private final AtomicLong youngSentBytes = new AtomicLong();

  public ParsedSchemaCache(final int capacity) {
    this(capacity, DEFAULT_SENT_BUDGET_BYTES);
  }

  /**
   * @param capacity how many stored schemas are kept
   * @param sentBudgetBytes how many bytes of sent schemas (text and references) are kept at most
   */
  public ParsedSchemaCache(final int capacity, final long sentBudgetBytes) {
    this.capacity = capacity;
    this.sentBudgetBytes = sentBudgetBytes;
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
    return new ParsedSchemaCache(0, 0);
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

  /**
   * The parsed form of a schema a request sent, parsed with {@code parse} when it is not kept, or
   * was kept from a parse that did not check it as strictly as {@code asNew} asks. A schema that
   * fails to parse is not kept.
   *
   * @param references every schema it references, as the parse resolved them
   * @param normalize whether {@code parse} puts it in normal form
   * @param asNew whether {@code parse} checks it as a new schema
   */
  ParsedSchema sent(
      final SchemaType type,
      final String text,
      final List<ResolvedReference> references,
      final boolean normalize,
      final boolean asNew,
      final Supplier<ParsedSchema> parse) {
    final SentKey key = new SentKey(type, text, references, normalize);
    Sent found = youngSent.get(key);
    if (found == null) {
      found = oldSent.get(key);
      if (found != null) {
        keep(key, found);
      }
    }
    if (found != null && (found.validatedAsNew() || !asNew)) {
      return found.parsed();
    }
    final ParsedSchema fresh = parse.get();
    keep(key, new Sent(fresh, asNew, bytes(text, references, fresh)));
    return fresh;
  }

  private void keep(final SentKey key, final Sent sent) {
    if (sent.bytes() * 2 > sentBudgetBytes) {
      return;
    }
    final ConcurrentHashMap<SentKey, Sent> young = youngSent;
    final Sent replaced = young.put(key, sent);
    final long added = sent.bytes() - (replaced == null ? 0 : replaced.bytes());
    if (youngSentBytes.addAndGet(added) * 2 > sentBudgetBytes) {
      synchronized (this) {
        if (youngSent == young) {
          oldSent = young;
          youngSent = new ConcurrentHashMap<>();
          youngSentBytes.set(0);
        }
      }
    }
  }

  /**
   * What a kept sent schema costs, roughly: its text and the texts it references (held by the key),
   * and the parsed model, which takes several times the bytes of its canonical text.
   */
  private static long bytes(
      final String text, final List<ResolvedReference> references, final ParsedSchema parsed) {
    long bytes =
        SENT_OVERHEAD_BYTES
            + 2L * text.length()
            + PARSED_BYTES_PER_CHAR * parsed.canonicalString().length();
    for (final ResolvedReference reference : references) {
      bytes += 2L * reference.schema().length();
    }
    return bytes;
  }
}
