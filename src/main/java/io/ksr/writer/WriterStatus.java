package io.ksr.writer;

import java.util.concurrent.atomic.AtomicBoolean;

/** Whether this instance is currently the registry's writer. */
public final class WriterStatus {
  private final AtomicBoolean writer = new AtomicBoolean();

  public boolean isWriter() {
    return writer.get();
  }

  void set(final boolean isWriter) {
    writer.set(isWriter);
  }
}
