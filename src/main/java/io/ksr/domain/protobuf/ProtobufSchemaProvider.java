package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ksr.domain.Errors;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaProvider;
import io.ksr.domain.SchemaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Protobuf schemas: {@code .proto} text in proto2 or proto3, parsed with Square's Wire parser and
 * linked with protobuf-java, so that every type a schema uses must be defined in it, in a file it
 * imports from its references, or in one of Google's well-known files.
 *
 * <p>An {@code import "other.proto";} is the reference whose name is {@code other.proto}. The
 * references come in dependency order, each after the ones it imports; when two have the same name,
 * the first one counts.
 */
public final class ProtobufSchemaProvider implements SchemaProvider {
  private static final String INVALID = "Invalid schema of type PROTOBUF, details: ";

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }

  @Override
  public ParsedSchema parse(
      final String schemaText, final List<ResolvedReference> references, final boolean isNew) {
    final Map<String, FileDescriptor> imported = new LinkedHashMap<>();
    final Map<String, ResolvedReference> byName = new LinkedHashMap<>();
    for (final ResolvedReference reference : references) {
      final String where = "reference '" + reference.name() + "': ";
      if (reference.type() != SchemaType.PROTOBUF) {
        throw Errors.invalidSchema(INVALID + where + "it is a " + reference.type() + " schema");
      }
      if (!imported.containsKey(reference.name())) {
        final ProtoFileElement file = parseFile(reference.schema(), where);
        imported.put(reference.name(), link(reference.name(), file, imported, where));
        byName.put(reference.name(), reference);
      }
    }
    final ProtoFileElement file = parseFile(schemaText, "");
    return new ProtobufSchema(
        file, link(ProtobufSchema.FILE_NAME, file, imported, ""), imported, byName);
  }

  /**
   * Parses {@code .proto} text.
   *
   * @param where what to say the text is in an error message, such as {@code reference 'x': }
   */
  static ProtoFileElement parseFile(final String text, final String where) {
    try {
      return ProtoParser.Companion.parse(Location.get(""), text);
    } catch (final RuntimeException e) {
      // Wire reports bad input as IllegalStateException, and some as other runtime exceptions.
      throw Errors.invalidSchema(INVALID + where + e.getMessage());
    }
  }

  /** Links a parsed file; see {@link ProtobufLinker#link}. */
  static FileDescriptor link(
      final String name,
      final ProtoFileElement file,
      final Map<String, FileDescriptor> imported,
      final String where) {
    try {
      return ProtobufLinker.link(name, file, imported);
    } catch (final IllegalArgumentException e) {
      throw Errors.invalidSchema(INVALID + where + e.getMessage());
    }
  }
}
