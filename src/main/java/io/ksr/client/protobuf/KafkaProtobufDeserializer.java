package io.ksr.client.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.ksr.client.ClientReferences;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.SchemaString;
import io.ksr.client.WireFormat;
import io.ksr.domain.ParsedSchema;
import io.ksr.domain.RegistryException;
import io.ksr.domain.SchemaProviders;
import io.ksr.domain.SchemaType;
import io.ksr.domain.protobuf.ProtobufMessageIndexes;
import io.ksr.domain.protobuf.ProtobufSchema;
import java.lang.reflect.InvocationTargetException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Protobuf messages written in Confluent's wire format: it fetches the writer's schema by id
 * (once), finds the message type by the index path, and reads a DynamicMessage, or the generated
 * class {@code specific.protobuf.value.type} names.
 */
public class KafkaProtobufDeserializer<T extends Message>
    extends SchemaSerdeBase<ProtobufSerdeConfig> implements Deserializer<T> {
  private static final SchemaProviders PROVIDERS = SchemaProviders.builtIn();

  private final Map<Integer, ParsedSchema> schemas = new ConcurrentHashMap<>();
  private Message specificPrototype;

  /** A deserializer that Kafka configures, creating its client from the configuration. */
  public KafkaProtobufDeserializer() {
    super(null);
  }

  /** A deserializer that uses this client, which the caller keeps and closes. */
  public KafkaProtobufDeserializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected ProtobufSerdeConfig configOf(final Map<String, ?> configs) {
    return new ProtobufSerdeConfig(configs);
  }

  @Override
  public void configure(final Map<String, ?> configs, final boolean isKey) {
    super.configure(configs, isKey);
    final Class<?> type = config.specificType(isKey);
    specificPrototype = type == null ? null : defaultInstance(type);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(final String topic, final byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    requireConfigured();
    final ByteBuffer buffer = ByteBuffer.wrap(bytes);
    final int id = WireFormat.readHeader(buffer);
    final List<Integer> indexes;
    try {
      indexes = ProtobufMessageIndexes.decode(buffer);
    } catch (final IllegalArgumentException e) {
      throw new SerializationException("Bad Protobuf message index path: " + e.getMessage(), e);
    }
    final byte[] payload = new byte[buffer.remaining()];
    buffer.get(payload);
    try {
      if (specificPrototype != null) {
        return (T) specificPrototype.getParserForType().parseFrom(payload);
      }
      final ParsedSchema schema = schema(id);
      final Descriptor type =
          find(
              ((ProtobufSchema) schema).fileDescriptor(),
              ProtobufMessageIndexes.nameOf(schema, indexes));
      return (T) DynamicMessage.parseFrom(type, payload);
    } catch (final InvalidProtocolBufferException | IllegalArgumentException e) {
      throw new SerializationException(
          "Could not read a message written with schema id " + id + ": " + e.getMessage(), e);
    }
  }

  private ParsedSchema schema(final int id) {
    final ParsedSchema cached = schemas.get(id);
    if (cached != null) {
      return cached;
    }
    try {
      final SchemaString text = client.getById(id);
      final ParsedSchema parsed =
          PROVIDERS.parse(
              SchemaType.PROTOBUF, text.schema(), ClientReferences.closure(text, client), false);
      schemas.put(id, parsed);
      return parsed;
    } catch (final SchemaRegistryClientException | RegistryException e) {
      throw new SerializationException(
          "Could not find the Protobuf schema with id " + id + ": " + e.getMessage(), e);
    }
  }

  private static Descriptor find(final FileDescriptor file, final String fullName) {
    final String prefix = file.getPackage().isEmpty() ? "" : file.getPackage() + ".";
    final String[] path = fullName.substring(prefix.length()).split("\\.");
    Descriptor type = file.findMessageTypeByName(path[0]);
    for (int i = 1; i < path.length && type != null; i++) {
      type = type.findNestedTypeByName(path[i]);
    }
    if (type == null) {
      throw new IllegalArgumentException("no message " + fullName + " in " + file.getName());
    }
    return type;
  }

  private static Message defaultInstance(final Class<?> type) {
    try {
      return (Message) type.getMethod("getDefaultInstance").invoke(null);
    } catch (final NoSuchMethodException
        | IllegalAccessException
        | InvocationTargetException
        | ClassCastException e) {
      throw new IllegalArgumentException(
          type.getName() + " is not a generated Protobuf message class", e);
    }
  }
}
