package io.ksr.http;

import io.javalin.http.Context;
import io.ksr.http.dto.ServerClusterIdResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry's identity, its writer, and this instance's state. */
final class MetadataController {
  private final Supplier<InstanceStatus> status;

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
                current.skippedRecords())));
  }
}
