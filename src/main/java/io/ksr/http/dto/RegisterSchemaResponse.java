package io.ksr.http.dto;

/** The answer to a registration: the schema's id, which every Confluent client accepts. */
public record RegisterSchemaResponse(int id) {}
