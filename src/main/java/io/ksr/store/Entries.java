package io.ksr.store;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The store's private entry shapes, which only the applier writes and the reader reads. */
final class Entries {
  private Entries() {}

  /**
   * A version of a subject.
   *
   * @param identity its schema's identity, in hex: what a parsed schema is cached by
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Version(int id, boolean deleted, byte[] rawKey, String identity) {}

  /** How many versions a subject has, and how many of them are not soft-deleted. */
  record Subject(int versions, int liveVersions) {}

  /** A mode stored for a subject, a context or globally. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Mode(String mode, byte[] rawKey) {}
}
