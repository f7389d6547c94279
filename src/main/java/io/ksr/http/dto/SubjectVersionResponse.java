package io.ksr.http.dto;

/** A subject and one of its versions ({@code GET /schemas/ids/{id}/versions}). */
public record SubjectVersionResponse(String subject, int version) {}
