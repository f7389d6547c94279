package io.ksr.store;

/**
 * A mode as the store holds it.
 *
 * @param mode the mode's name as written, which may be one this version does not know
 * @param rawKey the key bytes in {@code _schemas} when they differ from today's layout, else null
 */
public record StoredMode(String mode, byte[] rawKey) {}
