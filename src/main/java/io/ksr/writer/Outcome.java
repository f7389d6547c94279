package io.ksr.writer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the writer did with a command. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Outcome.Registered.class, name = "registered"),
  @JsonSubTypes.Type(value = Outcome.ConfigUpdated.class, name = "config-updated"),
  @JsonSubTypes.Type(value = Outcome.Failed.class, name = "failed"),
  @JsonSubTypes.Type(value = Outcome.NotReady.class, name = "not-ready")
})
public sealed interface Outcome {

  /** The schema has this id and version in the subject, newly or already. */
  record Registered(int id, int version) implements Outcome {}

  /** The compatibility level is now {@code compatibility}. */
  record ConfigUpdated(String compatibility) implements Outcome {}

  /** The command was refused or could not be carried out; nothing was written. */
  record Failed(int errorCode, String message) implements Outcome {}

  /**
   * The writer has just taken over and has not yet read all of {@code _schemas}; nothing was
   * written, and the requester sends the command again.
   */
  record NotReady(String reason) implements Outcome {}
}
