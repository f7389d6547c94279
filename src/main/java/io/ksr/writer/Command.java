package io.ksr.writer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/** A write request, as any instance puts it on the command topic for the writer. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Command.RegisterSchema.class, name = "register-schema"),
  @JsonSubTypes.Type(value = Command.UpdateConfig.class, name = "update-config")
})
public sealed interface Command {

  /** How the operation is named in error messages, such as "Register operation timed out". */
  String operation();

  /** Register a schema under a subject ({@code POST /subjects/{subject}/versions}). */
  record RegisterSchema(String subject, String schemaType, String schema) implements Command {
    public RegisterSchema {
      Objects.requireNonNull(subject, "subject can't be null");
    }

    @Override
    public String operation() {
      return "Register";
    }
  }

  /** Set the compatibility level of a subject, or the global one when {@code subject} is null. */
  record UpdateConfig(String subject, String compatibility) implements Command {
    @Override
    public String operation() {
      return "Update compatibility level";
    }
  }
}
