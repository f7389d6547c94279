package io.ksr.domain;

/** Rules for subject names. */
public final class Subjects {
  private Subjects() {}

  /**
   * Checks that a subject may be written to.
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
    return subject;
  }
}
