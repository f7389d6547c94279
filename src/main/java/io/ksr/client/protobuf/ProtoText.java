package io.ksr.client.protobuf;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.OneofDescriptor;
import java.util.Locale;

/**
 * Writes a compiled {@code .proto} file (a protobuf-java {@link FileDescriptor}) back as {@code
 * .proto} text, so that a serializer can register the schema of a generated or dynamic message. It
 * writes what the payload's meaning depends on (packages, imports, messages, fields, enums, oneofs,
 * maps, the Java options); the registry re-prints the text in its canonical form anyway.
 */
final class ProtoText {
  private final StringBuilder out = new StringBuilder();
  private final boolean proto3;

  private ProtoText(final FileDescriptor file) {
    this.proto3 = "proto3".equals(file.toProto().getSyntax());
  }

  /** The {@code .proto} text of a file. */
  static String of(final FileDescriptor file) {
    return new ProtoText(file).file(file).toString();
  }

  private ProtoText file(final FileDescriptor file) {
    out.append("syntax = \"").append(proto3 ? "proto3" : "proto2").append("\";\n");
    if (!file.getPackage().isEmpty()) {
      out.append("package ").append(file.getPackage()).append(";\n");
    }
    for (final FileDescriptor dependency : file.getDependencies()) {
      out.append("import \"").append(dependency.getName()).append("\";\n");
    }
    javaOptions(file.getOptions());
    for (final Descriptor message : file.getMessageTypes()) {
      message(message, "");
    }
    for (final EnumDescriptor type : file.getEnumTypes()) {
      enumType(type, "");
    }
    return this;
  }

  private void javaOptions(final FileOptions options) {
    if (options.hasJavaPackage()) {
      option("java_package", quoted(options.getJavaPackage()));
    }
    if (options.hasJavaOuterClassname()) {
      option("java_outer_classname", quoted(options.getJavaOuterClassname()));
    }
    if (options.hasJavaMultipleFiles()) {
      option("java_multiple_files", Boolean.toString(options.getJavaMultipleFiles()));
    }
  }

  private void option(final String name, final String value) {
    out.append("option ").append(name).append(" = ").append(value).append(";\n");
  }

  private void message(final Descriptor message, final String indent) {
    out.append(indent).append("message ").append(message.getName()).append(" {\n");
    final String inner = indent + "  ";
    for (final FieldDescriptor field : message.getFields()) {
      final OneofDescriptor oneof = field.getRealContainingOneof();
      if (oneof == null) {
        field(field, inner, true);
      } else if (oneof.getField(0).equals(field)) {
        out.append(inner).append("oneof ").append(oneof.getName()).append(" {\n");
        for (final FieldDescriptor member : oneof.getFields()) {
          field(member, inner + "  ", false);
        }
        out.append(inner).append("}\n");
      }
    }
    for (final Descriptor nested : message.getNestedTypes()) {
      if (!nested.getOptions().getMapEntry()) {
        message(nested, inner);
      }
    }
    for (final EnumDescriptor type : message.getEnumTypes()) {
      enumType(type, inner);
    }
    out.append(indent).append("}\n");
  }

  private void field(final FieldDescriptor field, final String indent, final boolean labelled) {
    out.append(indent);
    if (field.isMapField()) {
      final Descriptor entry = field.getMessageType();
      out.append("map<")
          .append(typeName(entry.findFieldByNumber(1)))
          .append(", ")
          .append(typeName(entry.findFieldByNumber(2)))
          .append("> ");
    } else {
      if (labelled) {
        out.append(label(field));
      }
      out.append(typeName(field)).append(' ');
    }
    out.append(field.getName()).append(" = ").append(field.getNumber());
    final FieldDescriptorProto proto = field.toProto();
    if (!proto3 && proto.hasDefaultValue()) {
      final String value = proto.getDefaultValue();
      out.append(" [default = ")
          .append(field.getType() == FieldDescriptor.Type.STRING ? quoted(value) : value)
          .append(']');
    }
    out.append(";\n");
  }

  private String label(final FieldDescriptor field) {
    if (field.isRepeated()) {
      return "repeated ";
    } else if (field.isRequired()) {
      return "required ";
    }
    return !proto3 || field.toProto().getProto3Optional() ? "optional " : "";
  }

  private static String typeName(final FieldDescriptor field) {
    return switch (field.getType()) {
      case MESSAGE, GROUP -> "." + field.getMessageType().getFullName();
      case ENUM -> "." + field.getEnumType().getFullName();
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  private void enumType(final EnumDescriptor type, final String indent) {
    out.append(indent).append("enum ").append(type.getName()).append(" {\n");
    for (final EnumValueDescriptor value : type.getValues()) {
      out.append(indent)
          .append("  ")
          .append(value.getName())
          .append(" = ")
          .append(value.getNumber())
          .append(";\n");
    }
    out.append(indent).append("}\n");
  }

  private static String quoted(final String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
