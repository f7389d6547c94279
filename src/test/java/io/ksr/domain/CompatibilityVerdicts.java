package io.ksr.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.domain.CompatibilityChecker.PreviousVersion;
import java.util.List;

/** Checks a schema change against the verdicts expected at each compatibility level. */
public final class CompatibilityVerdicts {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  private CompatibilityVerdicts() {}

  /** Asserts BACKWARD, FORWARD and FULL as given, and that NONE accepts anything. */
  public static void assertVerdicts(
      final SchemaType type,
      final String oldSchema,
      final String newSchema,
      final boolean backward,
      final boolean forward,
      final boolean full) {
    assertEquals(
        backward, compatible(type, oldSchema, newSchema, CompatibilityLevel.BACKWARD), "BACKWARD");
    assertEquals(
        forward, compatible(type, oldSchema, newSchema, CompatibilityLevel.FORWARD), "FORWARD");
    assertEquals(full, compatible(type, oldSchema, newSchema, CompatibilityLevel.FULL), "FULL");
    assertTrue(compatible(type, oldSchema, newSchema, CompatibilityLevel.NONE), "NONE");
  }

  private static boolean compatible(
      final SchemaType type,
      final String oldSchema,
      final String newSchema,
      final CompatibilityLevel level) {
    return CompatibilityChecker.check(
            PROVIDERS.parse(type, newSchema, List.of(), false),
            List.of(new PreviousVersion(1, PROVIDERS.parse(type, oldSchema, List.of(), false))),
            level)
        .isEmpty();
  }
}
