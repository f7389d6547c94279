package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes one field declaration for {@link ProtobufPrinter}: its label, type, name, number, and its
 * options with its default value and JSON name among them, as Confluent's printer does.
 */
final class ProtobufFieldPrinter {
  private final boolean normalize;
  private final ProtobufOptionPrinter options;

  ProtobufFieldPrinter(final boolean normalize, final ProtobufOptionPrinter options) {
    this.normalize = normalize;
    this.options = options;
  }

  /**
   * The declaration with its line end.
   *
   * @param linked the field as linked, which tells the normal form the full name of its type; null
   *     when not normalizing
   */
  String field(final FieldElement field, final FieldDescriptor linked) {
    final StringBuilder out = new StringBuilder();
    final boolean resolve = normalize && linked != null;
    // The normal form writes a map_entry message's field as map<K, V>, which has no label.
    if (field.getLabel() != null && !(resolve && linked.isMapField())) {
      out.append(field.getLabel().name().toLowerCase(Locale.ROOT)).append(' ');
    }
    out.append(resolve ? typeName(linked) : field.getType());
    out.append(' ').append(field.getName()).append(" = ").append(field.getTag());
    final List<OptionElement> fieldOptions = new ArrayList<>(field.getOptions());
    if (field.getDefaultValue() != null) {
      fieldOptions.add(
          OptionElement.Companion.create(
              "default", defaultKind(field.getType()), field.getDefaultValue()));
    }
    if (field.getJsonName() != null) {
      fieldOptions.add(
          OptionElement.Companion.create(
              "json_name", OptionElement.Kind.STRING, field.getJsonName()));
    }
    final List<OptionElement> written = options.filter(fieldOptions);
    if (!written.isEmpty()) {
      out.append(' ').append(options.bracketed(written));
    }
    return out.append(";\n").toString();
  }

  private static String typeName(final FieldDescriptor field) {
    if (field.isMapField()) {
      final Descriptor entry = field.getMessageType();
      return "map<"
          + typeName(entry.findFieldByNumber(1))
          + ", "
          + typeName(entry.findFieldByNumber(2))
          + ">";
    }
    return switch (field.getType()) {
      case MESSAGE, GROUP -> "." + field.getMessageType().getFullName();
      case ENUM -> "." + field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  /**
   * How a default is written: quoted for text, bare for numbers, booleans and enum constants.
   * Confluent writes a bytes default bare, which does not parse again; here it is quoted.
   */
  private static OptionElement.Kind defaultKind(final String type) {
    return switch (type) {
      case "string", "bytes" -> OptionElement.Kind.STRING;
      case "bool" -> OptionElement.Kind.BOOLEAN;
      case "double",
          "float",
          "int32",
          "int64",
          "uint32",
          "uint64",
          "sint32",
          "sint64",
          "fixed32",
          "fixed64",
          "sfixed32",
          "sfixed64" ->
          OptionElement.Kind.NUMBER;
      default -> OptionElement.Kind.ENUM;
    };
  }
}
