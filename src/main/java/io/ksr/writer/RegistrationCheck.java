package io.ksr.writer;

import io.ksr.domain.DataContracts;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaIdentity;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.SchemaType;
import io.ksr.domain.Subjects;
import io.ksr.domain.Versions;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.RegistryQueries;
import io.ksr.store.StoredVersion;
import java.util.List;
import java.util.Optional;

/**
 * What a registration is checked for before it is decided, the same way on the instance that took
 * the request and on the writer: the subject, the rule set and the schema itself. And whether the
 * subject has the schema already, which answers the registration at once, in any mode and without
 * the writer, as Confluent's registry answers it on whichever node the request reaches. The writer
 * asks the same question first, so an instance can only answer what the writer would have answered
 * from the same records (see topology-docs).
 */
public final class RegistrationCheck {
  private RegistrationCheck() {}

  /**
   * A registration as the instance that took it sees it.
   *
   * @param known the answer, when the subject has the schema already
   * @param command what to send to the writer otherwise, with the identity of the schema as sent
   *     when this instance could compute it
   */
  public record Prepared(Optional<Outcome.Registered> known, Command.RegisterSchema command) {}

  /**
   * Checks a registration on the instance that took it, and answers it when the subject has the
   * schema already. A schema with references that this instance cannot resolve or parse is left to
   * the writer: a reference registered elsewhere a moment ago may not be here yet.
   *
   * @throws RegistryException when the request is invalid whatever the registry holds
   */
  public static Prepared prepare(
      final Command.RegisterSchema request, final RegistryQueries queries) {
    final Command.RegisterSchema command = validate(request);
    final Optional<Candidate> sent;
    try {
      sent = sent(command, queries);
    } catch (final RegistryException e) {
      if (command.references().isEmpty()) {
        throw e;
      }
      return new Prepared(Optional.empty(), command);
    }
    final Optional<Outcome.Registered> known = alreadyRegistered(command, sent, queries);
    if (known.isPresent() || sent.isEmpty()) {
      return new Prepared(known, command);
    }
    if (command.references().isEmpty()) {
      validateAsNew(command, queries);
    }
    return new Prepared(
        Optional.empty(), command.withSent(identityOf(command, sent.get(), queries)));
  }

  /**
   * Checks what does not depend on the registry's state.
   *
   * @return the registration with the subject as the store writes it, which the other checks take
   * @throws RegistryException 42208 for an invalid subject, 42210 for an invalid rule set, 42201
   *     for an unknown schema type
   */
  static Command.RegisterSchema validate(final Command.RegisterSchema command) {
    final String subject = Subjects.validateForSchemas(command.subject());
    DataContracts.validateRuleSet(command.ruleSet());
    SchemaType.parse(command.schemaType());
    return command.withSubject(subject);
  }

