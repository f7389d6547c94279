package io.ksr.security;

/** What the user behind one request may do. */
public interface Access {
  /** Everything, for a registry without authentication or without access rules. */
  Access UNRESTRICTED = unrestricted("");

  /** The user's name, or empty when no one signed in. */
  String user();

  /**
   * Whether the user may do {@code permission} on {@code subject}: a subject name as the store
   * knows it ({@code :.ctx:name} in a context), or a context's scope {@code :.ctx:}.
   */
  boolean allows(Permission permission, String subject);

  /** Whether the user may do {@code permission} on the registry's global config and mode. */
  boolean allowsGlobal(Permission permission);

  /** Whether some things are out of bounds, so that lists need filtering at all. */
  default boolean restricted() {
    return true;
  }

  /**
   * Someone who did not sign in, on a path the registry answers without credentials: they may read
   * it and change nothing.
   */
  static Access anonymousReader() {
    return new Access() {
      @Override
      public String user() {
        return "";
      }

      @Override
      public boolean allows(final Permission permission, final String subject) {
        return permission == Permission.READ;
      }

      @Override
      public boolean allowsGlobal(final Permission permission) {
        return permission == Permission.READ;
      }
    };
  }

  /** A user who may do everything. */
  static Access unrestricted(final String user) {
    return new Access() {
      @Override
      public String user() {
        return user;
      }

      @Override
      public boolean allows(final Permission permission, final String subject) {
        return true;
      }

      @Override
      public boolean allowsGlobal(final Permission permission) {
        return true;
      }

      @Override
      public boolean restricted() {
        return false;
      }
    };
  }
}
