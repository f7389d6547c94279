package io.ksr.writer;

import java.util.List;
import java.util.Objects;

/** The writer's verdict on a command: the outcome, and the records that carry it out. */
public record Decision(Outcome outcome, List<WriteRecord> records) {
  public Decision {
    Objects.requireNonNull(outcome, "outcome can't be null");
    records = List.copyOf(records);
  }
}
