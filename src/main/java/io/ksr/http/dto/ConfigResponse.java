package io.ksr.http.dto;

/** A compatibility setting as {@code GET /config} returns it. */
public record ConfigResponse(String compatibilityLevel) {}
