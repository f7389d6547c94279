package io.ksr.domain.json;

/**
 * The kinds of difference between two JSON Schemas, named as Confluent's JSON Schema diff names
 * them, and whether a reader with the newer schema can still read what the older one accepted.
 */
enum JsonDifferenceType {
  ID_CHANGED(true, Wording.UNREPORTED),
  DESCRIPTION_CHANGED(true, Wording.UNREPORTED),
  TITLE_CHANGED(true, Wording.UNREPORTED),
  DEFAULT_CHANGED(true, Wording.UNREPORTED),
  SCHEMA_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  SCHEMA_REMOVED(true, Wording.UNREPORTED),
  TYPE_EXTENDED(true, Wording.UNREPORTED),
  TYPE_NARROWED(false, Wording.TYPE_CHANGED),
  TYPE_CHANGED(false, Wording.TYPE_CHANGED),

  MAX_LENGTH_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MAX_LENGTH_REMOVED(true, Wording.UNREPORTED),
  MAX_LENGTH_INCREASED(true, Wording.UNREPORTED),
  MAX_LENGTH_DECREASED(false, Wording.VALUE_DECREASED),
  MIN_LENGTH_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MIN_LENGTH_REMOVED(true, Wording.UNREPORTED),
  MIN_LENGTH_INCREASED(false, Wording.VALUE_INCREASED),
  MIN_LENGTH_DECREASED(true, Wording.UNREPORTED),
  PATTERN_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  PATTERN_REMOVED(true, Wording.UNREPORTED),
  PATTERN_CHANGED(false, Wording.VALUE_CHANGED),

  MAXIMUM_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MAXIMUM_REMOVED(true, Wording.UNREPORTED),
  MAXIMUM_INCREASED(true, Wording.UNREPORTED),
  MAXIMUM_DECREASED(false, Wording.VALUE_DECREASED),
  MINIMUM_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MINIMUM_REMOVED(true, Wording.UNREPORTED),
  MINIMUM_INCREASED(false, Wording.VALUE_INCREASED),
  MINIMUM_DECREASED(true, Wording.UNREPORTED),
  EXCLUSIVE_MAXIMUM_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  EXCLUSIVE_MAXIMUM_REMOVED(true, Wording.UNREPORTED),
  EXCLUSIVE_MAXIMUM_INCREASED(true, Wording.UNREPORTED),
  EXCLUSIVE_MAXIMUM_DECREASED(false, Wording.VALUE_DECREASED),
  EXCLUSIVE_MINIMUM_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  EXCLUSIVE_MINIMUM_REMOVED(true, Wording.UNREPORTED),
  EXCLUSIVE_MINIMUM_INCREASED(false, Wording.VALUE_INCREASED),
  EXCLUSIVE_MINIMUM_DECREASED(true, Wording.UNREPORTED),
  MULTIPLE_OF_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MULTIPLE_OF_REMOVED(true, Wording.UNREPORTED),
  MULTIPLE_OF_EXPANDED(false, Wording.VALUE_INCREASED),
  MULTIPLE_OF_REDUCED(true, Wording.UNREPORTED),
  MULTIPLE_OF_CHANGED(false, Wording.VALUE_CHANGED),

