package io.ksr.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/metadata/id}: Confluent's {@code scope}, plus who the writer is and how this
 * instance is doing. Confluent's clients ignore the fields they do not know.
 *
 * @param writer the writer's instance id, or null while there is none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ServerClusterIdResponse(Scope scope, String writer, Instance instance) {

  /** Confluent's scope: the Kafka cluster and the registry cluster (its group id). */
  public record Scope(List<String> path, Map<String, String> clusters) {}

  /**
   * This instance.
   *
   * @param storeLagRecords records of {@code _schemas} its store has yet to read; null before the
   *     first measurement
   * @param foreignRecords records of {@code _schemas} that another writer than this registry's
   *     appended since the instance started: another registry on the same topic
   */
  public record Instance(
      String id,
      boolean writer,
      boolean leaderEligible,
      Long storeLagRecords,
      long skippedRecords,
      long foreignRecords) {}
}
