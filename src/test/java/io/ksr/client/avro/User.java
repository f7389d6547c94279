package io.ksr.client.avro;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * A specific record as Avro's code generator would write it, in its second version: it added {@code
 * age} with a default, so it reads records written with the first version.
 */
public final class User extends SpecificRecordBase {
  public static final Schema SCHEMA$ =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.ksr.client.avro\","
                  + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
                  + "{\"name\":\"age\",\"type\":\"int\",\"default\":-1}]}");

  private CharSequence name;
  private int age;

  public User() {}

  public User(final String name, final int age) {
    this.name = name;
    this.age = age;
  }

  public String name() {
    return name.toString();
  }

  public int age() {
    return age;
  }

  @Override
  public Schema getSchema() {
    return SCHEMA$;
  }

  @Override
  public Object get(final int field) {
    return switch (field) {
      case 0 -> name;
      case 1 -> age;
      default -> throw new IndexOutOfBoundsException(field);
    };
  }

  @Override
  public void put(final int field, final Object value) {
    switch (field) {
      case 0 -> name = (CharSequence) value;
      case 1 -> age = (Integer) value;
      default -> throw new IndexOutOfBoundsException(field);
    }
  }
}
