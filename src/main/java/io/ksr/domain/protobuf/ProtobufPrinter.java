package io.ksr.domain.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Prints a parsed {@code .proto} file in the layout of Confluent's canonical Protobuf text, so that
 * a schema gets the same text as in Confluent: comments and formatting are gone, and each scope
 * prints its messages before its enums.
 *
 * <p>In normal form, as far as Confluent's is confirmed: imports are sorted and de-duplicated;
 * options, fields, oneofs (by their first field), enum constants, reserved and extension numbers
 * are in order; type names are fully qualified ({@code .pkg.Type}); {@code map_entry} messages
 * become {@code map<K, V>} fields; extensions of one message are in one block; a proto2 file loses
 * its {@code syntax} line. Unlike Confluent, custom option names are not resolved and numbers in
 * options are kept as written. Message order is kept: clients write message indexes from it.
 */
final class ProtobufPrinter {
  private final boolean normalize;
  private final boolean ignoreExtensions;
  private final ProtobufOptionPrinter options;
  private final ProtobufPrintOrder order;
  private final ProtobufFieldPrinter fieldPrinter;

  private ProtobufPrinter(final boolean normalize, final boolean ignoreExtensions) {
    this.normalize = normalize;
    this.ignoreExtensions = ignoreExtensions;
    this.options = new ProtobufOptionPrinter(normalize, ignoreExtensions);
    this.order = new ProtobufPrintOrder(normalize);
    this.fieldPrinter = new ProtobufFieldPrinter(normalize, options);
  }

  static String canonical(final ProtoFileElement file) {
    return new ProtobufPrinter(false, false).file(file, null);
  }

  /** The normal form; {@code linked} tells the full names that the file's type names stand for. */
  static String normalized(final ProtoFileElement file, final FileDescriptor linked) {
    return new ProtobufPrinter(true, false).file(file, linked);
  }

  /** The canonical text without custom options, extension ranges and extensions. */
  static String withoutExtensions(final ProtoFileElement file) {
    return new ProtobufPrinter(false, true).file(file, null);
  }

  /** Appends each line of {@code text} indented by one level. */
  static void indent(final StringBuilder out, final String text) {
    for (final String line : text.split("\n")) {
      out.append("  ").append(line).append('\n');
    }
  }

  private String file(final ProtoFileElement file, final FileDescriptor linked) {
    final StringBuilder out = new StringBuilder();
    if (file.getSyntax() != null && (!normalize || file.getSyntax() == Syntax.PROTO_3)) {
      out.append("syntax = \"").append(file.getSyntax()).append("\";\n");
    }
    if (file.getPackageName() != null) {
      out.append("package ").append(file.getPackageName()).append(";\n");
    }
    if (!file.getImports().isEmpty() || !file.getPublicImports().isEmpty()) {
      out.append('\n');
      imports(out, "import \"", file.getImports());
      imports(out, "import public \"", file.getPublicImports());
    }
    final List<OptionElement> fileOptions = options.filter(file.getOptions());
    if (!fileOptions.isEmpty()) {
      out.append('\n');
      fileOptions.forEach(option -> out.append(options.statement(option)));
    }
    final List<TypeElement> types = order.types(file.getTypes());
    if (!types.isEmpty()) {
      out.append('\n');
      types(types, linked == null ? null : linked::findMessageTypeByName).forEach(out::append);
    }
    if (!ignoreExtensions && !file.getExtendDeclarations().isEmpty()) {
      out.append('\n');
      extend(file.getExtendDeclarations(), linked == null ? null : linked.getExtensions())
          .forEach(out::append);
    }
    if (!file.getServices().isEmpty()) {
      out.append('\n');
      for (final ServiceElement service : file.getServices()) {
        out.append(service(service, linked));
      }
    }
    return out.toString();
  }

  private void imports(final StringBuilder out, final String prefix, final List<String> paths) {
    final List<String> written = normalize ? paths.stream().sorted().distinct().toList() : paths;
    for (final String path : written) {
      out.append(prefix).append(path).append("\";\n");
    }
  }

  /** Messages, then enums; {@code nested} finds a message's descriptor by its name, if linked. */
  private List<String> types(
      final List<TypeElement> types, final Function<String, Descriptor> nested) {
    final List<String> printed = new ArrayList<>();
    for (final TypeElement type : types) {
      if (type instanceof MessageElement message) {
        printed.add(message(message, nested == null ? null : nested.apply(type.getName())));
      }
    }
    for (final TypeElement type : types) {
      if (type instanceof EnumElement enumType) {
        printed.add(enumType(enumType));
      }
    }
    return printed;
  }

  private String message(final MessageElement message, final Descriptor linked) {
    final StringBuilder out = new StringBuilder("message ").append(message.getName()).append(" {");
    block(out, order.reserved(message.getReserveds()));
    block(out, options.filter(message.getOptions()).stream().map(options::statement).toList());
    block(out, fields(order.fields(message.getFields()), linked));
    block(out, order.oneOfs(message.getOneOfs()).stream().map(o -> oneOf(o, linked)).toList());
    block(out, order.groups(message.getGroups()).stream().map(g -> group(g, linked)).toList());
    if (!ignoreExtensions) {
      block(out, order.extensions(message.getExtensions()));
      block(
          out,
          extend(message.getExtendDeclarations(), linked == null ? null : linked.getExtensions()));
    }
    block(
        out,
        types(
            order.types(message.getNestedTypes()),
            linked == null ? null : linked::findNestedTypeByName));
    return out.append("}\n").toString();
  }

