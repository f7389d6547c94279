package io.ksr.client;

import java.util.Locale;

/**
 * How a serializer names the subject a record's schema is registered under ({@code
 * key.subject.name.strategy}, {@code value.subject.name.strategy}).
 */
public interface SubjectNameStrategy {

  /**
   * The subject for a record.
   *
   * @param recordName the full name of the record's type, or null when its schema has none (as for
   *     a primitive)
   */
  String subjectName(String topic, boolean isKey, String recordName);

  /**
   * A strategy by name: {@code TopicNameStrategy}, {@code RecordNameStrategy} or {@code
   * TopicRecordNameStrategy}, given alone or as any class name ending so, such as Confluent's
   * {@code io.confluent.kafka.serializers.subject.RecordNameStrategy}, so that existing
   * configurations work unchanged.
   *
   * @throws IllegalArgumentException for any other name
   */
  static SubjectNameStrategy named(final String name) {
    final String simple = name.substring(name.lastIndexOf('.') + 1).trim();
    return switch (simple.toLowerCase(Locale.ROOT)) {
      case "topicnamestrategy" -> new TopicNameStrategy();
      case "recordnamestrategy" -> new RecordNameStrategy();
      case "topicrecordnamestrategy" -> new TopicRecordNameStrategy();
      default ->
          throw new IllegalArgumentException(
              "Unknown subject name strategy '"
                  + name
                  + "'; use TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
    };
  }

  /** {@code <topic>-key} or {@code <topic>-value}: the default. */
  final class TopicNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(final String topic, final boolean isKey, final String recordName) {
      return topic + (isKey ? "-key" : "-value");
    }
  }

  /** The record type's full name, so that one topic may carry several types. */
  final class RecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(final String topic, final boolean isKey, final String recordName) {
      return requireName(recordName, "RecordNameStrategy");
    }
  }

  /** {@code <topic>-<full name>}: several types per topic, each evolving on its own. */
  final class TopicRecordNameStrategy implements SubjectNameStrategy {
    @Override
    public String subjectName(final String topic, final boolean isKey, final String recordName) {
      return topic + "-" + requireName(recordName, "TopicRecordNameStrategy");
    }
  }

  private static String requireName(final String recordName, final String strategy) {
    if (recordName == null) {
      throw new IllegalArgumentException(
          strategy + " needs a named schema (a record, enum or fixed); this one has no name");
    }
    return recordName;
  }
}
