package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.http.dto.ServerClusterIdResponse;
import io.ksr.http.dto.ServerVersionResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;

/** The registry's identity and version, its writer, and this instance's state. */
final class MetadataController {
  private static final String VERSION_RESOURCE = "/ksr-version.properties";

  private final Supplier<InstanceStatus> status;
  private final String version = readVersion();

  MetadataController(final Supplier<InstanceStatus> status) {
    this.status = status;
  }

  void id(final Context ctx) {
    final InstanceStatus current = status.get();
    Json.respond(
        ctx,
        new ServerClusterIdResponse(
            new ServerClusterIdResponse.Scope(
                List.of(),
                Map.of(
                    "kafka-cluster", current.kafkaClusterId(),
                    "schema-registry-cluster", current.registryClusterId())),
            current.writer().orElse(null),
            new ServerClusterIdResponse.Instance(
                current.instanceId(),
                current.isWriter(),
                current.leaderEligible(),
                current.storeLagRecords().isPresent()
                    ? current.storeLagRecords().getAsLong()
                    : null,
                current.skippedRecords(),
                current.foreignRecords())));
  }

  void version(final Context ctx) {
    Json.respond(ctx, new ServerVersionResponse(version, null));
  }

  private static String readVersion() {
    try (InputStream in = MetadataController.class.getResourceAsStream(VERSION_RESOURCE)) {
      final Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      return properties.getProperty("version", "unknown");
    } catch (final IOException e) {
      throw new UncheckedIOException("the version resource is part of the jar", e);
    }
  }
}
