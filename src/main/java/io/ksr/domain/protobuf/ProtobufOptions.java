package io.ksr.domain.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.List;
import java.util.function.Consumer;

/**
 * Carries the standard options of a parsed {@code .proto} file (such as {@code java_package} or
 * {@code packed}) into protobuf-java's option messages, by the option's field name.
 *
 * <p>Custom options (written in parentheses) and options with a structured value are not carried:
 * their meaning depends on extensions that protobuf-java cannot interpret here. They stay in the
 * schema text. An option name the option message does not know is left out likewise, as Confluent
 * does.
 */
final class ProtobufOptions {
  private ProtobufOptions() {}

  /**
   * Sets the options as protobuf-java's option message through {@code setter}, unless none of them
   * is carried.
   *
   * @param empty the option message for the element, such as {@code
   *     FileOptions.getDefaultInstance()}
   * @throws IllegalArgumentException when a standard option has a value of the wrong type
   */
  @SuppressWarnings("unchecked")
  static <T extends Message> void apply(
      final List<OptionElement> options, final T empty, final Consumer<T> setter) {
    final Message.Builder builder = empty.newBuilderForType();
    for (final OptionElement option : options) {
      final FieldDescriptor field =
          option.isParenthesized()
              ? null
              : builder.getDescriptorForType().findFieldByName(option.getName());
      if (field == null
          || field.isRepeated()
          || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          || option.getKind() == OptionElement.Kind.OPTION) {
        continue;
      }
      builder.setField(field, value(field, option.getValue().toString()));
    }
    final Message built = builder.build();
    if (!built.getAllFields().isEmpty()) {
      setter.accept((T) built);
    }
  }

  private static Object value(final FieldDescriptor field, final String text) {
    try {
      return switch (field.getJavaType()) {
        case BOOLEAN -> bool(text);
        case INT -> Integer.decode(text);
        case LONG -> Long.decode(text);
        case FLOAT -> Float.parseFloat(text);
        case DOUBLE -> Double.parseDouble(text);
        case STRING -> text;
        case BYTE_STRING -> ByteString.copyFromUtf8(text);
        case ENUM -> enumValue(field, text);
        case MESSAGE -> throw new IllegalStateException("structured options are skipped");
      };
    } catch (final NumberFormatException e) {
      throw new IllegalArgumentException(invalid(field, text), e);
    }
  }

  private static boolean bool(final String text) {
    if (!text.equals("true") && !text.equals("false")) {
      throw new NumberFormatException(text);
    }
    return Boolean.parseBoolean(text);
  }

  private static EnumValueDescriptor enumValue(final FieldDescriptor field, final String text) {
    final EnumValueDescriptor value = field.getEnumType().findValueByName(text);
    if (value == null) {
      throw new IllegalArgumentException(invalid(field, text));
    }
    return value;
  }

  private static String invalid(final FieldDescriptor field, final String text) {
    return "option " + field.getName() + " can't be " + text;
  }
}
