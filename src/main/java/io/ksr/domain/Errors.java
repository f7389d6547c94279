package io.ksr.domain;

/** Factories for the errors the registry reports, worded as Confluent words them. */
public final class Errors {
  private Errors() {}

  public static RegistryException subjectNotFound(final String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  public static RegistryException versionNotFound(final int version) {
    return new RegistryException(ErrorCode.VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  public static RegistryException schemaNotFound(final int id) {
    return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
  }

  public static RegistryException schemaNotFound() {
    return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema not found");
  }

  public static RegistryException subjectCompatibilityNotConfigured(final String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  public static RegistryException invalidSchema(final String message) {
    return new RegistryException(ErrorCode.INVALID_SCHEMA, message);
  }

  public static RegistryException invalidVersion(final String version) {
    return new RegistryException(
        ErrorCode.INVALID_VERSION,
        "The specified version '"
            + version
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the string"
            + " \"latest\"");
  }

  public static RegistryException invalidCompatibilityLevel(final String level) {
    return new RegistryException(
        ErrorCode.INVALID_COMPATIBILITY_LEVEL,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are none, backward, forward, full, backward_transitive,"
            + " forward_transitive, and full_transitive");
  }

  public static RegistryException invalidSubject(final String subject) {
    return new RegistryException(
        ErrorCode.INVALID_SUBJECT, "The specified subject '" + subject + "' is not a valid.");
  }

  public static RegistryException subjectSoftDeleted(final String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_SOFT_DELETED,
        "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException subjectNotSoftDeleted(final String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_NOT_SOFT_DELETED,
        "Subject '" + subject + "' was not deleted first before being permanently deleted");
  }

  public static RegistryException versionSoftDeleted(final String subject, final int version) {
    return new RegistryException(
        ErrorCode.VERSION_SOFT_DELETED,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was soft deleted.Set permanent=true to delete permanently");
  }

  public static RegistryException versionNotSoftDeleted(final String subject, final int version) {
    return new RegistryException(
        ErrorCode.VERSION_NOT_SOFT_DELETED,
        "Subject '"
            + subject
            + "' Version "
            + version
            + " was not deleted first before being permanently deleted");
  }

  public static RegistryException subjectModeNotConfigured(final String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level mode configured");
  }

  public static RegistryException invalidMode(final String mode) {
    return new RegistryException(
        ErrorCode.INVALID_MODE,
        "Invalid mode '"
            + mode
            + "'. Valid values are READWRITE, READONLY, READONLY_OVERRIDE, and IMPORT.");
  }

  public static RegistryException operationNotPermitted(final String message) {
    return new RegistryException(ErrorCode.OPERATION_NOT_PERMITTED, message);
  }

  /**
   * A new schema in a context whose highest id is taken. 42205, as for the other states of the
   * registry that forbid a write: the request is valid, and retrying it cannot succeed. A 5xx would
   * have clients retry, and fail over to other instances, to no end; 50001 says Kafka failed.
   */
  public static RegistryException idsExhausted(final String context) {
    return operationNotPermitted(
        "Context '"
            + context
            + "' has no schema ids left: its highest id, "
            + Integer.MAX_VALUE
            + ", is taken, so no new schema can be registered in it; the schemas it has keep"
            + " their ids and can still be registered under other subjects");
  }

  /**
   * A new version of a subject whose highest version is taken; 42205 as for {@link #idsExhausted}.
   */
  public static RegistryException versionsExhausted(final String subject) {
    return operationNotPermitted(
        "Subject '"
            + subject
            + "' has no versions left: its highest version, "
            + Integer.MAX_VALUE
            + ", is taken, so no new schema can be registered under it");
  }

  public static RegistryException readOnlyMode(final String subject) {
    return operationNotPermitted("Subject '" + subject + "' is in read-only mode");
  }

  public static RegistryException notImportMode(final String subject) {
    return operationNotPermitted(
        "Subject '"
            + subject
            + "' is not in import mode: a schema id can only be given in IMPORT mode");
  }

  public static RegistryException notReadWriteMode(final String subject) {
    return operationNotPermitted(
        "Subject '"
            + subject
            + "' is not in read-write mode: in IMPORT mode every schema must carry its id");
  }

  public static RegistryException referenceExists(final String subject, final int version) {
    return new RegistryException(
        ErrorCode.REFERENCE_EXISTS,
        "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject="
            + subject
            + ",version="
            + version
            + "}.");
  }

  public static RegistryException invalidRuleSet(final String message) {
    return new RegistryException(ErrorCode.INVALID_RULE_SET, message);
  }

  public static RegistryException contextNotEmpty(final String context) {
    return new RegistryException(
        ErrorCode.CONTEXT_NOT_EMPTY, "The specified context '" + context + "' is not empty.");
  }

  public static RegistryException operationTimeout(final String message) {
    return new RegistryException(ErrorCode.OPERATION_TIMEOUT, message);
  }

  public static RegistryException storeError(final String message, final Throwable cause) {
    return new RegistryException(ErrorCode.STORE_ERROR, message, cause);
  }
}
