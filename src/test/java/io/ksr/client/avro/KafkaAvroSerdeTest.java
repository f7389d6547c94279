package io.ksr.client.avro;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.client.MockSchemaRegistry;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaString;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Avro serializer and deserializer against an in-memory registry: Confluent's wire format byte
 * for byte, subject naming, schema evolution, and the registry's verdicts.
 */
class KafkaAvroSerdeTest {
  private static final String SCOPE = "serde-test";
  private static final Map<String, Object> CONFIG =
      Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + SCOPE);
  private static final Schema USER_V1 =
      new Schema.Parser()
          .parse(
              "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.ksr.client.avro\","
                  + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}");
  private static final Schema USER_WITH_AGE = User.SCHEMA$;

  @AfterEach
  void dropRegistry() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  @Test
  void shouldWriteConfluentsWireFormatByteForByte() {
    final KafkaAvroSerializer serializer = serializer(CONFIG, false);
    final GenericRecord bob = new GenericData.Record(USER_WITH_AGE);
    bob.put("name", "Bob");
    bob.put("age", 42);

    assertEquals("000000000106426f6254", hex(serializer.serialize("users", bob)));
    assertEquals("0000000002046869", hex(serializer.serialize("greetings", "hi")));
    assertEquals("000000000302", hex(serializer.serialize("counts", 1)));
    assertEquals("000000000401", hex(serializer.serialize("offsets", -1L)));
    assertEquals(
        "0000000005cafe",
        hex(serializer.serialize("blobs", new byte[] {(byte) 0xca, (byte) 0xfe})));
    assertNull(serializer.serialize("users", null));
  }

  @Test
  void shouldReadBackWhatItWrote() {
    final KafkaAvroSerializer serializer = serializer(CONFIG, false);
    final KafkaAvroDeserializer deserializer = deserializer(CONFIG, false);
    final GenericRecord bob = new GenericData.Record(USER_V1);
    bob.put("name", "Bob");

    final GenericRecord read =
        assertInstanceOf(
            GenericRecord.class,
            deserializer.deserialize("users", serializer.serialize("users", bob)));

    assertEquals("Bob", read.get("name").toString());
    assertEquals("hi", deserializer.deserialize("t", serializer.serialize("t", "hi")));
    assertEquals(7L, deserializer.deserialize("n", serializer.serialize("n", 7L)));
    assertArrayEquals(
        new byte[] {1, 2},
        (byte[])
            deserializer.deserialize(
                "b", serializer.serialize("b", ByteBuffer.wrap(new byte[] {1, 2}))));
    assertNull(deserializer.deserialize("users", null));
  }

  @Test
  void shouldReadOldRecordsIntoANewerGeneratedClass() {
    final GenericRecord old = new GenericData.Record(USER_V1);
    old.put("name", "Ann");
    final byte[] written = serializer(CONFIG, false).serialize("users", old);

    final Map<String, Object> specific =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            AvroSerdeConfig.SPECIFIC_AVRO_READER,
            true);
    final User user =
        assertInstanceOf(User.class, deserializer(specific, false).deserialize("users", written));

    assertEquals("Ann", user.name());
    assertEquals(-1, user.age());
  }

  @Test
  void shouldNameSubjectsByTheConfiguredStrategy() {
    final GenericRecord bob = new GenericData.Record(USER_V1);
    bob.put("name", "Bob");
    serializer(CONFIG, true).serialize("users", bob);
    serializer(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://" + SCOPE,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
            false)
        .serialize("users", bob);
    serializer(
            Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                "mock://" + SCOPE,
                AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY,
                "TopicRecordNameStrategy"),
            false)
        .serialize("users", bob);

    assertEquals(
        java.util.List.of("io.ksr.client.avro.User", "users-io.ksr.client.avro.User", "users-key"),
        MockSchemaRegistry.clientForScope(SCOPE).subjects());
  }

  @Test
  void shouldApplyTheServersCompatibilityRules() {
    final SchemaRegistryClient registry = MockSchemaRegistry.clientForScope(SCOPE);
    final GenericRecord bob = new GenericData.Record(USER_V1);
    bob.put("name", "Bob");
    serializer(CONFIG, false).serialize("users", bob);
    final Schema renamed =
        new Schema.Parser()
            .parse(
                "{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"io.ksr.client.avro\","
                    + "\"fields\":[{\"name\":\"fullName\",\"type\":\"string\"}]}");
    final GenericRecord incompatible = new GenericData.Record(renamed);
    incompatible.put("fullName", "Bob");

    final SerializationException refused =
        assertThrows(
            SerializationException.class,
            () -> serializer(CONFIG, false).serialize("users", incompatible));

    assertEquals(
        40901,
        assertInstanceOf(SchemaRegistryClientException.class, refused.getCause()).errorCode());
    assertEquals(java.util.List.of(1), registry.versions("users-value"));
    assertTrue(
        registry
            .compatibilityProblems("users-value", SchemaString.avro(renamed.toString()))
            .get(0)
            .contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
  }

  @Test
  void shouldLookUpRatherThanRegisterWhenAskedTo() {
    final Map<String, Object> lookupOnly =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            false);
    final GenericRecord bob = new GenericData.Record(USER_V1);
    bob.put("name", "Bob");

    final SerializationException missing =
        assertThrows(
            SerializationException.class,
            () -> serializer(lookupOnly, false).serialize("users", bob));
    assertEquals(
        40401,
        assertInstanceOf(SchemaRegistryClientException.class, missing.getCause()).errorCode());

    serializer(CONFIG, false).serialize("users", bob);
    assertEquals(
        "0000000001", hex(serializer(lookupOnly, false).serialize("users", bob)).substring(0, 10));
  }

  @Test
  void shouldWriteWithTheLatestSchemaWhenAskedTo() {
    final GenericRecord ann = new GenericData.Record(USER_WITH_AGE);
    ann.put("name", "Ann");
    ann.put("age", 30);
    final GenericRecord old = new GenericData.Record(USER_V1);
    old.put("name", "Old");
    serializer(CONFIG, false).serialize("users", old);
    serializer(CONFIG, false).serialize("users", ann);
    final Map<String, Object> latest =
        Map.of(
            AvroSerdeConfig.SCHEMA_REGISTRY_URL,
            "mock://" + SCOPE,
            AvroSerdeConfig.AUTO_REGISTER_SCHEMAS,
            false,
            AvroSerdeConfig.USE_LATEST_VERSION,
            true);

    final byte[] written = serializer(latest, false).serialize("users", ann);

    assertEquals("0000000002", hex(written).substring(0, 10));
    final GenericRecord read =
        (GenericRecord) deserializer(latest, false).deserialize("users", written);
    assertEquals(30, read.get("age"));
  }

  @Test
  void shouldCarryPrimitivesThroughThePrimitiveSerde() {
    final PrimitiveAvroSerde<Long> serde = new PrimitiveAvroSerde<>();
    serde.configure(CONFIG, true);

    final byte[] written = serde.serializer().serialize("clicks", 42L);

    assertEquals(42L, serde.deserializer().deserialize("clicks", written));
    assertEquals(
        "\"long\"",
        MockSchemaRegistry.clientForScope(SCOPE).getLatest("clicks-key").schema().schema());
  }

  @Test
  void shouldRefuseBytesWithoutTheHeader() {
    final KafkaAvroDeserializer deserializer = deserializer(CONFIG, false);

    assertThrows(
        SerializationException.class,
        () -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}));
    assertThrows(
        SerializationException.class, () -> deserializer.deserialize("t", new byte[] {0, 0}));
    final SerializationException unknownId =
        assertThrows(
            SerializationException.class,
            () -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 99, 2}));
    assertEquals(
        40403,
        assertInstanceOf(SchemaRegistryClientException.class, unknownId.getCause()).errorCode());
  }

  private static KafkaAvroSerializer serializer(
      final Map<String, Object> config, final boolean isKey) {
    final KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, isKey);
    return serializer;
  }

  private static KafkaAvroDeserializer deserializer(
      final Map<String, Object> config, final boolean isKey) {
    final KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    deserializer.configure(config, isKey);
    return deserializer;
  }

  private static String hex(final byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
