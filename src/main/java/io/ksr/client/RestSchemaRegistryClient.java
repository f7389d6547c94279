package io.ksr.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ksr.domain.SchemaReference;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A client that asks the registry over its REST API on every call, failing over between URLs and
 * retrying; wrap it in a {@link CachedSchemaRegistryClient} for serializers.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final FailoverTransport transport;

  public RestSchemaRegistryClient(final ClientConfig config) {
    this.transport = new FailoverTransport(config);
  }

  /**
   * A client configured by the keys of {@link ClientConfig}; other keys are ignored.
   *
   * @throws org.apache.kafka.common.config.ConfigException when a value is invalid
   */
  public static RestSchemaRegistryClient fromConfig(final Map<String, ?> configs) {
    return new RestSchemaRegistryClient(new ClientConfig(configs));
  }

  /**
   * How many HTTP requests this client has tried to send, counting each URL and each retry, also
   * those that found no server.
   */
  public long requestsSent() {
    return transport.requestsSent();
  }

  @Override
  public int register(final String subject, final SchemaString schema, final boolean normalize) {
    return read(
        "POST",
        subjectPath(subject) + "/versions?normalize=" + normalize,
        schemaBody(schema),
        json -> requiredInt(json, "id"));
  }

  @Override
  public SchemaVersion lookup(
      final String subject, final SchemaString schema, final boolean normalize) {
    return read(
        "POST",
        subjectPath(subject) + "?normalize=" + normalize,
        schemaBody(schema),
        json -> versionOf(json, subject));
  }

  @Override
  public SchemaString getById(final int id) {
    return read("GET", "/schemas/ids/" + id, null, RestSchemaRegistryClient::schemaOf);
  }

  @Override
  public SchemaVersion getVersion(final String subject, final int version) {
    return read(
        "GET",
        subjectPath(subject) + "/versions/" + version,
        null,
        json -> versionOf(json, subject));
  }

  @Override
  public SchemaVersion getLatest(final String subject) {
    return read(
        "GET", subjectPath(subject) + "/versions/latest", null, json -> versionOf(json, subject));
  }

  @Override
  public List<String> compatibilityProblems(final String subject, final SchemaString schema) {
    return read(
        "POST",
        "/compatibility" + subjectPath(subject) + "/versions?verbose=true",
        schemaBody(schema),
        json -> {
          if (required(json, "is_compatible").asBoolean()) {
            return List.of();
          }
          final List<String> problems = new ArrayList<>();
          json.path("messages").forEach(message -> problems.add(message.asText()));
          // An incompatible answer must never read as "no problems".
          return problems.isEmpty() ? List.of("The schema is incompatible") : problems;
        });
  }

  @Override
  public String getCompatibility(final String subject) {
    final String path =
        subject == null ? "/config" : "/config/" + encode(subject) + "?defaultToGlobal=true";
    return read("GET", path, null, json -> requiredText(json, "compatibilityLevel"));
  }

  @Override
  public void setCompatibility(final String subject, final String level) {
    Objects.requireNonNull(level, "level can't be null");
    final String path = subject == null ? "/config" : "/config/" + encode(subject);
    final ObjectNode body = MAPPER.createObjectNode().put("compatibility", level);
    read("PUT", path, body.toString(), json -> json);
  }

  @Override
  public List<String> subjects() {
    return read(
        "GET",
        "/subjects",
        null,
        json -> {
          final List<String> subjects = new ArrayList<>();
          requiredArray(json).forEach(subject -> subjects.add(subject.asText()));
          return List.copyOf(subjects);
        });
  }

  @Override
  public List<Integer> versions(final String subject) {
    return read(
        "GET",
        subjectPath(subject) + "/versions",
        null,
        json -> {
          final List<Integer> versions = new ArrayList<>();
          requiredArray(json).forEach(version -> versions.add(version.asInt()));
          return List.copyOf(versions);
        });
  }

  /** Sends a request and maps its answer, turning an answer of the wrong shape into 50005. */
  private <T> T read(
      final String method,
      final String path,
      final String body,
      final Function<JsonNode, T> mapping) {
    final FailoverTransport.Answer answer = transport.send(method, path, body);
    try {
      return mapping.apply(answer.json());
    } catch (final MissingField e) {
      throw new SchemaRegistryClientException(
          answer.status(),
          SchemaRegistryClientException.UNREADABLE_ANSWER,
          "Unexpected answer to " + method + " " + path + ": " + e.getMessage());
    }
  }

  private static String subjectPath(final String subject) {
    return "/subjects/" + encode(Objects.requireNonNull(subject, "subject can't be null"));
  }

  /** A subject as one path segment: {@code /} and {@code :} escaped, spaces as %20 not +. */
  static String encode(final String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String schemaBody(final SchemaString schema) {
    Objects.requireNonNull(schema, "schema can't be null");
    final ObjectNode body = MAPPER.createObjectNode();
    body.put("schema", schema.schema());
    if (schema.schemaType() != null) {
      body.put("schemaType", schema.schemaType());
    }
    if (!schema.references().isEmpty()) {
      final ArrayNode references = body.putArray("references");
      for (final SchemaReference reference : schema.references()) {
        references
            .addObject()
            .put("name", reference.name())
            .put("subject", reference.subject())
            .put("version", reference.version());
      }
    }
    return body.toString();
  }

  private static SchemaVersion versionOf(final JsonNode json, final String subject) {
    return new SchemaVersion(
        json.path("subject").asText(subject),
        requiredInt(json, "version"),
        requiredInt(json, "id"),
        schemaOf(json));
  }

  private static SchemaString schemaOf(final JsonNode json) {
    final List<SchemaReference> references = new ArrayList<>();
    for (final JsonNode reference : json.path("references")) {
      references.add(
          new SchemaReference(
              requiredText(reference, "name"),
              requiredText(reference, "subject"),
              requiredInt(reference, "version")));
    }
    return new SchemaString(
        json.path("schemaType").textValue(), requiredText(json, "schema"), references);
  }

  private static JsonNode required(final JsonNode json, final String field) {
    final JsonNode value = json == null ? null : json.get(field);
    if (value == null || value.isNull()) {
      throw new MissingField("no " + field + " in " + json);
    }
    return value;
  }

  private static int requiredInt(final JsonNode json, final String field) {
    final JsonNode value = required(json, field);
    if (!value.canConvertToInt()) {
      throw new MissingField(field + " is not a number in " + json);
    }
    return value.asInt();
  }

  private static String requiredText(final JsonNode json, final String field) {
    final JsonNode value = required(json, field);
    if (!value.isTextual()) {
      throw new MissingField(field + " is not a string in " + json);
    }
    return value.asText();
  }

  private static JsonNode requiredArray(final JsonNode json) {
    if (json == null || !json.isArray()) {
      throw new MissingField("expected a list, got " + json);
    }
    return json;
  }

  /** A field the answer should have had. */
  private static final class MissingField extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MissingField(final String message) {
      super(message);
    }
  }
}