  private List<String> fields(final List<FieldElement> fields, final Descriptor linked) {
    return fields.stream()
        .map(
            f ->
                fieldPrinter.field(f, linked == null ? null : linked.findFieldByNumber(f.getTag())))
        .toList();
  }

  private String oneOf(final OneOfElement oneOf, final Descriptor linked) {
    final StringBuilder out = new StringBuilder("oneof ").append(oneOf.getName()).append(" {");
    block(out, options.filter(oneOf.getOptions()).stream().map(options::statement).toList());
    block(out, fields(oneOf.getFields(), linked));
    block(out, order.groups(oneOf.getGroups()).stream().map(g -> group(g, linked)).toList());
    return out.append("}\n").toString();
  }

  private String group(final GroupElement group, final Descriptor linked) {
    final StringBuilder out = new StringBuilder();
    if (group.getLabel() != null) {
      out.append(group.getLabel().name().toLowerCase(Locale.ROOT)).append(' ');
    }
    out.append("group ").append(group.getName()).append(" = ").append(group.getTag()).append(" {");
    final Descriptor type = linked == null ? null : linked.findNestedTypeByName(group.getName());
    block(out, fields(order.fields(group.getFields()), type));
    return out.append("}\n").toString();
  }

  private String enumType(final EnumElement enumType) {
    final List<String> lines = new ArrayList<>(order.reserved(enumType.getReserveds()));
    options.filter(enumType.getOptions()).forEach(option -> lines.add(options.statement(option)));
    for (final EnumConstantElement constant : order.constants(enumType.getConstants())) {
      final List<OptionElement> constantOptions = options.filter(constant.getOptions());
      lines.add(
          constant.getName()
              + " = "
              + constant.getTag()
              + (constantOptions.isEmpty() ? "" : " " + options.bracketed(constantOptions))
              + ";\n");
    }
    final StringBuilder out = new StringBuilder("enum ").append(enumType.getName()).append(" {");
    block(out, lines);
    return out.append("}\n").toString();
  }

  /**
   * The {@code extend} blocks; {@code linked} are the extensions' descriptors in the order of the
   * text, as linking keeps it.
   */
  private List<String> extend(
      final List<ExtendElement> extend, final List<FieldDescriptor> linked) {
    final Map<String, List<FieldElement>> blocks = new LinkedHashMap<>();
    final Map<FieldElement, FieldDescriptor> descriptors = new LinkedHashMap<>();
    final List<String> written = new ArrayList<>();
    int position = 0;
    for (final ExtendElement element : extend) {
      if (!normalize) {
        written.add(extendBlock(element.getName(), element.getFields(), descriptors));
        continue;
      }
      // The normal form names the extended message in full and gives it a single block.
      for (final FieldElement field : element.getFields()) {
        final FieldDescriptor descriptor = linked.get(position++);
        descriptors.put(field, descriptor);
        blocks
            .computeIfAbsent(
                "." + descriptor.getContainingType().getFullName(), name -> new ArrayList<>())
            .add(field);
      }
    }
    blocks.forEach(
        (name, fields) -> written.add(extendBlock(name, order.fields(fields), descriptors)));
    return written;
  }

  private String extendBlock(
      final String name,
      final List<FieldElement> fields,
      final Map<FieldElement, FieldDescriptor> descriptors) {
    final StringBuilder out = new StringBuilder("extend ").append(name).append(" {");
    block(
        out,
        fields.stream().map(field -> fieldPrinter.field(field, descriptors.get(field))).toList());
    return out.append("}\n").toString();
  }

  private String service(final ServiceElement service, final FileDescriptor linked) {
    final StringBuilder out = new StringBuilder("service ").append(service.getName()).append(" {");
    block(out, options.filter(service.getOptions()).stream().map(options::statement).toList());
    final List<String> rpcs = new ArrayList<>();
    for (final RpcElement rpc : service.getRpcs()) {
      rpcs.add(
          rpc(
              rpc,
              linked == null
                  ? null
                  : linked.findServiceByName(service.getName()).findMethodByName(rpc.getName())));
    }
    block(out, rpcs);
    return out.append("}\n").toString();
  }

  private String rpc(final RpcElement rpc, final MethodDescriptor linked) {
    final StringBuilder out = new StringBuilder("rpc ").append(rpc.getName()).append(" (");
    if (rpc.getRequestStreaming()) {
      out.append("stream ");
    }
    out.append(linked != null ? "." + linked.getInputType().getFullName() : rpc.getRequestType());
    out.append(") returns (");
    if (rpc.getResponseStreaming()) {
      out.append("stream ");
    }
    out.append(linked != null ? "." + linked.getOutputType().getFullName() : rpc.getResponseType());
    out.append(')');
    final List<OptionElement> rpcOptions = options.filter(rpc.getOptions());
    if (!rpcOptions.isEmpty()) {
      out.append(" {\n");
      rpcOptions.forEach(option -> indent(out, options.statement(option)));
      out.append('}');
    }
    return out.append(";\n").toString();
  }

  /** Appends one part of a block: a line break, then each element indented; nothing if none. */
  private static void block(final StringBuilder out, final List<String> elements) {
    if (elements.isEmpty()) {
      return;
    }
    out.append('\n');
    for (final String element : elements) {
      indent(out, element);
    }
  }
}