  /**
   * The schema as the request sent it, with its own metadata and rule set: its references resolved
   * (soft-deleted versions allowed, as for a lookup), parsed without the checks that new schemas
   * get, and in normal form when the request or the subject's config asks.
   *
   * @return empty when the request sends no schema text, which a registration takes from the latest
   *     version
   * @throws RegistryException 42201 when it does not parse or a reference is missing
   */
  static Optional<Candidate> sent(
      final Command.RegisterSchema command, final RegistryQueries queries) {
    if (command.schema() == null || command.schema().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(parse(command, queries, false));
  }

  /**
   * Checks a schema as new schemas are checked (for Avro, field defaults must match their types),
   * unless the request imports it with its id.
   *
   * @throws RegistryException 42201 when it fails
   */
  static void validateAsNew(final Command.RegisterSchema command, final RegistryQueries queries) {
    if (!command.hasId() && command.schema() != null && !command.schema().isBlank()) {
      parse(command, queries, true);
    }
  }

  private static Candidate parse(
      final Command.RegisterSchema command, final RegistryQueries queries, final boolean isNew) {
    final String subject = command.subject();
    return queries
        .candidates()
        .parse(
            subject,
            SchemaType.parse(command.schemaType()),
            command.schema(),
            command.references(),
            command.metadata(),
            command.ruleSet(),
            queries.candidates().normalizes(subject, command.normalize()),
            isNew);
  }

  /** The identity of a schema as sent, to carry to the writer with the command. */
  private static Command.SentIdentity identityOf(
      final Command.RegisterSchema command, final Candidate sent, final RegistryQueries queries) {
    return new Command.SentIdentity(
        sent.identity().toString(),
        queries.candidates().normalizes(command.subject(), command.normalize()),
        sent.entry().references());
  }

  /**
   * The version the subject already has for this registration, if the request lets it answer: no id
   * or the version's id, and no version, {@code -1} (then only the latest version counts) or the
   * version's number. Never when the subject's config has default or override metadata or rule
   * sets, which a registration merges in before it compares.
   */
  static Optional<Outcome.Registered> alreadyRegistered(
      final Command.RegisterSchema command,
      final Optional<Candidate> sent,
      final RegistryQueries queries) {
    if (sent.isEmpty()) {
      return Optional.empty();
    }
    final String subject = command.subject();
    if (hasDefaultsOrOverrides(queries.settings().effectiveConfig(subject))) {
      return Optional.empty();
    }
    final boolean latestOnly = requestedVersion(command) == Versions.LATEST;
    return queries
        .candidates()
        .liveVersionWith(subject, sent.get(), latestOnly)
        .flatMap(existing -> answer(command, existing, queries));
  }

  /**
   * As {@link #alreadyRegistered(Command.RegisterSchema, Optional, RegistryQueries)}, for the
   * writer: it trusts the identity the command carries when it would have computed the same one
   * itself (the same references, the same normal form), and parses the schema only when that
   * identity finds nothing.
   *
   * @throws RegistryException 42201 when the schema does not parse or a reference is missing
   */
  static Optional<Outcome.Registered> alreadyRegistered(
      final Command.RegisterSchema command, final RegistryQueries queries) {
    final String subject = command.subject();
    final SchemaIdentity carried = carriedIdentity(command, queries);
    if (carried != null
        && requestedVersion(command) != Versions.LATEST
        && !hasDefaultsOrOverrides(queries.settings().effectiveConfig(subject))) {
      final Optional<Outcome.Registered> found =
          queries
              .candidates()
              .liveVersionWith(subject, carried)
              .flatMap(existing -> answer(command, existing, queries));
      if (found.isPresent()) {
        return found;
      }
    }
    return alreadyRegistered(command, sent(command, queries), queries);
  }

  /** The identity the command carries, if this state would give the sent schema the same one. */
  private static SchemaIdentity carriedIdentity(
      final Command.RegisterSchema command, final RegistryQueries queries) {
    final Command.SentIdentity sent = command.sent();
    if (sent == null || command.schema() == null || command.schema().isBlank()) {
      return null;
    }
    final String subject = command.subject();
    final boolean normalize = queries.candidates().normalizes(subject, command.normalize());
    if (normalize != sent.normalized()) {
      return null;
    }
    final SchemaIdentity identity;
    final List<SchemaReference> references;
    try {
      identity = SchemaIdentity.parse(sent.identity());
      final List<SchemaReference> resolved =
          queries
              .resolver()
              .resolve(QualifiedSubject.contextOf(subject), command.references(), true)
              .references();
      references = normalize ? SchemaReference.normalized(resolved) : resolved;
    } catch (final IllegalArgumentException | RegistryException e) {
      return null;
    }
    return references.equals(sent.references()) ? identity : null;
  }

  /** Confluent's rule for which existing version answers a request that names an id or version. */
  private static Optional<Outcome.Registered> answer(
      final Command.RegisterSchema command,
      final StoredVersion existing,
      final RegistryQueries queries) {
    final int version = requestedVersion(command);
    final Integer id = command.id();
    if (version == 0 || version == Versions.LATEST) {
      return id == null || id < 0 || id == existing.id()
          ? Optional.of(new Outcome.Registered(existing.id(), existing.version()))
          : Optional.empty();
    }
    if (id == null || id != existing.id()) {
      return Optional.empty();
    }
    if (existing.version() == version) {
      return Optional.of(new Outcome.Registered(existing.id(), existing.version()));
    }
    // The same schema imported under several versions: the one asked for answers.
    return queries
        .reader()
        .version(existing.subject(), version)
        .filter(named -> !named.deleted() && named.id() == existing.id())
        .map(named -> new Outcome.Registered(named.id(), named.version()));
  }

  private static int requestedVersion(final Command.RegisterSchema command) {
    return command.version() == null ? 0 : command.version();
  }

  private static boolean hasDefaultsOrOverrides(final SchemaConfig config) {
    return DataContracts.emptyToNull(config.defaultMetadata()) != null
        || DataContracts.emptyToNull(config.overrideMetadata()) != null
        || DataContracts.emptyToNull(config.defaultRuleSet()) != null
        || DataContracts.emptyToNull(config.overrideRuleSet()) != null;
  }
}
