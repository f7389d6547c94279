package io.ksr.domain.protobuf;

import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumOptions;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueOptions;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodOptions;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceOptions;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import kotlin.ranges.IntRange;

/**
 * Turns a parsed {@code .proto} file into protobuf-java's {@code FileDescriptorProto}, the form
 * that protobuf-java links and that the {@code serialized} format sends. Types are named as
 * written: {@link ProtobufLinker} resolves them. {@link ProtobufMessageDescriptors} turns the
 * messages.
 */
final class ProtobufDescriptors {
  private static final String PROTO3 = "proto3";

  private ProtobufDescriptors() {}

  /** The descriptor of {@code file}, named as it is imported. */
  static FileDescriptorProto toProto(final String name, final ProtoFileElement file) {
    final boolean proto3 = file.getSyntax() == Syntax.PROTO_3;
    final ProtobufMessageDescriptors converter = new ProtobufMessageDescriptors(proto3);
    final FileDescriptorProto.Builder proto =
        FileDescriptorProto.newBuilder().setName(name).setSyntax(proto3 ? PROTO3 : "proto2");
    if (file.getPackageName() != null) {
      proto.setPackage(file.getPackageName());
    }
    proto.addAllDependency(file.getImports());
    for (final String publicImport : file.getPublicImports()) {
      proto.addPublicDependency(proto.getDependencyCount()).addDependency(publicImport);
    }
    ProtobufOptions.apply(file.getOptions(), FileOptions.getDefaultInstance(), proto::setOptions);
    for (final TypeElement type : file.getTypes()) {
      if (type instanceof MessageElement message) {
        proto.addMessageType(converter.message(message));
      } else if (type instanceof EnumElement enumType) {
        proto.addEnumType(enumType(enumType));
      }
    }
    for (final ServiceElement service : file.getServices()) {
      proto.addService(service(service));
    }
    for (final ExtendElement extend : file.getExtendDeclarations()) {
      for (final FieldElement field : extend.getFields()) {
        proto.addExtension(converter.field(field, null).setExtendee(extend.getName()));
      }
    }
    return proto.build();
  }

  static EnumDescriptorProto enumType(final EnumElement enumType) {
    final EnumDescriptorProto.Builder proto =
        EnumDescriptorProto.newBuilder().setName(enumType.getName());
    for (final EnumConstantElement constant : enumType.getConstants()) {
      final EnumValueDescriptorProto.Builder value =
          proto.addValueBuilder().setName(constant.getName()).setNumber(constant.getTag());
      ProtobufOptions.apply(
          constant.getOptions(), EnumValueOptions.getDefaultInstance(), value::setOptions);
    }
    for (final ReservedElement reserved : enumType.getReserveds()) {
      for (final Object value : reserved.getValues()) {
        if (value instanceof String name) {
          proto.addReservedName(name);
        } else {
          final int[] range = range(value);
          // Unlike a message's, an enum's reserved range includes its end.
          proto.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1]);
        }
      }
    }
    ProtobufOptions.apply(
        enumType.getOptions(), EnumOptions.getDefaultInstance(), proto::setOptions);
    return proto.build();
  }

  private static ServiceDescriptorProto service(final ServiceElement service) {
    final ServiceDescriptorProto.Builder proto =
        ServiceDescriptorProto.newBuilder().setName(service.getName());
    for (final RpcElement rpc : service.getRpcs()) {
      final MethodDescriptorProto.Builder method =
          proto
              .addMethodBuilder()
              .setName(rpc.getName())
              .setInputType(rpc.getRequestType())
              .setOutputType(rpc.getResponseType());
      if (rpc.getRequestStreaming()) {
        method.setClientStreaming(true);
      }
      if (rpc.getResponseStreaming()) {
        method.setServerStreaming(true);
      }
      ProtobufOptions.apply(
          rpc.getOptions(), MethodOptions.getDefaultInstance(), method::setOptions);
    }
    ProtobufOptions.apply(
        service.getOptions(), ServiceOptions.getDefaultInstance(), proto::setOptions);
    return proto.build();
  }

  /** A reserved or extension number, or range, as its first and last number. */
  static int[] range(final Object value) {
    if (value instanceof IntRange range) {
      return new int[] {range.getFirst(), range.getLast()};
    }
    final int number = (Integer) value;
    return new int[] {number, number};
  }
}
