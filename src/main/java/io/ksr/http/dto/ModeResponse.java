package io.ksr.http.dto;

/** A mode as {@code GET /mode} returns it and {@code PUT /mode} takes it. */
public record ModeResponse(String mode) {}
