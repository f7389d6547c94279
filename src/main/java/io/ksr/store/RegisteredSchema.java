package io.ksr.store;

/** A version of a subject together with its schema. */
public record RegisteredSchema(
    String subject, int version, int id, boolean deleted, SchemaEntry schema) {}
