package io.ksr.domain.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Links a parsed {@code .proto} file against the files it imports with protobuf-java, so that every
 * type it uses must be defined, and returns descriptors whose type names are fully qualified.
 */
final class ProtobufLinker {
  private ProtobufLinker() {}

  /**
   * Links {@code file}.
   *
   * @param name the name the file is imported by
   * @param imported the files it may import, by name; well-known files need not be among them
   * @throws IllegalArgumentException naming what is wrong: an import that is not available, a type
   *     that is not defined, or another rule of Protobuf that the file breaks
   */
  static FileDescriptor link(
      final String name, final ProtoFileElement file, final Map<String, FileDescriptor> imported) {
    final FileDescriptorProto proto = ProtobufDescriptors.toProto(name, file);
    final List<FileDescriptor> dependencies = new ArrayList<>();
    for (final String dependency : proto.getDependencyList()) {
      FileDescriptor found = imported.get(dependency);
      if (found == null) {
        found = ProtobufWellKnown.file(dependency);
      }
      if (found == null) {
        throw new IllegalArgumentException(
            "import \"" + dependency + "\" is neither a reference nor a well-known file");
      }
      dependencies.add(found);
    }
    final FileDescriptor[] deps = dependencies.toArray(FileDescriptor[]::new);
    try {
      // Linked twice: once to resolve each type name as Protobuf scopes it, and once more with the
      // names it resolved to, so that the descriptors stand alone when sent to a client.
      final FileDescriptor linked = FileDescriptor.buildFrom(proto, deps);
      return FileDescriptor.buildFrom(qualified(proto, linked), deps);
    } catch (final DescriptorValidationException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static FileDescriptorProto qualified(
      final FileDescriptorProto proto, final FileDescriptor linked) {
    final FileDescriptorProto.Builder builder = proto.toBuilder();
    for (int i = 0; i < builder.getMessageTypeCount(); i++) {
      qualify(builder.getMessageTypeBuilder(i), linked.getMessageTypes().get(i));
    }
    for (int i = 0; i < builder.getExtensionCount(); i++) {
      qualify(builder.getExtensionBuilder(i), linked.getExtensions().get(i));
    }
    for (int s = 0; s < builder.getServiceCount(); s++) {
      final List<MethodDescriptor> methods = linked.getServices().get(s).getMethods();
      for (int m = 0; m < methods.size(); m++) {
        final MethodDescriptorProto.Builder method =
            builder.getServiceBuilder(s).getMethodBuilder(m);
        method.setInputType(absolute(methods.get(m).getInputType()));
        method.setOutputType(absolute(methods.get(m).getOutputType()));
      }
    }
    return builder.build();
  }

  private static void qualify(final DescriptorProto.Builder message, final Descriptor linked) {
    for (int i = 0; i < message.getFieldCount(); i++) {
      qualify(message.getFieldBuilder(i), linked.getFields().get(i));
    }
    for (int i = 0; i < message.getExtensionCount(); i++) {
      qualify(message.getExtensionBuilder(i), linked.getExtensions().get(i));
    }
    for (int i = 0; i < message.getNestedTypeCount(); i++) {
      qualify(message.getNestedTypeBuilder(i), linked.getNestedTypes().get(i));
    }
  }

  private static void qualify(
      final FieldDescriptorProto.Builder field, final FieldDescriptor linked) {
    if (linked.isExtension()) {
      field.setExtendee(absolute(linked.getContainingType()));
    }
    switch (linked.getType()) {
      case MESSAGE ->
          field
              .setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
              .setTypeName(absolute(linked.getMessageType()));
      case GROUP ->
          field
              .setType(FieldDescriptorProto.Type.TYPE_GROUP)
              .setTypeName(absolute(linked.getMessageType()));
      case ENUM ->
          field
              .setType(FieldDescriptorProto.Type.TYPE_ENUM)
              .setTypeName("." + linked.getEnumType().getFullName());
      default -> {
        // A scalar's type was set from the text.
      }
    }
  }

  private static String absolute(final Descriptor type) {
    return "." + type.getFullName();
  }
}
