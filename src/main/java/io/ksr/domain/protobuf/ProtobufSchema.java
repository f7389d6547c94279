package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.SchemaType;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed and linked Protobuf schema: one {@code .proto} file, whose canonical text is Confluent's
 * layout of it, and whose descriptors protobuf-java linked against its references.
 */
public final class ProtobufSchema implements ParsedSchema {
  /** The name of the schema's own file among its descriptors, as Confluent names it. */
  static final String FILE_NAME = "default";

  static final String SERIALIZED_FORMAT = "serialized";
  static final String IGNORE_EXTENSIONS_FORMAT = "ignore_extensions";

  private final ProtoFileElement file;
  private final FileDescriptor descriptor;
  private final Map<String, FileDescriptor> imported;
  private final Map<String, ResolvedReference> references;
  private final String canonical;

  /**
   * @param imported the files the schema may import, by the name it imports them by
   * @param references the references that {@code imported} came from, by the same names
   */
  ProtobufSchema(
      final ProtoFileElement file,
      final FileDescriptor descriptor,
      final Map<String, FileDescriptor> imported,
      final Map<String, ResolvedReference> references) {
    this.file = Objects.requireNonNull(file, "file can't be null");
    this.descriptor = Objects.requireNonNull(descriptor, "descriptor can't be null");
    this.imported = Map.copyOf(imported);
    this.references = Map.copyOf(references);
    this.canonical = ProtobufPrinter.canonical(file);
  }

  @Override
  public SchemaType type() {
    return SchemaType.PROTOBUF;
  }

  @Override
  public String canonicalString() {
    return canonical;
  }

  @Override
  public ParsedSchema normalize() {
    // Parsed again, as Confluent does, so that the normal text is what the schema holds from now.
    final String normalText = ProtobufPrinter.normalized(file, descriptor);
    final ProtoFileElement normal = ProtobufSchemaProvider.parseFile(normalText, "");
    return new ProtobufSchema(
        normal, ProtobufSchemaProvider.link(FILE_NAME, normal, imported, ""), imported, references);
  }

  /**
   * The text in {@code format}: {@code serialized} is the base64 of the schema's {@code
   * FileDescriptorProto}, with type names fully qualified; {@code ignore_extensions} leaves out
   * custom options and extensions; any other format is the canonical text.
   */
  @Override
  public String formatted(final String format) {
    if (SERIALIZED_FORMAT.equalsIgnoreCase(format)) {
      return Base64.getEncoder().encodeToString(descriptor.toProto().toByteArray());
    }
    if (IGNORE_EXTENSIONS_FORMAT.equalsIgnoreCase(format)) {
      return ProtobufPrinter.withoutExtensions(file);
    }
    return canonical;
  }

  @Override
  public List<String> readProblems(final ParsedSchema writer, final boolean readerIsNew) {
    return ProtobufDiff.compare((ProtobufSchema) writer, this).stream()
        .filter(difference -> !difference.compatible())
        .map(difference -> difference.describe(readerIsNew))
        .toList();
  }

  /**
   * The schema's file as protobuf-java linked it, to build messages of its types; its dependencies
   * are the referenced and well-known files it imports.
   */
  public FileDescriptor fileDescriptor() {
    return descriptor;
  }

  ProtoFileElement fileElement() {
    return file;
  }

  /** The reference that {@code other} was linked from, or null when no reference is. */
  ResolvedReference referenceDefining(final FileDescriptor other) {
    return imported.get(other.getName()) == other ? references.get(other.getName()) : null;
  }
}
