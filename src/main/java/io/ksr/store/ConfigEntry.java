package io.ksr.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Compatibility settings stored for a subject or globally.
 *
 * @param compatibilityLevel null when none is set at this scope
 * @param rawKey the key bytes in {@code _schemas} when they differ from today's layout, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigEntry(String compatibilityLevel, byte[] rawKey) {}
