package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Confluent's response media type preferences. */
class MediaTypesTest {

  @Test
  void shouldPreferTheVersionedTypeWhenTheClientTakesAnything() {
    assertEquals(MediaTypes.V1, MediaTypes.choose(null));
    assertEquals(MediaTypes.V1, MediaTypes.choose("*/*"));
    assertEquals(MediaTypes.V1, MediaTypes.choose("application/*"));
    assertEquals(
        MediaTypes.V1,
        MediaTypes.choose("application/json, application/vnd.schemaregistry.v1+json"));
  }

  @Test
  void shouldHonourWhatTheClientAsksFor() {
    assertEquals(MediaTypes.JSON, MediaTypes.choose("application/json"));
    assertEquals(MediaTypes.VND, MediaTypes.choose("application/vnd.schemaregistry+json"));
    assertEquals(
        MediaTypes.JSON,
        MediaTypes.choose("application/vnd.schemaregistry.v1+json;q=0.1, application/json"));
  }

  @Test
  void shouldFindNothingForTypesItCannotProduce() {
    assertNull(MediaTypes.choose("text/html"));
    assertNull(MediaTypes.choose("application/json;q=0"));
  }
}