  REQUIRED_ATTRIBUTE_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED(true, Wording.UNREPORTED),
  REQUIRED_ATTRIBUTE_REMOVED(true, Wording.UNREPORTED),
  MAX_PROPERTIES_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MAX_PROPERTIES_REMOVED(true, Wording.UNREPORTED),
  MAX_PROPERTIES_INCREASED(true, Wording.UNREPORTED),
  MAX_PROPERTIES_DECREASED(false, Wording.VALUE_DECREASED),
  MIN_PROPERTIES_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MIN_PROPERTIES_REMOVED(true, Wording.UNREPORTED),
  MIN_PROPERTIES_INCREASED(false, Wording.VALUE_INCREASED),
  MIN_PROPERTIES_DECREASED(true, Wording.UNREPORTED),
  ADDITIONAL_PROPERTIES_ADDED(true, Wording.UNREPORTED),
  ADDITIONAL_PROPERTIES_REMOVED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  ADDITIONAL_PROPERTIES_EXTENDED(true, Wording.UNREPORTED),
  ADDITIONAL_PROPERTIES_NARROWED(false, Wording.TYPE_NARROWED),
  DEPENDENCY_ARRAY_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  DEPENDENCY_ARRAY_REMOVED(true, Wording.UNREPORTED),
  DEPENDENCY_ARRAY_EXTENDED(false, Wording.TYPE_EXTENDED),
  DEPENDENCY_ARRAY_NARROWED(true, Wording.UNREPORTED),
  DEPENDENCY_ARRAY_CHANGED(false, Wording.VALUE_CHANGED),
  DEPENDENCY_SCHEMA_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  DEPENDENCY_SCHEMA_REMOVED(true, Wording.UNREPORTED),
  REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false, Wording.ADDED_TO_OPEN),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL(false, Wording.ADDED_TO_OPEN),
  OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL(false, Wording.ADDED_TO_OPEN),
  PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(false, Wording.REQUIRED_ADDED_TO_UNOPEN),
  REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true, Wording.UNREPORTED),
  PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, Wording.REMOVED_FROM_CLOSED),
  PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, Wording.REMOVED_NOT_COVERED),
  PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, Wording.ADDED_NOT_COVERED),

  MAX_ITEMS_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MAX_ITEMS_REMOVED(true, Wording.UNREPORTED),
  MAX_ITEMS_INCREASED(true, Wording.UNREPORTED),
  MAX_ITEMS_DECREASED(false, Wording.VALUE_DECREASED),
  MIN_ITEMS_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  MIN_ITEMS_REMOVED(true, Wording.UNREPORTED),
  MIN_ITEMS_INCREASED(false, Wording.VALUE_INCREASED),
  MIN_ITEMS_DECREASED(true, Wording.UNREPORTED),
  UNIQUE_ITEMS_ADDED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  UNIQUE_ITEMS_REMOVED(true, Wording.UNREPORTED),
  ADDITIONAL_ITEMS_ADDED(true, Wording.UNREPORTED),
  ADDITIONAL_ITEMS_REMOVED(false, Wording.KEYWORD_ADDED_OR_REMOVED),
  ADDITIONAL_ITEMS_EXTENDED(true, Wording.UNREPORTED),
  ADDITIONAL_ITEMS_NARROWED(false, Wording.TYPE_NARROWED),
  ITEM_ADDED_TO_OPEN_CONTENT_MODEL(false, Wording.ADDED_TO_OPEN),
  ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_ADDED_TO_CLOSED_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL(false, Wording.REMOVED_FROM_CLOSED),
  ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, Wording.REMOVED_NOT_COVERED),
  ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(true, Wording.UNREPORTED),
  ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL(false, Wording.ADDED_NOT_COVERED),

  ENUM_ARRAY_EXTENDED(true, Wording.UNREPORTED),
  ENUM_ARRAY_NARROWED(false, Wording.TYPE_NARROWED),
  ENUM_ARRAY_CHANGED(false, Wording.TYPE_CHANGED),

  COMBINED_TYPE_EXTENDED(true, Wording.UNREPORTED),
  COMBINED_TYPE_CHANGED(false, Wording.TYPE_CHANGED),
  PRODUCT_TYPE_EXTENDED(false, Wording.TYPE_EXTENDED),
  PRODUCT_TYPE_NARROWED(true, Wording.UNREPORTED),
  SUM_TYPE_EXTENDED(true, Wording.UNREPORTED),
  SUM_TYPE_NARROWED(false, Wording.TYPE_NARROWED),
  COMBINED_TYPE_SUBSCHEMAS_CHANGED(false, Wording.TYPE_CHANGED),
  NOT_TYPE_EXTENDED(false, Wording.TYPE_EXTENDED),
  NOT_TYPE_NARROWED(true, Wording.UNREPORTED);

  /**
   * Confluent's sentences for each group of incompatible differences; each takes the path, then the
   * reader's and the writer's role ("new" or "old").
   */
  private enum Wording {
    KEYWORD_ADDED_OR_REMOVED(
        "The keyword at path '%1$s' in the %2$s schema is not present in the %3$s schema"),
    VALUE_INCREASED(
        "The value at path '%1$s' in the %2$s schema is more than its value in the %3$s schema"),
    VALUE_DECREASED(
        "The value at path '%1$s' in the %2$s schema is less than its value in the %3$s schema"),
    VALUE_CHANGED("The value at path '%1$s' is different between the %2$s and %3$s schema"),
    TYPE_NARROWED(
        "An array or combined type at path '%1$s' has fewer elements in the %2$s schema than the"
            + " %3$s schema"),
    TYPE_EXTENDED(
        "An array or combined type at path '%1$s' has more elements in the %2$s schema than the"
            + " %3$s schema"),
    TYPE_CHANGED("A type at path '%1$s' is different between the %2$s schema and the %3$s schema"),
    ADDED_TO_OPEN(
        "The %2$s schema has an open content model and has a property or item at path '%1$s'"
            + " which is missing in the %3$s schema"),
    REQUIRED_ADDED_TO_UNOPEN(
        "The %2$s schema has an unopen content model and has a required property at path '%1$s'"
            + " which is missing in the %3$s schema"),
    REMOVED_FROM_CLOSED(
        "The %2$s schema has a closed content model and is missing a property or item present at"
            + " path '%1$s' in the %3$s schema"),
    REMOVED_NOT_COVERED(
        "A property or item is missing in the %2$s schema but present at path '%1$s' in the %3$s"
            + " schema and is not covered by its partially open content model"),
    ADDED_NOT_COVERED(
        "The %2$s schema has a property or item at path '%1$s' which is missing in the %3$s schema"
            + " and is not covered by its partially open content model"),
    /** Compatible differences are never reported; this only names them if they were. */
    UNREPORTED("The schema at path '%1$s' differs between the %2$s and %3$s schema");

    private final String template;

    Wording(final String template) {
      this.template = template;
    }
  }

  private final boolean compatible;
  private final Wording wording;

  JsonDifferenceType(final boolean compatible, final Wording wording) {
    this.compatible = compatible;
    this.wording = wording;
  }

  /** Whether a reader with the updated schema still reads everything the original accepted. */
  boolean compatible() {
    return compatible;
  }

  /** The sentence that explains a difference of this type at {@code path}. */
  String describe(final String path, final String reader, final String writer) {
    return wording.template.formatted(path, reader, writer);
  }
}
