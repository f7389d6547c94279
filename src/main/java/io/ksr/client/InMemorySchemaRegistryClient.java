package io.ksr.client;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaConfig;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.domain.Versions;
import io.ksr.store.CandidateSchemas.Candidate;
import io.ksr.store.MemoryStore;
import io.ksr.store.ParsedSchemaCache;
import io.ksr.store.RegisteredSchema;
import io.ksr.store.RegistryQueries;
import io.ksr.store.SchemaEntry;
import io.ksr.store.SchemasApplier;
import io.ksr.store.SubjectQueries.Visibility;
import io.ksr.writer.Command;
import io.ksr.writer.CommandHandler;
import io.ksr.writer.Decision;
import io.ksr.writer.Outcome;
import io.ksr.writer.WriteRecord;
import java.util.List;
import java.util.function.Supplier;

/**
 * A registry inside the JVM, for tests ({@code schema.registry.url=mock://scope}). It runs the
 * server's own code: the writer's decisions for writes and the store's queries for reads, over
 * state in memory, so ids, versions and compatibility verdicts are the server's.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {
  private final MemoryStore store = new MemoryStore();
  private final SchemaProviders providers = SchemaProviders.builtIn();
  private final CompatibilityLevel defaultLevel;
  private final CommandHandler handler;
  private final SchemasApplier applier = new SchemasApplier(store, providers);
  private final ParsedSchemaCache parsedSchemas =
      new ParsedSchemaCache(ParsedSchemaCache.DEFAULT_CAPACITY);

  /** A registry whose default compatibility level is BACKWARD, as the server's. */
  public InMemorySchemaRegistryClient() {
    this(CompatibilityLevel.BACKWARD);
  }

  public InMemorySchemaRegistryClient(final CompatibilityLevel defaultLevel) {
    this.defaultLevel = defaultLevel;
    this.handler = new CommandHandler(providers, defaultLevel);
  }

  @Override
  public synchronized int register(
      final String subject, final SchemaString schema, final boolean normalize) {
    final Outcome.Registered registered =
        (Outcome.Registered)
            write(
                new Command.RegisterSchema(
                    subject,
                    schema.schemaType(),
                    schema.schema(),
                    schema.references(),
                    null,
                    null,
                    null,
                    null,
                    normalize,
                    false,
                    null));
    return registered.id();
  }

  @Override
  public synchronized SchemaVersion lookup(
      final String subject, final SchemaString schema, final boolean normalize) {
    return read(
        () -> {
          final RegistryQueries queries = queries();
          final Candidate candidate = candidate(queries, subject, schema, normalize, false);
          return version(queries.candidates().lookup(subject, candidate, false));
        });
  }

  @Override
  public synchronized SchemaString getById(final int id) {
    return read(() -> schemaString(queries().schemas().schemaById(id)));
  }

  @Override
  public synchronized SchemaVersion getVersion(final String subject, final int version) {
    return read(() -> version(queries().subjects().version(subject, version)));
  }

  @Override
  public synchronized SchemaVersion getLatest(final String subject) {
    return getVersion(subject, Versions.LATEST);
  }

  @Override
  public synchronized List<String> compatibilityProblems(
      final String subject, final SchemaString schema) {
    return read(
        () -> {
          final RegistryQueries queries = queries();
          final Candidate candidate = candidate(queries, subject, schema, false, true);
          return queries
              .compatibility()
              .check(subject, candidate.parsed(), candidate.entry().metadata());
        });
  }

  @Override
  public synchronized String getCompatibility(final String subject) {
    return read(
        () ->
            subject == null
                ? queries().settings().globalCompatibility().name()
                : queries().settings().effectiveCompatibility(subject).name());
  }

  @Override
  public synchronized void setCompatibility(final String subject, final String level) {
    write(
        new Command.UpdateConfig(
            subject,
            JsonNodeFactory.instance.objectNode().put(SchemaConfig.UPDATE_LEVEL_KEY, level)));
  }

  @Override
  public synchronized List<String> subjects() {
    return read(() -> queries().subjects().subjects(null, Visibility.LIVE));
  }

  @Override
  public synchronized List<Integer> versions(final String subject) {
    return read(() -> queries().subjects().versions(subject, Visibility.LIVE));
  }

  private RegistryQueries queries() {
    return RegistryQueries.over(store, providers, defaultLevel, parsedSchemas);
  }

  private Candidate candidate(
      final RegistryQueries queries,
      final String subject,
      final SchemaString schema,
      final boolean normalize,
      final boolean isNew) {
    return queries
        .candidates()
        .parse(
            subject,
            SchemaType.parse(schema.schemaType()),
            schema.schema(),
            schema.references(),
            null,
            null,
            queries.candidates().normalizes(subject, normalize),
            isNew);
  }

  /** Decides a write as the server's writer does and applies its records as every store does. */
  private Outcome write(final Command command) {
    final Decision decision;
    try {
      decision = handler.handle(command, store);
    } catch (final RegistryException e) {
      throw failure(e);
    }
    for (final WriteRecord record : decision.records()) {
      applier.apply(record.record(), record.key());
    }
    return decision.outcome();
  }

  private static <T> T read(final Supplier<T> query) {
    try {
      return query.get();
    } catch (final RegistryException e) {
      throw failure(e);
    }
  }

  private static SchemaRegistryClientException failure(final RegistryException e) {
    final int code = e.errorCode().code();
    return new SchemaRegistryClientException(code < 1000 ? code : code / 100, code, e.getMessage());
  }

  private static SchemaVersion version(final RegisteredSchema registered) {
    return new SchemaVersion(
        registered.subject(),
        registered.version(),
        registered.id(),
        schemaString(registered.schema()));
  }

  private static SchemaString schemaString(final SchemaEntry entry) {
    return new SchemaString(entry.schemaType(), entry.schema(), entry.references());
  }
}
