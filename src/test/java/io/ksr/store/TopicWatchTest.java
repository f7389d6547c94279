package io.ksr.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Each problem with the topics is reported once when it appears, however often it is found. */
class TopicWatchTest {
  private final Deque<Supplier<List<String>>> answers = new ArrayDeque<>();
  private final TopicWatch watch = new TopicWatch(() -> answers.removeFirst().get());

  @Test
  void shouldReportAProblemOnceWhenItAppearsAndCountWhatIsFoundNow() {
    assertEquals(List.of("a"), checkFinding(List.of("a")));
    assertEquals(1, watch.problems());
    assertEquals(List.of(), checkFinding(List.of("a")));
    assertEquals(List.of("b"), checkFinding(List.of("a", "b")));
    assertEquals(2, watch.problems());
    assertEquals(List.of(), checkFinding(List.of("b")));
    assertEquals(1, watch.problems());
    assertEquals(List.of(), checkFinding(List.of()));
    assertEquals(0, watch.problems());
    assertEquals(List.of("a"), checkFinding(List.of("a")));
  }

  @Test
  void shouldKeepWhatItKnowsWhileKafkaDoesNotAnswer() {
    checkFinding(List.of("a"));

    answers.add(
        () -> {
          throw new TopicSetupException("Kafka did not answer within 10000 ms");
        });
    assertEquals(List.of(), watch.check());

    assertEquals(1, watch.problems());
    assertEquals(List.of(), checkFinding(List.of("a")));
  }

  private List<String> checkFinding(final List<String> problems) {
    answers.add(() -> problems);
    return watch.check();
  }
}
