package io.ksr.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

/**
 * The environment that {@code docker/Dockerfile} and {@code docker/compose.yml} give the registry
 * means what it says: CI runs no Docker engine, so a misspelt variable would otherwise only show as
 * a setting silently left at its default.
 */
class DockerEnvironmentTest {
  private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
  private static final Path COMPOSE = Path.of("docker/compose.yml");
  private static final Path ENTRYPOINT = Path.of("docker/entrypoint.sh");
  private static final String PREFIX = "SCHEMA_REGISTRY_";

  @Test
  void shouldMapEveryVariableToARegistrySettingOrAnOptionTheEntrypointUses() throws IOException {
    final String entrypoint = Files.readString(ENTRYPOINT);
    final Map<String, Map<String, String>> environments = new LinkedHashMap<>();
    // The image may set other variables (for the JVM, say); a compose service has no reason to.
    final Map<String, String> image = new LinkedHashMap<>(dockerfileEnvironment());
    image.keySet().removeIf(variable -> !variable.startsWith(PREFIX));
    environments.put(DOCKERFILE.toString(), image);
    registryServices()
        .forEach(
            (name, service) ->
                environments.put(COMPOSE + " service " + name, environmentOf(service)));

    final List<String> problems = new ArrayList<>();
    environments.forEach(
        (where, environment) ->
            environment.keySet().stream()
                .sorted()
                .forEach(
                    variable -> {
                      final String problem = problemWith(variable, entrypoint);
                      if (problem != null) {
                        problems.add(where + ": " + variable + " " + problem);
                      }
                    }));

    assertTrue(
        environments.values().stream().anyMatch(environment -> !environment.isEmpty()),
        "found no SCHEMA_REGISTRY_* variables in " + DOCKERFILE + " or " + COMPOSE);
    assertEquals(List.of(), problems, "variables that the registry would not understand");
  }

  @Test
  void shouldRunTwoInstancesOfOneRegistryOneOfWhichNeverWrites() throws IOException {
    final Map<String, String> image = dockerfileEnvironment();
    final Map<String, RegistryConfig> instances = new LinkedHashMap<>();
    final Map<String, JsonNode> services = registryServices();
    services.forEach(
        (name, service) -> {
          final Map<String, String> environment = new HashMap<>(image);
          environment.putAll(environmentOf(service));
          instances.put(name, RegistryConfig.load(null, environment));
        });

    assertEquals(2, instances.size(), "registry services in " + COMPOSE);
    assertEquals(
        1,
        instances.values().stream().map(RegistryConfig::groupId).distinct().count(),
        "both instances must share schema.registry.group.id to form one registry");
    assertEquals(
        2,
        instances.values().stream().map(RegistryConfig::hostName).distinct().count(),
        "each instance needs its own host.name");
    assertEquals(
        1,
        instances.values().stream().filter(config -> !config.leaderEligibility()).count(),
        "exactly one instance should have leader.eligibility=false");
    instances.forEach(
        (name, config) -> {
          assertFalse(
              config.bootstrapServers().isEmpty(),
              name + " would start an embedded broker instead of using the compose broker");
          assertTrue(
              volumeTargetsOf(services.get(name)).contains(config.dataDir().toString()),
              name + " keeps " + config.dataDir() + " outside its volumes");
        });
  }

  /** Why the registry would not understand this variable, or null when it would. */
  private static String problemWith(final String variable, final String entrypoint) {
    if (!variable.startsWith(PREFIX)) {
      return "is not read by the registry (only " + PREFIX + "* variables are)";
    }
    final Map<String, String> settings = EnvironmentSettings.of(Map.of(variable, ""));
    if (settings.isEmpty()) {
      return entrypoint.contains("$" + variable) || entrypoint.contains("${" + variable)
          ? null
          : "is a launcher variable that " + ENTRYPOINT + " does not use";
    }
    final String key = settings.keySet().iterator().next();
    if (RegistryConfig.DEFINITION.names().contains(key)) {
      return null;
    }
    if (key.startsWith(RegistryConfig.KAFKASTORE_PREFIX)
        && kafkaClientKeys().contains(key.substring(RegistryConfig.KAFKASTORE_PREFIX.length()))) {
      return null;
    }
    return "maps to '"
        + key
        + "', which is neither a registry setting nor kafkastore.<a Kafka"
        + " client setting>";
  }

