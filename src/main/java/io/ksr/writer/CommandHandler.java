package io.ksr.writer;

import io.ksr.domain.CompatibilityLevel;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.store.KeyValueView;
import io.ksr.store.ParsedSchemaCache;
import io.ksr.store.RegistryQueries;
import java.util.Objects;

/**
 * Decides what a command does, from the registry's state: it validates, checks compatibility,
 * allocates ids and versions, and says which {@code _schemas} records carry the change out. It
 * writes nothing itself, so it is the same code whether Kafka Streams or a test drives it.
 */
public final class CommandHandler {
  private final SchemaProviders providers;
  private final CompatibilityLevel defaultLevel;
  private final RegisterDecider register = new RegisterDecider();
  private final DeleteDecider delete = new DeleteDecider();
  private final SettingsDecider settings = new SettingsDecider();
  private final ParsedSchemaCache parsedSchemas =
      new ParsedSchemaCache(ParsedSchemaCache.DEFAULT_CAPACITY);

  /**
   * @param defaultLevel the level in force where none is stored ({@code
   *     schema.compatibility.level})
   */
  public CommandHandler(final SchemaProviders providers, final CompatibilityLevel defaultLevel) {
    this.providers = Objects.requireNonNull(providers, "providers can't be null");
    this.defaultLevel = Objects.requireNonNull(defaultLevel, "defaultLevel can't be null");
  }

  /**
   * Decides a command.
   *
   * @throws RegistryException when the command is refused; nothing is to be written then
   */
  public Decision handle(final Command command, final KeyValueView state) {
    final RegistryQueries queries =
        RegistryQueries.over(state, providers, defaultLevel, parsedSchemas);
    if (command instanceof Command.RegisterSchema c) {
      return register.decide(c, queries);
    } else if (command instanceof Command.DeleteVersion c) {
      return delete.deleteVersion(c, queries);
    } else if (command instanceof Command.DeleteSubject c) {
      return delete.deleteSubject(c, queries);
    } else if (command instanceof Command.UpdateConfig c) {
      return settings.updateConfig(c, queries);
    } else if (command instanceof Command.DeleteConfig c) {
      return settings.deleteConfig(c, queries);
    } else if (command instanceof Command.UpdateMode c) {
      return settings.updateMode(c, queries);
    } else if (command instanceof Command.DeleteMode c) {
      return settings.deleteMode(c, queries);
    } else if (command instanceof Command.DeleteContext c) {
      return delete.deleteContext(c, queries);
    }
    throw new IllegalStateException("every command type is handled above: " + command);
  }
}
