package io.ksr.http.dto;

/**
 * The body of {@code PUT /config}, which the server echoes. Note the key is {@code compatibility},
 * not {@code compatibilityLevel} as in reads: that is Confluent's API.
 */
public record ConfigUpdateRequest(String compatibility) {}
