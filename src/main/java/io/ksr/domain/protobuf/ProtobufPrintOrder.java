package io.ksr.domain.protobuf;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kotlin.ranges.IntRange;

/**
 * What {@link ProtobufPrinter} writes of a message's parts, and in which order: as written, or in
 * the order of the normal form.
 */
final class ProtobufPrintOrder {
  private static final int MAX_TAG = 536_870_911;

  private final boolean normalize;

  ProtobufPrintOrder(final boolean normalize) {
    this.normalize = normalize;
  }

  /** The types to write; the normal form writes a {@code map_entry} message as a map field. */
  List<TypeElement> types(final List<TypeElement> types) {
    if (!normalize) {
      return types;
    }
    return types.stream().filter(type -> !isMapEntry(type)).toList();
  }

  List<FieldElement> fields(final List<FieldElement> fields) {
    final List<FieldElement> sorted = new ArrayList<>(fields);
    if (normalize) {
      sorted.sort(Comparator.comparing(FieldElement::getTag));
    }
    return sorted;
  }

  /** The oneofs to write; the normal form leaves out empty ones and orders by first field. */
  List<OneOfElement> oneOfs(final List<OneOfElement> oneOfs) {
    if (!normalize) {
      return oneOfs;
    }
    final List<OneOfElement> sorted = new ArrayList<>();
    for (final OneOfElement oneOf : oneOfs) {
      if (!oneOf.getFields().isEmpty()) {
        sorted.add(
            new OneOfElement(
                oneOf.getName(),
                oneOf.getDocumentation(),
                fields(oneOf.getFields()),
                oneOf.getGroups(),
                oneOf.getOptions(),
                oneOf.getLocation()));
      }
    }
    sorted.sort(Comparator.comparing(oneOf -> oneOf.getFields().get(0).getTag()));
    return sorted;
  }

  List<GroupElement> groups(final List<GroupElement> groups) {
    final List<GroupElement> sorted = new ArrayList<>(groups);
    if (normalize) {
      sorted.sort(Comparator.comparing(GroupElement::getTag));
    }
    return sorted;
  }

  List<EnumConstantElement> constants(final List<EnumConstantElement> constants) {
    final List<EnumConstantElement> sorted = new ArrayList<>(constants);
    if (normalize) {
      sorted.sort(
          Comparator.comparing(EnumConstantElement::getTag)
              .thenComparing(EnumConstantElement::getName));
    }
    return sorted;
  }

  /** Reserved statements: as written, or in normal form one number, range or name each. */
  List<String> reserved(final List<ReservedElement> reserveds) {
    final List<String> statements = new ArrayList<>();
    if (!normalize) {
      for (final ReservedElement reserved : reserveds) {
        final List<String> values = reserved.getValues().stream().map(this::printed).toList();
        statements.add("reserved " + String.join(", ", values) + ";\n");
      }
      return statements;
    }
    final List<Object> values = new ArrayList<>();
    reserveds.forEach(reserved -> values.addAll(reserved.getValues()));
    values.sort(Comparator.comparing(ProtobufPrintOrder::start).thenComparing(this::printed));
    values.forEach(value -> statements.add("reserved " + printed(value) + ";\n"));
    return statements;
  }

  /** Extension range statements, split and ordered likewise in normal form. */
  List<String> extensions(final List<ExtensionsElement> extensions) {
    final List<String> statements = new ArrayList<>();
    if (!normalize) {
      for (final ExtensionsElement element : extensions) {
        final List<String> values = element.getValues().stream().map(this::printed).toList();
        statements.add("extensions " + String.join(", ", values) + ";\n");
      }
      return statements;
    }
    final List<Object> values = new ArrayList<>();
    extensions.forEach(element -> values.addAll(element.getValues()));
    values.sort(Comparator.comparing(ProtobufPrintOrder::start));
    values.forEach(value -> statements.add("extensions " + printed(value) + ";\n"));
    return statements;
  }

  private static boolean isMapEntry(final TypeElement type) {
    return type instanceof MessageElement
        && type.getOptions().stream()
            .anyMatch(
                option ->
                    option.getName().equals("map_entry")
                        && option.getValue().toString().equals("true"));
  }

  private static int start(final Object value) {
    if (value instanceof IntRange range) {
      return range.getFirst();
    }
    return value instanceof Integer number ? number : Integer.MAX_VALUE;
  }

  private String printed(final Object value) {
    if (value instanceof String name) {
      return "\"" + name + "\"";
    }
    if (!(value instanceof IntRange range)) {
      return value.toString();
    }
    if (normalize && range.getFirst() == range.getLast()) {
      return Integer.toString(range.getFirst());
    }
    return range.getFirst() + " to " + (range.getLast() >= MAX_TAG ? "max" : range.getLast());
  }
}
