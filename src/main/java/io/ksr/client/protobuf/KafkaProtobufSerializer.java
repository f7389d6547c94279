package io.ksr.client.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Message;
import io.ksr.client.SchemaRegistryClient;
import io.ksr.client.SchemaRegistryClientException;
import io.ksr.client.SchemaSerdeBase;
import io.ksr.client.SchemaString;
import io.ksr.client.WireFormat;
import io.ksr.domain.SchemaReference;
import io.ksr.domain.protobuf.ProtobufMessageIndexes;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Protobuf messages (generated classes or DynamicMessage) in Confluent's wire format: magic
 * byte, schema id, the message's index path in its file, then the message. The message's file is
 * registered as its schema, and each file it imports first, under a subject named after the import,
 * as Confluent's serializer does; Google's well-known files are known to the registry.
 */
public class KafkaProtobufSerializer<T extends Message> extends SchemaSerdeBase<ProtobufSerdeConfig>
    implements Serializer<T> {
  private static final String SCHEMA_TYPE = "PROTOBUF";
  private static final String WELL_KNOWN = "google/protobuf/";

  private final Map<FileDescriptor, SchemaString> schemas = new ConcurrentHashMap<>();

  /** A serializer that Kafka configures, creating its client from the configuration. */
  public KafkaProtobufSerializer() {
    super(null);
  }

  /** A serializer that uses this client, which the caller keeps and closes. */
  public KafkaProtobufSerializer(final SchemaRegistryClient client) {
    super(client);
  }

  @Override
  protected ProtobufSerdeConfig configOf(final Map<String, ?> configs) {
    return new ProtobufSerdeConfig(configs);
  }

  @Override
  public byte[] serialize(final String topic, final T message) {
    if (message == null) {
      return null;
    }
    requireConfigured();
    final Descriptor type = message.getDescriptorForType();
    final String subject = subject(topic, type.getFullName());
    final int id;
    try {
      if (config.useLatestVersion() && !config.autoRegisterSchemas()) {
        id = client.getLatest(subject).id();
      } else {
        final SchemaString schema = schemaOf(type.getFile());
        id =
            config.autoRegisterSchemas()
                ? client.register(subject, schema, config.normalizeSchemas())
                : client.lookup(subject, schema, config.normalizeSchemas()).id();
      }
    } catch (final SchemaRegistryClientException e) {
      throw new SerializationException(
          "Could not "
              + (config.autoRegisterSchemas() ? "register" : "find")
              + " the Protobuf schema of subject '"
              + subject
              + "': "
              + e.getMessage(),
          e);
    }
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(WireFormat.header(id));
    out.writeBytes(ProtobufMessageIndexes.encode(indexesOf(type)));
    out.writeBytes(message.toByteArray());
    return out.toByteArray();
  }

  /** A file's schema, with a reference to each file it imports, registered first if asked to. */
  private SchemaString schemaOf(final FileDescriptor file) {
    final SchemaString cached = schemas.get(file);
    if (cached != null) {
      return cached;
    }
    final List<SchemaReference> references = new ArrayList<>();
    for (final FileDescriptor dependency : file.getDependencies()) {
      if (dependency.getName().startsWith(WELL_KNOWN)) {
        continue;
      }
      final SchemaString imported = schemaOf(dependency);
      final String subject = dependency.getName();
      if (config.autoRegisterSchemas()) {
        client.register(subject, imported, config.normalizeSchemas());
      }
      final int version = client.lookup(subject, imported, config.normalizeSchemas()).version();
      references.add(new SchemaReference(dependency.getName(), subject, version));
    }
    final SchemaString schema = new SchemaString(SCHEMA_TYPE, ProtoText.of(file), references);
    schemas.put(file, schema);
    return schema;
  }

  /**
   * Where a message type stands in its file: the position of each enclosing type, outermost first.
   */
  private static List<Integer> indexesOf(final Descriptor type) {
    final LinkedList<Integer> indexes = new LinkedList<>();
    for (Descriptor each = type; each != null; each = each.getContainingType()) {
      indexes.addFirst(each.getIndex());
    }
    return indexes;
  }
}
