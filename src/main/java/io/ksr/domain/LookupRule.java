package io.ksr.domain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Confluent's rule for finding a sent schema among a subject's versions when no version has its
 * exact identity ({@code canLookup}): a schema sent with the types it references written out in
 * full matches the version registered with references to them, and a schema without {@code
 * confluent:version} in its metadata matches a version that has it (and the other way round, when
 * the number is that version's).
 */
public final class LookupRule {
  private LookupRule() {}

  /**
   * A schema with what else makes it the schema it is.
   *
   * @param schema gives the parsed schema, which the rule needs only once the rest agrees
   * @param references with concrete versions
   */
  public record Described(
      SchemaType type,
      Supplier<ParsedSchema> schema,
      List<SchemaReference> references,
      JsonNode metadata,
      JsonNode ruleSet) {
    public Described {
      Objects.requireNonNull(type, "type can't be null");
      Objects.requireNonNull(schema, "schema can't be null");
      references = references == null ? List.of() : List.copyOf(references);
    }

    /** A schema that is parsed already. */
    public static Described of(
        final ParsedSchema parsed,
        final List<SchemaReference> references,
        final JsonNode metadata,
        final JsonNode ruleSet) {
      return new Described(parsed.type(), () -> parsed, references, metadata, ruleSet);
    }

    private Described withMetadata(final JsonNode changed) {
      return new Described(type, schema, references, changed, ruleSet);
    }
  }

  /**
   * Whether {@code sent} finds the registered version {@code registered}.
   *
   * @param registeredVersion the number of the version {@code registered} is
   */
  public static boolean matches(
      final Described sent, final Described registered, final int registeredVersion) {
    if (sent.type() != registered.type()) {
      return false;
    }
    if (sent.references().isEmpty()
        && !registered.references().isEmpty()
        && sameIgnoringVersion(sent, registered, registeredVersion)) {
      return true;
    }
    return sent.references().equals(registered.references())
        && sameIgnoringVersion(sent, registered, registeredVersion);
  }

  private static boolean sameIgnoringVersion(
      final Described sent, final Described registered, final int registeredVersion) {
    final Integer sentVersion = ConfluentVersion.of(sent.metadata());
    final Integer registeredNumber = ConfluentVersion.of(registered.metadata());
    if (sentVersion == null && registeredNumber != null) {
      return same(sent, registered.withMetadata(ConfluentVersion.without(registered.metadata())));
    }
    if (sentVersion != null && registeredNumber == null) {
      return sentVersion == registeredVersion
          && same(sent.withMetadata(ConfluentVersion.without(sent.metadata())), registered);
    }
    return same(sent, registered);
  }

  /** The same metadata and rule set, and the same schema once references are resolved. */
  private static boolean same(final Described a, final Described b) {
    return DataContracts.sameMetadata(a.metadata(), b.metadata())
        && Objects.equals(
            DataContracts.emptyToNull(a.ruleSet()), DataContracts.emptyToNull(b.ruleSet()))
        && a.schema().get().resolvedText().equals(b.schema().get().resolvedText());
  }
}
