package io.ksr.writer;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.SchemaReference;
import java.util.List;
import java.util.Objects;

/** A write request, as any instance puts it on the command topic for the writer. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Command.RegisterSchema.class, name = "register-schema"),
  @JsonSubTypes.Type(value = Command.DeleteVersion.class, name = "delete-version"),
  @JsonSubTypes.Type(value = Command.DeleteSubject.class, name = "delete-subject"),
  @JsonSubTypes.Type(value = Command.UpdateConfig.class, name = "update-config"),
  @JsonSubTypes.Type(value = Command.DeleteConfig.class, name = "delete-config"),
  @JsonSubTypes.Type(value = Command.UpdateMode.class, name = "update-mode"),
  @JsonSubTypes.Type(value = Command.DeleteMode.class, name = "delete-mode"),
  @JsonSubTypes.Type(value = Command.DeleteContext.class, name = "delete-context")
})
public sealed interface Command {

  /** How the operation is named in error messages, such as "Register operation timed out". */
  String operation();

  /**
   * Register a schema under a subject ({@code POST /subjects/{subject}/versions}).
   *
   * @param schemaType null for Avro
   * @param references as requested; a version of {@code -1} means the latest
   * @param metadata null when the request has none, which inherits the previous version's
   * @param ruleSet null when the request has none, which inherits the previous version's
   * @param id the id to use, in IMPORT mode only; null otherwise
   * @param version the version to use; null or 0 for the next one
   * @param normalize whether the request asked to normalize; the config may ask too
   * @param force skip the compatibility check
   * @param sent the identity of the schema as sent, from the instance that took the request; null
   *     when it could not tell
   */
  record RegisterSchema(
      String subject,
      String schemaType,
      String schema,
      List<SchemaReference> references,
      JsonNode metadata,
      JsonNode ruleSet,
      Integer id,
      Integer version,
      boolean normalize,
      boolean force,
      SentIdentity sent)
      implements Command {
    public RegisterSchema {
      Objects.requireNonNull(subject, "subject can't be null");
      references = references == null ? List.of() : List.copyOf(references);
    }

    /** A plain registration of schema text. */
    public static RegisterSchema of(
        final String subject, final String schemaType, final String schema) {
      return new RegisterSchema(
          subject, schemaType, schema, List.of(), null, null, null, null, false, false, null);
    }

    /** The same registration, under the subject as written otherwise. */
    public RegisterSchema withSubject(final String written) {
      return with(written, sent);
    }

    /** The same registration, carrying the identity of the schema as sent. */
    public RegisterSchema withSent(final SentIdentity identity) {
      return with(subject, identity);
    }

    private RegisterSchema with(final String otherSubject, final SentIdentity otherSent) {
      return new RegisterSchema(
          otherSubject,
          schemaType,
          schema,
          references,
          metadata,
          ruleSet,
          id,
          version,
          normalize,
          force,
          otherSent);
    }

    /** Whether it names the id to use (IMPORT mode); a negative id names none. */
    public boolean hasId() {
      return id != null && id >= 0;
    }

    /** Whether it names the version to use; 0 or a negative version asks for the next one. */
    public boolean hasVersion() {
      return version != null && version > 0;
    }

    @Override
    public String operation() {
      return "Register";
    }
  }

  /**
   * The identity of a schema as a request sent it (its own metadata and rule set, nothing
   * inherited), with what it was computed from, so that the writer can tell whether it would have
   * computed the same one from its own state.
   *
   * @param identity in hex
   * @param normalized whether the schema was put in normal form
   * @param references the references made concrete, as the identity includes them
   */
  record SentIdentity(String identity, boolean normalized, List<SchemaReference> references) {
    public SentIdentity {
      Objects.requireNonNull(identity, "identity can't be null");
      references = references == null ? List.of() : List.copyOf(references);
    }
  }

  /**
   * Delete a version of a subject ({@code DELETE /subjects/{subject}/versions/{version}}).
   *
   * @param version a version number, or {@code -1} for the latest live one
   * @param permanent a hard delete, of a version that was soft-deleted first
   */
  record DeleteVersion(String subject, int version, boolean permanent) implements Command {
    public DeleteVersion {
      Objects.requireNonNull(subject, "subject can't be null");
    }

    @Override
    public String operation() {
      return "Delete schema version";
    }
  }

  /**
   * Delete every version of a subject ({@code DELETE /subjects/{subject}}).
   *
   * @param permanent a hard delete, of a subject that was soft-deleted first
   */
  record DeleteSubject(String subject, boolean permanent) implements Command {
    public DeleteSubject {
      Objects.requireNonNull(subject, "subject can't be null");
    }

    @Override
    public String operation() {
      return "Delete subject";
    }
  }

  /**
   * Change the config of a subject, of a context ({@code :.ctx:}), or the global one when {@code
   * subject} is null.
   *
   * @param update the {@code PUT /config} body: present keys set (or, with null, clear) a setting
   */
  record UpdateConfig(String subject, ObjectNode update) implements Command {
    public UpdateConfig {
      Objects.requireNonNull(update, "update can't be null");
    }

    @Override
    public String operation() {
      return "Update config";
    }
  }

  /** Delete the config of a subject or context, or the global one when {@code subject} is null. */
  record DeleteConfig(String subject) implements Command {
    @Override
    public String operation() {
      return "Delete config";
    }
  }

  /**
   * Set the mode of a subject or context, or the global one when {@code subject} is null.
   *
   * @param force switch to IMPORT even though the scope has subjects
   */
  record UpdateMode(String subject, String mode, boolean force) implements Command {
    public UpdateMode {
      Objects.requireNonNull(mode, "mode can't be null");
    }

    @Override
    public String operation() {
      return "Update mode";
    }
  }

  /** Delete the mode of a subject or context, or the global one when {@code subject} is null. */
  record DeleteMode(String subject) implements Command {
    @Override
    public String operation() {
      return "Delete mode";
    }
  }

  /** Forget a context that has no subjects left ({@code DELETE /contexts/{context}}). */
  record DeleteContext(String context) implements Command {
    public DeleteContext {
      Objects.requireNonNull(context, "context can't be null");
    }

    @Override
    public String operation() {
      return "Delete context";
    }
  }
}
