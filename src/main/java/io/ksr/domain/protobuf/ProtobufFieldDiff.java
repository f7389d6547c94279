package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.FieldDescriptor;
import io.ksr.domain.protobuf.ProtobufDifference.Type;

/**
 * Compares two fields with the same number, for {@link ProtobufDiff}: their kind (scalar, message
 * or map), their scalar types by wire-compatible group, their message types, and for scalars their
 * labels.
 */
final class ProtobufFieldDiff {
  private ProtobufFieldDiff() {}

  private enum Kind {
    SCALAR,
    MESSAGE,
    MAP
  }

  /**
   * Scalar types within one group read each other's values; enums are varints like the first group.
   */
  private enum ScalarGroup {
    VARINT,
    ZIGZAG,
    STRING_OR_BYTES,
    FIXED32,
    FIXED64,
    FLOAT,
    DOUBLE
  }

  /**
   * A label as written: Confluent compares labels only where both fields have one, which a field in
   * a oneof and a proto3 field without {@code optional} do not.
   */
  private enum Label {
    OPTIONAL,
    REQUIRED,
    REPEATED
  }

  static void compare(
      final ProtobufDiff diff, final FieldDescriptor original, final FieldDescriptor update) {
    if (!original.getName().equals(update.getName())) {
      diff.add(Type.FIELD_NAME_CHANGED);
    }
    compareTypes(diff, label(original), label(update), original, update);
  }

  private static void compareTypes(
      final ProtobufDiff diff,
      final Label originalLabel,
      final Label updateLabel,
      final FieldDescriptor original,
      final FieldDescriptor update) {
    final Kind kind = kind(original);
    if (kind != kind(update)) {
      diff.add(Type.FIELD_KIND_CHANGED);
      return;
    }
    switch (kind) {
      case SCALAR -> compareScalars(diff, originalLabel, updateLabel, original, update);
      case MESSAGE -> diff.messageTypes(original.getMessageType(), update.getMessageType());
      case MAP -> {
        compareTypes(diff, null, null, entryField(original, 1), entryField(update, 1));
        compareTypes(diff, null, null, entryField(original, 2), entryField(update, 2));
      }
    }
  }

  private static void compareScalars(
      final ProtobufDiff diff,
      final Label originalLabel,
      final Label updateLabel,
      final FieldDescriptor original,
      final FieldDescriptor update) {
    final ScalarGroup group = group(original);
    if (group != group(update)) {
      diff.add(Type.FIELD_SCALAR_KIND_CHANGED);
    } else if (originalLabel != null && updateLabel != null && originalLabel != updateLabel) {
      // A repeated string or bytes field reads a single value and the reverse; numbers are packed.
      diff.add(
          group == ScalarGroup.STRING_OR_BYTES
              ? Type.FIELD_STRING_OR_BYTES_LABEL_CHANGED
              : Type.FIELD_NUMERIC_LABEL_CHANGED);
    }
  }

  private static Kind kind(final FieldDescriptor field) {
    if (field.isMapField()) {
      return Kind.MAP;
    }
    return switch (field.getType()) {
      case MESSAGE, GROUP -> Kind.MESSAGE;
      default -> Kind.SCALAR;
    };
  }

  private static ScalarGroup group(final FieldDescriptor field) {
    return switch (field.getType()) {
      case SINT32, SINT64 -> ScalarGroup.ZIGZAG;
      case STRING, BYTES -> ScalarGroup.STRING_OR_BYTES;
      case FIXED32, SFIXED32 -> ScalarGroup.FIXED32;
      case FIXED64, SFIXED64 -> ScalarGroup.FIXED64;
      case FLOAT -> ScalarGroup.FLOAT;
      case DOUBLE -> ScalarGroup.DOUBLE;
      default -> ScalarGroup.VARINT;
    };
  }

  private static Label label(final FieldDescriptor field) {
    if (field.isRepeated()) {
      return Label.REPEATED;
    }
    if (field.isRequired()) {
      return Label.REQUIRED;
    }
    if (field.getRealContainingOneof() != null) {
      return null;
    }
    final boolean proto3 = "proto3".equals(field.getFile().toProto().getSyntax());
    return !proto3 || field.toProto().getProto3Optional() ? Label.OPTIONAL : null;
  }

  private static FieldDescriptor entryField(final FieldDescriptor mapField, final int number) {
    return mapField.getMessageType().findFieldByNumber(number);
  }
}
