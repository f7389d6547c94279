package io.ksr.store;

import java.util.Objects;

/**
 * The topics the registry uses.
 *
 * @param schemas the compacted, one-partition log of schemas, in Confluent's format
 * @param commands the one-partition topic of write requests, read by the single writer
 * @param replies the one-partition topic where the writer answers each request
 */
public record TopicNames(String schemas, String commands, String replies) {
  public TopicNames {
    Objects.requireNonNull(schemas, "schemas can't be null");
    Objects.requireNonNull(commands, "commands can't be null");
    Objects.requireNonNull(replies, "replies can't be null");
  }

  /** The command and reply topics named after the schemas topic. */
  public static TopicNames derivedFrom(final String schemasTopic) {
    return new TopicNames(schemasTopic, schemasTopic + "_commands", schemasTopic + "_replies");
  }
}
