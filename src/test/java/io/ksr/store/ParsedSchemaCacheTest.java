package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Sent schemas parsed once, checked as strictly as asked, and kept within a budget of bytes. */
class ParsedSchemaCacheTest {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();
  private static final String BAD_DEFAULT =
      "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"int\","
          + "\"default\":\"x\"}]}";

  private int parses;

  @Test
  void shouldParseASchemaSentAgainOnce() {
    final ParsedSchemaCache cache = new ParsedSchemaCache(10, 1 << 20);

    final ParsedSchema first = sent(cache, "\"string\"", false);
    final ParsedSchema second = sent(cache, "\"string\"", false);
    sent(cache, "\"int\"", false);

    assertEquals(first, second);
    assertEquals(2, parses);
  }

  @Test
  void shouldCheckASchemaKeptFromALenientParseAgainWhenItIsNew() {
    final ParsedSchemaCache cache = new ParsedSchemaCache(10, 1 << 20);
    sent(cache, BAD_DEFAULT, false);

    assertThrows(RegistryException.class, () -> sent(cache, BAD_DEFAULT, true));
    sent(cache, BAD_DEFAULT, false);
    sent(cache, "\"string\"", true);
    sent(cache, "\"string\"", false);

    assertEquals(3, parses);
  }

  @Test
  void shouldForgetSchemasUnusedForTwoGenerationsOfItsBudget() {
    final ParsedSchemaCache cache = new ParsedSchemaCache(10, 8_000);
    sent(cache, record("Old"), false);
    for (int n = 0; n < 20; n++) {
      sent(cache, record("R" + n), false);
    }

    sent(cache, record("Old"), false);

    assertEquals(22, parses);
  }

  @Test
  void shouldKeepNothingWithoutABudget() {
    final ParsedSchemaCache cache = ParsedSchemaCache.none();

    sent(cache, "\"string\"", false);
    sent(cache, "\"string\"", false);

    assertEquals(2, parses);
  }

  private ParsedSchema sent(final ParsedSchemaCache cache, final String text, final boolean asNew) {
    final Supplier<ParsedSchema> parse =
        () -> {
          parses++;
          return PROVIDERS.parse(SchemaType.AVRO, text, List.of(), asNew);
        };
    return cache.sent(SchemaType.AVRO, text, List.of(), false, asNew, parse);
  }

  private static String record(final String name) {
    return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}";
  }
}
