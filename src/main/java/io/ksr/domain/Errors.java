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

  public static RegistryException operationTimeout(final String message) {
    return new RegistryException(ErrorCode.OPERATION_TIMEOUT, message);
  }

  public static RegistryException storeError(final String message, final Throwable cause) {
    return new RegistryException(ErrorCode.STORE_ERROR, message, cause);
  }
}
