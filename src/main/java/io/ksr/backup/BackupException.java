package io.ksr.backup;

/** A backup, restore or export that cannot go on; its message is meant for the operator. */
final class BackupException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BackupException(final String message) {
    super(message);
  }

  BackupException(final String message, final Throwable cause) {
    super(message, cause);
  }
}
