package io.ksr.domain;

import java.util.Objects;

/**
 * A subject together with the schema context it lives in. Confluent writes a subject of a context
 * other than the default one as {@code :.ctx:name}; plain names, and {@code :.:name}, are in the
 * default context {@code .}. Schema ids are unique within a context.
 *
 * @param context the context, starting with {@code .}; {@code .} is the default context
 * @param name the subject's name within its context; empty when it names the context itself
 */
public record QualifiedSubject(String context, String name) {
  public static final String DEFAULT_CONTEXT = ".";

  /** The {@code subjectPrefix} that matches the subjects of every context. */
  public static final String ALL_CONTEXTS = ":*:";

  private static final String CONTEXT_PREFIX = ":.";

  public QualifiedSubject {
    Objects.requireNonNull(context, "context can't be null");
    Objects.requireNonNull(name, "name can't be null");
  }

  /** Splits a subject as it appears in a path or in {@code _schemas} into context and name. */
  public static QualifiedSubject parse(final String subject) {
    if (subject == null || !subject.startsWith(CONTEXT_PREFIX)) {
      return new QualifiedSubject(DEFAULT_CONTEXT, subject == null ? "" : subject);
    }
    final int end = subject.indexOf(':', 1);
    return end < 0
        ? new QualifiedSubject(subject.substring(1), "")
        : new QualifiedSubject(subject.substring(1, end), subject.substring(end + 1));
  }

  /** The context a subject lives in. */
  public static String contextOf(final String subject) {
    return parse(subject).context();
  }

  /** The subject as the store and responses write it: unqualified in the default context. */
  public static String normalize(final String subject) {
    return parse(subject).qualified();
  }

  /**
   * A subject that a schema in {@code context} refers to, in the same context unless it names its
   * own.
   */
  public static String inContext(final String context, final String subject) {
    if (subject.startsWith(CONTEXT_PREFIX) || DEFAULT_CONTEXT.equals(context)) {
      return normalize(subject);
    }
    return new QualifiedSubject(context, subject).qualified();
  }

  public boolean isDefaultContext() {
    return DEFAULT_CONTEXT.equals(context);
  }

  /** Whether this names a context (as in {@code :.ctx:}) rather than a subject. */
  public boolean isContextOnly() {
    return name.isEmpty() && !isDefaultContext();
  }

  /** The qualified form: {@code :.ctx:name}, or just {@code name} in the default context. */
  public String qualified() {
    return isDefaultContext() ? name : ":" + context + ":" + name;
  }
}
