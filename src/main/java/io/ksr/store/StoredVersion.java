package io.ksr.store;

/**
 * A version of a subject as the store holds it.
 *
 * @param rawKey the key bytes this version has in {@code _schemas} when an older writer laid it out
 *     differently from today's layout; null otherwise
 * @param identity the identity of its schema, in hex
 */
public record StoredVersion(
    String subject, int version, int id, boolean deleted, byte[] rawKey, String identity) {}
