package io.ksr.store;

/** A live version of a subject together with its schema. */
public record RegisteredSchema(String subject, int version, int id, SchemaEntry schema) {}
