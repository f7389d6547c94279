package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import io.ksr.domain.protobuf.ProtobufDifference.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the fields and oneofs of two messages with the same name, for {@link ProtobufDiff}.
 *
 * <p>Fields match by number. A field may move between the top level and a oneof: moving one field
 * into a new oneof is compatible, but moving several into one oneof, or one into a oneof with
 * fields that were already in a oneof, is not, since a writer may have set them together. A field
 * that leaves a oneof but stays in the message was moved, not removed. The proto3 {@code optional}
 * fields' synthetic oneofs count as top-level fields, as in the text.
 */
final class ProtobufMessageDiff {
  private ProtobufMessageDiff() {}

  static void compare(
      final ProtobufDiff diff, final Descriptor originalMessage, final Descriptor updateMessage) {
    final Map<Integer, FieldDescriptor> originalTop = topLevelFields(originalMessage);
    final Map<Integer, FieldDescriptor> updateTop = topLevelFields(updateMessage);
    final Map<Integer, String> originalOneOfOf = oneOfOfField(originalMessage);
    final Map<Integer, String> updateOneOfOf = oneOfOfField(updateMessage);
    for (final OneofDescriptor oneOf : updateMessage.getRealOneofs()) {
      int moved = 0;
      int existing = 0;
      for (final FieldDescriptor field : oneOf.getFields()) {
        // A field that moved into the oneof is compared below, not reported as removed.
        if (originalTop.remove(field.getNumber()) != null) {
          moved++;
        } else if (originalOneOfOf.containsKey(field.getNumber())) {
          existing++;
        }
      }
      diff.enter(oneOf.getName());
      if (moved > 1) {
        diff.add(Type.MULTIPLE_FIELDS_MOVED_TO_ONEOF);
      } else if (moved == 1 && existing > 0) {
        diff.add(Type.FIELD_MOVED_TO_EXISTING_ONEOF);
      }
      diff.leave();
    }
    final Map<String, OneofDescriptor> originalOneOfs = oneOfsByName(originalMessage);
    final Map<String, OneofDescriptor> updateOneOfs = oneOfsByName(updateMessage);
    for (final String name : ProtobufDiff.union(originalOneOfs.keySet(), updateOneOfs.keySet())) {
      diff.enter(name);
      if (!updateOneOfs.containsKey(name)) {
        diff.add(Type.ONEOF_REMOVED);
      } else if (!originalOneOfs.containsKey(name)) {
        diff.add(Type.ONEOF_ADDED);
      } else {
        oneOfFields(diff, originalOneOfs.get(name), updateOneOfs.get(name), updateMessage);
      }
      diff.leave();
    }
    for (final int number : numbers(originalTop, updateTop)) {
      diff.enter(Integer.toString(number));
      final FieldDescriptor originalField = originalTop.get(number);
      final FieldDescriptor updateField = updateTop.get(number);
      if (updateField == null) {
        diff.add(originalField.isRequired() ? Type.REQUIRED_FIELD_REMOVED : Type.FIELD_REMOVED);
      } else if (originalField == null) {
        diff.add(updateField.isRequired() ? Type.REQUIRED_FIELD_ADDED : Type.FIELD_ADDED);
      } else {
        ProtobufFieldDiff.compare(diff, originalField, updateField);
      }
      diff.leave();
    }
    // Fields that moved into, out of or between oneofs were compared by neither loop above.
    for (final FieldDescriptor originalField : byNumber(originalMessage.getFields()).values()) {
      final int number = originalField.getNumber();
      final FieldDescriptor updateField = updateMessage.findFieldByNumber(number);
      if (updateField != null
          && !Objects.equals(originalOneOfOf.get(number), updateOneOfOf.get(number))) {
        diff.enter(Integer.toString(number));
        ProtobufFieldDiff.compare(diff, originalField, updateField);
        diff.leave();
      }
    }
  }

  private static void oneOfFields(
      final ProtobufDiff diff,
      final OneofDescriptor originalOneOf,
      final OneofDescriptor updateOneOf,
      final Descriptor updateMessage) {
    final Map<Integer, FieldDescriptor> originals = byNumber(originalOneOf.getFields());
    final Map<Integer, FieldDescriptor> updates = byNumber(updateOneOf.getFields());
    for (final int number : numbers(originals, updates)) {
      diff.enter(Integer.toString(number));
      if (!updates.containsKey(number)) {
        if (updateMessage.findFieldByNumber(number) == null) {
          diff.add(Type.ONEOF_FIELD_REMOVED);
        }
      } else if (!originals.containsKey(number)) {
        diff.add(Type.ONEOF_FIELD_ADDED);
      } else {
        ProtobufFieldDiff.compare(diff, originals.get(number), updates.get(number));
      }
      diff.leave();
    }
  }

  private static Map<Integer, FieldDescriptor> topLevelFields(final Descriptor message) {
    final Map<Integer, FieldDescriptor> fields = new TreeMap<>();
    for (final FieldDescriptor field : message.getFields()) {
      if (field.getRealContainingOneof() == null) {
        fields.put(field.getNumber(), field);
      }
    }
    return fields;
  }

  private static Map<Integer, String> oneOfOfField(final Descriptor message) {
    final Map<Integer, String> oneOfs = new TreeMap<>();
    for (final OneofDescriptor oneOf : message.getRealOneofs()) {
      oneOf.getFields().forEach(field -> oneOfs.put(field.getNumber(), oneOf.getName()));
    }
    return oneOfs;
  }

  private static Map<String, OneofDescriptor> oneOfsByName(final Descriptor message) {
    final Map<String, OneofDescriptor> oneOfs = new LinkedHashMap<>();
    message.getRealOneofs().forEach(oneOf -> oneOfs.put(oneOf.getName(), oneOf));
    return oneOfs;
  }

  private static Map<Integer, FieldDescriptor> byNumber(final List<FieldDescriptor> fields) {
    final Map<Integer, FieldDescriptor> byNumber = new TreeMap<>();
    fields.forEach(field -> byNumber.put(field.getNumber(), field));
    return byNumber;
  }

  private static TreeSet<Integer> numbers(
      final Map<Integer, FieldDescriptor> first, final Map<Integer, FieldDescriptor> second) {
    final TreeSet<Integer> numbers = new TreeSet<>(first.keySet());
    numbers.addAll(second.keySet());
    return numbers;
  }
}
