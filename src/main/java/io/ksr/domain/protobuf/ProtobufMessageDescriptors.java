package io.ksr.domain.protobuf;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofOptions;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a parsed message into protobuf-java's {@code DescriptorProto}, for {@link
 * ProtobufDescriptors}, making explicit what the text implies as protoc does: a {@code map<K, V>}
 * field becomes a repeated field of a nested {@code map_entry} message, a proto3 {@code optional}
 * field gets its own synthetic oneof, and a group becomes a nested message with a group field.
 */
final class ProtobufMessageDescriptors {
  private final boolean proto3;

  ProtobufMessageDescriptors(final boolean proto3) {
    this.proto3 = proto3;
  }

  DescriptorProto message(final MessageElement message) {
    final DescriptorProto.Builder proto = DescriptorProto.newBuilder().setName(message.getName());
    // The messages that the text implies, for map fields and groups.
    final List<DescriptorProto> implied = new ArrayList<>();
    final List<FieldElement> proto3Optional = new ArrayList<>();
    for (final FieldElement field : message.getFields()) {
      proto.addField(field(field, implied));
      if (proto3 && field.getLabel() == Field.Label.OPTIONAL) {
        proto3Optional.add(field);
      }
    }
    for (final OneOfElement oneOf : message.getOneOfs()) {
      final int index = proto.getOneofDeclCount();
      final OneofDescriptorProto.Builder decl = OneofDescriptorProto.newBuilder();
      ProtobufOptions.apply(
          oneOf.getOptions(), OneofOptions.getDefaultInstance(), decl::setOptions);
      proto.addOneofDecl(decl.setName(oneOf.getName()));
      for (final FieldElement field : oneOf.getFields()) {
        proto.addField(field(field, implied).setOneofIndex(index));
      }
      for (final GroupElement group : oneOf.getGroups()) {
        addGroup(proto, implied, group, index);
      }
    }
    // As protoc does: after the real oneofs, so that their indexes stay those of the text.
    for (final FieldElement field : proto3Optional) {
      final int index = proto.getOneofDeclCount();
      proto.addOneofDecl(OneofDescriptorProto.newBuilder().setName("_" + field.getName()));
      for (final FieldDescriptorProto.Builder built : proto.getFieldBuilderList()) {
        if (built.getNumber() == field.getTag() && !built.hasOneofIndex()) {
          built.setOneofIndex(index).setProto3Optional(true);
        }
      }
    }
    for (final GroupElement group : message.getGroups()) {
      addGroup(proto, implied, group, -1);
    }
    for (final TypeElement nested : message.getNestedTypes()) {
      if (nested instanceof MessageElement nestedMessage) {
        proto.addNestedType(message(nestedMessage));
      } else if (nested instanceof EnumElement nestedEnum) {
        proto.addEnumType(ProtobufDescriptors.enumType(nestedEnum));
      }
    }
    // Last, so that the nested messages written in the text keep their positions.
    proto.addAllNestedType(implied);
    for (final ReservedElement reserved : message.getReserveds()) {
      for (final Object value : reserved.getValues()) {
        if (value instanceof String name) {
          proto.addReservedName(name);
        } else {
          final int[] range = ProtobufDescriptors.range(value);
          proto.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
        }
      }
    }
    for (final ExtensionsElement extensions : message.getExtensions()) {
      for (final Object value : extensions.getValues()) {
        final int[] range = ProtobufDescriptors.range(value);
        proto.addExtensionRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
      }
    }
    for (final ExtendElement extend : message.getExtendDeclarations()) {
      for (final FieldElement field : extend.getFields()) {
        proto.addExtension(field(field, null).setExtendee(extend.getName()));
      }
    }
    ProtobufOptions.apply(
        message.getOptions(), MessageOptions.getDefaultInstance(), proto::setOptions);
    return proto.build();
  }

  /**
   * One field; a map field adds its entry message to {@code implied} (null where maps can't be).
   */
  FieldDescriptorProto.Builder field(
      final FieldElement field, final List<DescriptorProto> implied) {
    final FieldDescriptorProto.Builder proto =
        FieldDescriptorProto.newBuilder()
            .setName(field.getName())
            .setNumber(field.getTag())
            .setLabel(label(field.getLabel()));
    final ProtoType type = ProtoType.get(field.getType());
    if (type.isMap() && implied != null) {
      final String entryName = mapEntryName(field.getName());
      implied.add(
          DescriptorProto.newBuilder()
              .setName(entryName)
              .addField(entryField("key", 1, type.getKeyType()))
              .addField(entryField("value", 2, type.getValueType()))
              .setOptions(MessageOptions.newBuilder().setMapEntry(true))
              .build());
      proto.setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setTypeName(entryName);
    } else {
      typed(proto, type);
    }
    if (field.getDefaultValue() != null) {
      proto.setDefaultValue(field.getDefaultValue());
    }
    if (field.getJsonName() != null) {
      proto.setJsonName(field.getJsonName());
    }
    ProtobufOptions.apply(field.getOptions(), FieldOptions.getDefaultInstance(), proto::setOptions);
    return proto;
  }

  private void addGroup(
      final DescriptorProto.Builder message,
      final List<DescriptorProto> implied,
      final GroupElement group,
      final int oneofIndex) {
    final DescriptorProto.Builder type = DescriptorProto.newBuilder().setName(group.getName());
    for (final FieldElement field : group.getFields()) {
      type.addField(field(field, null));
    }
    implied.add(type.build());
    final FieldDescriptorProto.Builder field =
        message
            .addFieldBuilder()
            .setName(group.getName().toLowerCase(Locale.ROOT))
            .setNumber(group.getTag())
            .setLabel(label(group.getLabel()))
            .setType(FieldDescriptorProto.Type.TYPE_GROUP)
            .setTypeName(group.getName());
    if (oneofIndex >= 0) {
      field.setOneofIndex(oneofIndex);
    }
  }

  private static FieldDescriptorProto.Builder entryField(
      final String name, final int number, final ProtoType type) {
    return typed(
        FieldDescriptorProto.newBuilder()
            .setName(name)
            .setNumber(number)
            .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL),
        type);
  }

  private static FieldDescriptorProto.Builder typed(
      final FieldDescriptorProto.Builder field, final ProtoType type) {
    if (type.isScalar()) {
      return field.setType(
          FieldDescriptorProto.Type.valueOf("TYPE_" + type.toString().toUpperCase(Locale.ROOT)));
    }
    return field.setTypeName(type.toString());
  }

  private static FieldDescriptorProto.Label label(final Field.Label label) {
    if (label == Field.Label.REPEATED) {
      return FieldDescriptorProto.Label.LABEL_REPEATED;
    }
    return label == Field.Label.REQUIRED
        ? FieldDescriptorProto.Label.LABEL_REQUIRED
        : FieldDescriptorProto.Label.LABEL_OPTIONAL;
  }

  /** The entry message's name as protoc derives it: {@code my_map} gets {@code MyMapEntry}. */
  private static String mapEntryName(final String fieldName) {
    final StringBuilder name = new StringBuilder();
    boolean upper = true;
    for (final char c : fieldName.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        name.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return name.append("Entry").toString();
  }
}
