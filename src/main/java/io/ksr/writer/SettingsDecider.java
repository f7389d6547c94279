package io.ksr.writer;

import io.ksr.domain.Errors;
import io.ksr.domain.Mode;
import io.ksr.domain.QualifiedSubject;
import io.ksr.domain.SchemaConfig;
import io.ksr.store.RegistryQueries;
import io.ksr.store.RegistryReader;
import io.ksr.store.RegistryReader.SubjectSummary;
import io.ksr.store.SettingsQueries;
import io.ksr.store.StoredVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides changes to configs and modes, global ({@code scope} null), per context ({@code :.ctx:})
 * or per subject.
 */
final class SettingsDecider {

  Decision updateConfig(final Command.UpdateConfig command, final RegistryQueries queries) {
    final String scope = command.subject();
    refuseWhenReadOnly(scope, queries.settings());
    final SchemaConfig stored = queries.settings().storedConfig(scope).orElse(SchemaConfig.EMPTY);
    final SchemaConfig updated = stored.updatedWith(command.update());
    return new Decision(
        new Outcome.ConfigChanged(updated),
        List.of(Records.config(scope, updated, queries.reader())));
  }

  Decision deleteConfig(final Command.DeleteConfig command, final RegistryQueries queries) {
    final String scope = command.subject();
    final SettingsQueries settings = queries.settings();
    if (scope != null && settings.storedConfig(scope).isEmpty()) {
      throw Errors.subjectNotFound(scope);
    }
    refuseWhenReadOnly(scope, settings);
    final SchemaConfig removed =
        scope == null ? settings.globalConfig() : settings.storedConfig(scope).orElseThrow();
    final List<WriteRecord> records = new ArrayList<>();
    Records.configTombstone(scope, queries.reader()).ifPresent(records::add);
    return new Decision(new Outcome.ConfigChanged(removed), records);
  }

  Decision updateMode(final Command.UpdateMode command, final RegistryQueries queries) {
    final String scope = command.subject();
    final Mode mode = Mode.parse(command.mode());
    final RegistryReader reader = queries.reader();
    final List<WriteRecord> records = new ArrayList<>();
    final Mode current =
        scope == null ? queries.settings().globalMode() : queries.settings().effectiveMode(scope);
    if (mode == Mode.IMPORT && current != Mode.IMPORT && !command.force()) {
      final List<SubjectSummary> subjects = subjectsIn(scope, queries);
      if (subjects.stream().anyMatch(s -> s.liveVersions() > 0)) {
        throw Errors.operationNotPermitted("Cannot import since found existing subjects");
      }
      // What an import brings must not meet soft-deleted leftovers: drop them first.
      for (final SubjectSummary subject : subjects) {
        for (final StoredVersion version : reader.versions(subject.subject())) {
          if (!queries.subjects().referrers(subject.subject(), version.version(), true).isEmpty()) {
            throw Errors.referenceExists(subject.subject(), version.version());
          }
          records.add(Records.tombstone(version));
        }
      }
      records.add(Records.clearSubject(scope));
    }
    records.add(Records.mode(scope, mode.name(), reader));
    return new Decision(new Outcome.ModeChanged(mode.name()), records);
  }

  Decision deleteMode(final Command.DeleteMode command, final RegistryQueries queries) {
    final String scope = command.subject();
    final Mode removed =
        queries
            .settings()
            .storedMode(scope)
            .orElseThrow(
                () ->
                    Errors.subjectNotFound(
                        scope == null ? QualifiedSubject.DEFAULT_CONTEXT : scope));
    final List<WriteRecord> records = new ArrayList<>();
    Records.modeTombstone(scope, queries.reader()).ifPresent(records::add);
    return new Decision(new Outcome.ModeChanged(removed.name()), records);
  }

  /** The subjects a mode scope covers: all, those of a context, or one. */
  private static List<SubjectSummary> subjectsIn(
      final String scope, final RegistryQueries queries) {
    if (scope == null) {
      return queries.reader().subjects("");
    }
    final QualifiedSubject qualified = QualifiedSubject.parse(scope);
    final String prefix = qualified.isContextOnly() ? scope : null;
    return queries.reader().subjects(prefix != null ? prefix : scope).stream()
        .filter(s -> prefix != null || s.subject().equals(scope))
        .toList();
  }

  private static void refuseWhenReadOnly(final String scope, final SettingsQueries settings) {
    final Mode mode = scope == null ? settings.globalMode() : settings.effectiveMode(scope);
    if (mode.isReadOnly()) {
      throw Errors.readOnlyMode(scope == null ? QualifiedSubject.DEFAULT_CONTEXT : scope);
    }
  }
}
