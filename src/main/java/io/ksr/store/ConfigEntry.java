package io.ksr.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ksr.domain.SchemaConfig;

/**
 * The settings stored for a subject, a context or globally.
 *
 * @param rawKey the key bytes in {@code _schemas} when they differ from today's layout, else null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigEntry(SchemaConfig config, byte[] rawKey) {}
