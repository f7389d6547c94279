package io.ksr.writer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.ksr.domain.SchemaConfig;
import java.util.List;

/** What the writer did with a command. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Outcome.Registered.class, name = "registered"),
  @JsonSubTypes.Type(value = Outcome.Deleted.class, name = "deleted"),
  @JsonSubTypes.Type(value = Outcome.ConfigChanged.class, name = "config-changed"),
  @JsonSubTypes.Type(value = Outcome.ModeChanged.class, name = "mode-changed"),
  @JsonSubTypes.Type(value = Outcome.Failed.class, name = "failed"),
  @JsonSubTypes.Type(value = Outcome.NotReady.class, name = "not-ready")
})
public sealed interface Outcome {

  /** The schema has this id and version in the subject, newly or already. */
  record Registered(int id, int version) implements Outcome {}

  /** These versions were deleted, lowest first. */
  record Deleted(List<Integer> versions) implements Outcome {
    public Deleted {
      versions = List.copyOf(versions);
    }
  }

  /**
   * A config was set or deleted.
   *
   * @param config the config now stored after an update, or the one removed by a delete
   */
  record ConfigChanged(SchemaConfig config) implements Outcome {}

  /**
   * A mode was set or deleted.
   *
   * @param mode the mode now set after an update, or the one removed by a delete
   */
  record ModeChanged(String mode) implements Outcome {}

  /** The command was refused or could not be carried out; nothing was written. */
  record Failed(int errorCode, String message) implements Outcome {}

  /**
   * The writer has just taken over and has not yet read all of {@code _schemas}; nothing was
   * written, and the requester sends the command again.
   */
  record NotReady(String reason) implements Outcome {}
}
