package io.ksr.client.avro;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.specific.AvroGenerated;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificFixed;
import org.apache.avro.specific.SpecificRecord;

/**
 * Avro's specific data model that finds the generated classes of a schema's named types.
 *
 * <p>Since 1.11.4 Avro loads a class named in a schema only when it is on a trust list (system
 * properties {@code org.apache.avro.SERIALIZABLE_PACKAGES}), which guards against schemas that name
 * arbitrary classes. A class that is a generated record, enum or fixed type was written to be read
 * by Avro, so this model trusts exactly those, and leaves every other class to Avro's list.
 */
final class GeneratedClasses extends SpecificData {
  static final GeneratedClasses INSTANCE = new GeneratedClasses();

  private final Map<String, Optional<Class<?>>> generated = new ConcurrentHashMap<>();

  private GeneratedClasses() {
    super(Thread.currentThread().getContextClassLoader());
  }

  @Override
  @SuppressWarnings("rawtypes")
  public Class getClass(final Schema schema) {
    if (schema.getType() == Schema.Type.RECORD
        || schema.getType() == Schema.Type.ENUM
        || schema.getType() == Schema.Type.FIXED) {
      final Optional<Class<?>> found =
          generated.computeIfAbsent(SpecificData.getClassName(schema), this::loadGenerated);
      if (found.isPresent()) {
        return found.get();
      }
    }
    return super.getClass(schema);
  }

  private Optional<Class<?>> loadGenerated(final String name) {
    try {
      final Class<?> type = Class.forName(name, false, getClassLoader());
      final boolean isGenerated =
          SpecificRecord.class.isAssignableFrom(type)
              || SpecificFixed.class.isAssignableFrom(type)
              || type.isAnnotationPresent(AvroGenerated.class);
      return isGenerated ? Optional.of(type) : Optional.empty();
    } catch (final ClassNotFoundException | LinkageError e) {
      return Optional.empty();
    }
  }
}
