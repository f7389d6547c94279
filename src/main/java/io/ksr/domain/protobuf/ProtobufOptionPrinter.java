package io.ksr.domain.protobuf;

import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.OptionElement.OptionPrimitive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes options and their values in the layout of Confluent's Protobuf printer, for {@link
 * ProtobufPrinter}; in normal form, option names and the keys of option maps are in order.
 */
final class ProtobufOptionPrinter {
  /** Custom options that the {@code ignore_extensions} format keeps: Confluent's own. */
  private static final String CONFLUENT_PREFIX = "confluent.";

  private final boolean normalize;
  private final boolean ignoreExtensions;

  ProtobufOptionPrinter(final boolean normalize, final boolean ignoreExtensions) {
    this.normalize = normalize;
    this.ignoreExtensions = ignoreExtensions;
  }

  /** The options to write, in the order to write them. */
  List<OptionElement> filter(final List<OptionElement> options) {
    final List<OptionElement> kept = new ArrayList<>();
    for (final OptionElement option : options) {
      if (!ignoreExtensions
          || !option.isParenthesized()
          || option.getName().startsWith(CONFLUENT_PREFIX)) {
        kept.add(option);
      }
    }
    if (normalize) {
      kept.sort(Comparator.comparing(OptionElement::getName));
    }
    return kept;
  }

  /** An option statement, {@code option name = value;}, with its line end. */
  String statement(final OptionElement option) {
    return "option " + option(option) + ";\n";
  }

  /** Options in brackets, as they follow a field or an enum constant. */
  String bracketed(final List<?> values) {
    if (values.size() == 1) {
      return "[" + value(values.get(0)) + "]";
    }
    final StringBuilder out = new StringBuilder("[\n");
    for (int i = 0; i < values.size(); i++) {
      ProtobufPrinter.indent(out, value(values.get(i)) + (i < values.size() - 1 ? "," : ""));
    }
    return out.append(']').toString();
  }

  private String option(final OptionElement option) {
    final String name = option.isParenthesized() ? "(" + option.getName() + ")" : option.getName();
    final Object value = option.getValue();
    return switch (option.getKind()) {
      case STRING -> name + " = \"" + escape(value.toString()) + "\"";
      case BOOLEAN, NUMBER, ENUM -> name + " = " + value;
      case OPTION -> name + "." + option((OptionElement) value);
      case MAP -> name + " = {\n" + map((Map<?, ?>) value) + "}";
      case LIST -> name + " = " + bracketed((List<?>) value);
    };
  }

  private String map(final Map<?, ?> entries) {
    final Map<String, Object> ordered = normalize ? new TreeMap<>() : new LinkedHashMap<>();
    entries.forEach(
        (key, entry) -> {
          if (!normalize || !(entry instanceof List<?> list && list.isEmpty())) {
            ordered.put(key.toString(), entry);
          }
        });
    final StringBuilder out = new StringBuilder();
    int written = 0;
    for (final Map.Entry<String, Object> entry : ordered.entrySet()) {
      written++;
      final String separator = written < ordered.size() ? "," : "";
      ProtobufPrinter.indent(out, entry.getKey() + ": " + value(entry.getValue()) + separator);
    }
    return out.toString();
  }

  private String value(final Object value) {
    if (value instanceof OptionElement option) {
      return option(option);
    }
    if (value instanceof OptionPrimitive primitive) {
      return switch (primitive.getKind()) {
        case BOOLEAN, NUMBER, ENUM -> primitive.getValue().toString();
        default -> value(primitive.getValue());
      };
    }
    if (value instanceof String text) {
      return "\"" + escape(text) + "\"";
    }
    if (value instanceof Map<?, ?> map) {
      return "{\n" + map(map) + "}";
    }
    if (value instanceof List<?> list) {
      if (normalize && list.size() == 1) {
        return value(list.get(0));
      }
      final StringBuilder out = new StringBuilder("[\n");
      for (int i = 0; i < list.size(); i++) {
        ProtobufPrinter.indent(out, value(list.get(i)) + (i < list.size() - 1 ? "," : ""));
      }
      return out.append(']').toString();
    }
    return String.valueOf(value);
  }

  /** Escapes a string for a {@code .proto} string literal. */
  static String escape(final String text) {
    final StringBuilder out = new StringBuilder(text.length());
    for (final char c : text.toCharArray()) {
      switch (c) {
        case 0x07 -> out.append("\\a");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0B -> out.append("\\v");
        case '\\' -> out.append("\\\\");
        case '\'' -> out.append("\\'");
        case '"' -> out.append("\\\"");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
