package io.ksr.store;

/**
 * Headers the writer puts on the {@code _schemas} records it appends. Confluent's registry and
 * Karapace ignore record headers, so they cost no compatibility.
 */
public final class HeaderNames {
  /**
   * On the last record a command produced: the command's offset in the command topic. Once a store
   * has applied it, it has applied everything that command and all earlier commands wrote.
   */
  public static final String COMMAND_OFFSET = "ksr.command.offset";

  /**
   * Next to {@link #COMMAND_OFFSET}: the id of the command topic that offset belongs to. Mirrored
   * to another cluster, the record keeps its headers, and this tells the offset apart from those of
   * the command topic there.
   */
  public static final String COMMAND_TOPIC = "ksr.command.topic";

  /** On a NOOP record a new writer appends to learn when its store has read all of the topic. */
  public static final String BARRIER = "ksr.barrier";

  /** On every record the writer appends: the instance id of the writer that appended it. */
  public static final String WRITER = "ksr.writer";

  private HeaderNames() {}
}
