package io.ksr.domain;

/** Rules for subject names. */
public final class Subjects {
  private static final String GLOBAL_CONTEXT = ".__GLOBAL";

  private Subjects() {}

  /**
   * Checks that a subject may carry schemas, and returns it as the store writes it ({@code :.:s}
   * becomes {@code s}).
   *
   * @throws RegistryException 42208 for names with control characters, reserved names, and names of
   *     a context rather than a subject
   */
  public static String validateForSchemas(final String subject) {
    final String valid = validate(subject);
    final QualifiedSubject qualified = QualifiedSubject.parse(valid);
    if (qualified.isContextOnly() || GLOBAL_CONTEXT.equals(qualified.context())) {
      throw Errors.invalidSubject(subject);
    }
    return qualified.qualified();
  }

  /**
   * Checks that a subject, or a context written {@code :.ctx:}, may carry settings (config and
   * mode).
   *
   * @throws RegistryException 42208 for names with control characters or reserved names
   */
  public static String validate(final String subject) {
    if (subject == null
        || subject.equals("__GLOBAL")
        || subject.equals("__EMPTY")
        || subject.chars().anyMatch(Character::isISOControl)) {
      throw Errors.invalidSubject(subject);
    }
    return QualifiedSubject.normalize(subject);
  }
}
