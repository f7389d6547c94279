package io.ksr.client;

import java.io.Closeable;
import java.util.List;

/**
 * The registry's operations that serializers, deserializers and applications use. Failures are
 * {@link SchemaRegistryClientException}s carrying Confluent's error code.
 */
public interface SchemaRegistryClient extends Closeable {

  /**
   * Registers a schema under a subject, or finds it there if it is registered already.
   *
   * @param normalize whether the registry should normalize the schema first
   * @return the schema id
   */
  int register(String subject, SchemaString schema, boolean normalize);

  /**
   * The version of a subject that has this schema.
   *
   * @throws SchemaRegistryClientException 40401 when the subject has no versions, 40403 when none
   *     has this schema
   */
  SchemaVersion lookup(String subject, SchemaString schema, boolean normalize);

  /** The schema an id stands for; soft-deleted versions keep their ids resolvable. */
  SchemaString getById(int id);

  /** A version of a subject. */
  SchemaVersion getVersion(String subject, int version);

  /** The latest live version of a subject. */
  SchemaVersion getLatest(String subject);

  /**
   * Why a schema could not be registered under a subject, as the registry would check it; empty
   * when it could.
   */
  List<String> compatibilityProblems(String subject, SchemaString schema);

  /** The compatibility level in force for a subject, or the global one when it is null. */
  String getCompatibility(String subject);

  /** Sets the compatibility level of a subject, or the global one when it is null. */
  void setCompatibility(String subject, String level);

  /** The subjects with live versions. */
  List<String> subjects();

  /** The live versions of a subject. */
  List<Integer> versions(String subject);

  /** Releases what the client holds, such as connections; the default holds nothing. */
  @Override
  default void close() {}
}
