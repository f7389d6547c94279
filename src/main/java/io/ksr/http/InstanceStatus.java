package io.ksr.http;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What an instance knows about itself and the registry it belongs to, for {@code GET
 * /v1/metadata/id}.
 *
 * @param writer the instance id of the current writer, if one is known
 * @param storeLagRecords how many {@code _schemas} records this instance's store has yet to read
 * @param skippedRecords how many {@code _schemas} records this instance skipped as unreadable
 * @param foreignRecords how many {@code _schemas} records another writer than this registry's
 *     appended since this instance started
 */
public record InstanceStatus(
    String kafkaClusterId,
    String registryClusterId,
    String instanceId,
    boolean isWriter,
    boolean leaderEligible,
    Optional<String> writer,
    OptionalLong storeLagRecords,
    long skippedRecords,
    long foreignRecords) {}