  private static Set<String> kafkaClientKeys() {
    final Set<String> keys = new HashSet<>(ProducerConfig.configNames());
    keys.addAll(ConsumerConfig.configNames());
    keys.addAll(AdminClientConfig.configNames());
    return keys;
  }

  /**
   * The compose services that run the registry's image: those built from {@code docker/Dockerfile}
   * and those that reuse the image such a build tags.
   */
  private static Map<String, JsonNode> registryServices() throws IOException {
    final JsonNode services =
        new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).path("services");
    final Set<String> images = new HashSet<>();
    services.forEach(
        service -> {
          if (builtFromOurDockerfile(service) && service.hasNonNull("image")) {
            images.add(service.get("image").asText());
          }
        });
    final Map<String, JsonNode> registries = new LinkedHashMap<>();
    services
        .properties()
        .forEach(
            entry -> {
              final JsonNode service = entry.getValue();
              if (builtFromOurDockerfile(service)
                  || images.contains(service.path("image").asText())) {
                registries.put(entry.getKey(), service);
              }
            });
    return registries;
  }

  private static boolean builtFromOurDockerfile(final JsonNode service) {
    return service.path("build").path("dockerfile").asText().equals(DOCKERFILE.toString());
  }

  /** A service's environment, written as a map or as a list of NAME=value. */
  private static Map<String, String> environmentOf(final JsonNode service) {
    final JsonNode environment = service.path("environment");
    final Map<String, String> variables = new LinkedHashMap<>();
    if (environment.isArray()) {
      environment.forEach(
          entry -> {
            final String[] nameAndValue = entry.asText().split("=", 2);
            variables.put(nameAndValue[0], nameAndValue.length > 1 ? nameAndValue[1] : "");
          });
    } else {
      environment
          .properties()
          .forEach(
              entry ->
                  variables.put(
                      entry.getKey(), entry.getValue().isNull() ? "" : entry.getValue().asText()));
    }
    return variables;
  }

  /** The container paths of a service's volumes, from the short form source:target[:mode]. */
  private static Set<String> volumeTargetsOf(final JsonNode service) {
    final Set<String> targets = new HashSet<>();
    service.path("volumes").forEach(volume -> targets.add(volume.asText().split(":")[1]));
    return targets;
  }

  /** The variables the Dockerfile's ENV instructions set, in either of ENV's two forms. */
  private static Map<String, String> dockerfileEnvironment() throws IOException {
    final Map<String, String> variables = new LinkedHashMap<>();
    final String joined = Files.readString(DOCKERFILE).replaceAll("\\\\\\R", " ");
    for (final String line : joined.lines().map(String::strip).toList()) {
      if (!line.regionMatches(true, 0, "ENV ", 0, 4)) {
        continue;
      }
      final List<String> words = words(line.substring(4));
      if (!words.get(0).contains("=")) {
        variables.put(words.get(0), String.join(" ", words.subList(1, words.size())));
        continue;
      }
      for (final String word : words) {
        final int equals = word.indexOf('=');
        assertTrue(equals > 0, DOCKERFILE + ": cannot read '" + word + "' in: " + line);
        variables.put(word.substring(0, equals), word.substring(equals + 1));
      }
    }
    return variables;
  }

  /** Splits on blanks outside double quotes and drops the quotes, as the Dockerfile parser does. */
  private static List<String> words(final String text) {
    final List<String> words = new ArrayList<>();
    final StringBuilder word = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (final char c : text.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
