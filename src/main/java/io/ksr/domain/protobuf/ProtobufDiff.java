package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ksr.domain.ResolvedReference;
import io.ksr.domain.protobuf.ProtobufDifference.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares an original (writer's) Protobuf schema with an update (reader's), with the semantics of
 * Confluent's Protobuf diff: messages and enums match by name within their scope, fields by number,
 * oneofs by name. The differences are typed; {@link ProtobufDifference.Type#compatible()} tells
 * which of them stop the reader from reading what the writer wrote.
 *
 * <p>Types are compared as linked by protobuf-java, so that a field's type is the type its name
 * resolves to wherever it is defined. A message type that a field uses is compared with its
 * counterpart when it is not defined in the schema itself and does not come from the same
 * referenced subject version on both sides. The messages that map fields and groups imply are not
 * compared as types of their own.
 */
final class ProtobufDiff {
  private final ProtobufSchema original;
  private final ProtobufSchema update;
  private final Deque<String> path;
  private final Set<Descriptor> comparing;
  private final List<ProtobufDifference> differences = new ArrayList<>();

  private ProtobufDiff(
      final ProtobufSchema original,
      final ProtobufSchema update,
      final List<String> path,
      final Set<Descriptor> comparing) {
    this.original = original;
    this.update = update;
    this.path = new ArrayDeque<>(path);
    this.comparing = comparing;
  }

  /** Every difference from {@code original} to {@code update}, compatible ones included. */
  static List<ProtobufDifference> compare(
      final ProtobufSchema original, final ProtobufSchema update) {
    final ProtobufDiff diff =
        new ProtobufDiff(
            original, update, List.of(), Collections.newSetFromMap(new IdentityHashMap<>()));
    final FileDescriptor originalFile = original.fileDescriptor();
    final FileDescriptor updateFile = update.fileDescriptor();
    if (!originalFile.getPackage().equals(updateFile.getPackage())) {
      diff.add(Type.PACKAGE_CHANGED);
    }
    diff.types(
        originalFile.getMessageTypes(),
        updateFile.getMessageTypes(),
        originalFile.getEnumTypes(),
        updateFile.getEnumTypes());
    return diff.differences;
  }

  void add(final Type type) {
    differences.add(new ProtobufDifference(type, "#/" + String.join("/", path)));
  }

  void enter(final String segment) {
    path.addLast(segment);
  }

  void leave() {
    path.removeLast();
  }

  private void types(
      final List<Descriptor> originalMessages,
      final List<Descriptor> updateMessages,
      final List<EnumDescriptor> originalEnums,
      final List<EnumDescriptor> updateEnums) {
    final Map<String, Descriptor> originals = messagesByName(originalMessages);
    final Map<String, Descriptor> updates = messagesByName(updateMessages);
    final List<String> originalOrder = new ArrayList<>(originals.keySet());
    final List<String> updateOrder = new ArrayList<>(updates.keySet());
    for (final String name : union(originals.keySet(), updates.keySet())) {
      enter(name);
      if (!updates.containsKey(name)) {
        add(Type.MESSAGE_REMOVED);
      } else if (!originals.containsKey(name)) {
        add(Type.MESSAGE_ADDED);
      } else {
        message(originals.get(name), updates.get(name));
        // Compatible: a record's message indexes are read against the schema it was written with.
        if (originalOrder.indexOf(name) != updateOrder.indexOf(name)) {
          add(Type.MESSAGE_MOVED);
        }
      }
      leave();
    }
    final Map<String, EnumDescriptor> originalEnumsByName = new LinkedHashMap<>();
    originalEnums.forEach(type -> originalEnumsByName.put(type.getName(), type));
    final Map<String, EnumDescriptor> updateEnumsByName = new LinkedHashMap<>();
    updateEnums.forEach(type -> updateEnumsByName.put(type.getName(), type));
    for (final String name : union(originalEnumsByName.keySet(), updateEnumsByName.keySet())) {
      enter(name);
      if (!updateEnumsByName.containsKey(name)) {
        add(Type.ENUM_REMOVED);
      } else if (!originalEnumsByName.containsKey(name)) {
        add(Type.ENUM_ADDED);
      } else {
        enumConstants(originalEnumsByName.get(name), updateEnumsByName.get(name));
      }
      leave();
    }
  }

  private void message(final Descriptor originalMessage, final Descriptor updateMessage) {
    // A message that refers to itself, directly or not, is compared once.
    if (comparing.add(originalMessage)) {
      try {
        ProtobufMessageDiff.compare(this, originalMessage, updateMessage);
      } finally {
        comparing.remove(originalMessage);
      }
    }
    types(
        originalMessage.getNestedTypes(),
        updateMessage.getNestedTypes(),
        originalMessage.getEnumTypes(),
        updateMessage.getEnumTypes());
  }

  private void enumConstants(final EnumDescriptor originalEnum, final EnumDescriptor updateEnum) {
    final Map<Integer, String> originals = new TreeMap<>();
    originalEnum.getValues().forEach(value -> originals.put(value.getNumber(), value.getName()));
    final Map<Integer, String> updates = new TreeMap<>();
    updateEnum.getValues().forEach(value -> updates.put(value.getNumber(), value.getName()));
    for (final int number : new TreeSet<>(union(originals.keySet(), updates.keySet()))) {
      enter(Integer.toString(number));
      if (!updates.containsKey(number)) {
        add(Type.ENUM_CONST_REMOVED);
      } else if (!originals.containsKey(number)) {
        add(Type.ENUM_CONST_ADDED);
      } else if (!originals.get(number).equals(updates.get(number))) {
        add(Type.ENUM_CONST_CHANGED);
      }
      leave();
    }
  }

  /**
   * Compares the message types of a field: by their names within their packages, and by their
   * content when they come from different places.
   */
  void messageTypes(final Descriptor originalType, final Descriptor updateType) {
    final String originalName = localName(originalType);
    if (!originalName.equals(localName(updateType))) {
      add(Type.FIELD_NAMED_TYPE_CHANGED);
      return;
    }
    if (sameSource(originalType.getFile(), updateType.getFile())) {
      return;
    }
    final ProtobufDiff types =
        new ProtobufDiff(original, update, List.of(originalName.split("\\.")), comparing);
    types.message(originalType, updateType);
    differences.addAll(types.differences);
    if (types.differences.stream().anyMatch(difference -> !difference.compatible())) {
      add(Type.FIELD_NAMED_TYPE_CHANGED);
    }
  }

  /**
   * Whether the types of both files are compared elsewhere or are the same: both files are the
   * schemas themselves, whose types are compared one by one, or the same subject version.
   */
  private boolean sameSource(final FileDescriptor originalFile, final FileDescriptor updateFile) {
    if (originalFile == original.fileDescriptor() && updateFile == update.fileDescriptor()) {
      return true;
    }
    final ResolvedReference originalReference = original.referenceDefining(originalFile);
    final ResolvedReference updateReference = update.referenceDefining(updateFile);
    return originalReference != null
        && updateReference != null
        && originalReference.subject().equals(updateReference.subject())
        && originalReference.version() == updateReference.version();
  }

  private static String localName(final Descriptor type) {
    final String packageName = type.getFile().getPackage();
    return packageName.isEmpty()
        ? type.getFullName()
        : type.getFullName().substring(packageName.length() + 1);
  }

  private static Map<String, Descriptor> messagesByName(final List<Descriptor> messages) {
    final Map<String, Descriptor> byName = new LinkedHashMap<>();
    for (final Descriptor message : messages) {
      if (!implied(message)) {
        byName.put(message.getName(), message);
      }
    }
    return byName;
  }

  /** Map entries and groups are compared as the fields that imply them, as they are written. */
  private static boolean implied(final Descriptor message) {
    final Descriptor parent = message.getContainingType();
    return message.getOptions().getMapEntry()
        || parent != null
            && parent.getFields().stream()
                .anyMatch(
                    field ->
                        field.getType() == FieldDescriptor.Type.GROUP
                            && field.getMessageType() == message);
  }

  static <T> Set<T> union(final Set<T> first, final Set<T> second) {
    final Set<T> union = new LinkedHashSet<>(first);
    union.addAll(second);
    return union;
  }
}
