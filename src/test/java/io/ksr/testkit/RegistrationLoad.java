package io.ksr.testkit;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that register distinct schemas through several instances until stopped. A client whose
 * request fails (an instance died, a write timed out) sends the same schema again through the next
 * instance, as a real client retries; only answers with status 200 count as acknowledged.
 */
public final class RegistrationLoad implements AutoCloseable {
  private final List<RestClient> targets;
  private final String prefix;
  private final List<Thread> clients = new ArrayList<>();
  private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean running = true;

  /**
   * An acknowledged registration.
   *
   * @param sentAt {@link System#nanoTime()} when the request that was acknowledged was sent
   * @param at {@link System#nanoTime()} when the answer arrived
   */
  public record Ack(String subject, String schema, int id, long sentAt, long at, int target) {}

  /**
   * Starts the clients.
   *
   * @param prefix names this load's subjects and records, so loads never collide
   */
  public RegistrationLoad(
      final List<RestClient> targets, final int clientCount, final String prefix) {
    this.targets = List.copyOf(targets);
    this.prefix = prefix;
    for (int c = 0; c < clientCount; c++) {
      final int client = c;
      final Thread thread = new Thread(() -> run(client), prefix + "-client-" + client);
      thread.setDaemon(true);
      clients.add(thread);
      thread.start();
    }
  }

  /** The schema text a client registers for its n-th subject. */
  public static String schemaOf(final String name) {
    return "{\"type\":\"record\",\"name\":\""
        + name
        + "\",\"fields\":[{\"name\":\"f\",\"type\":\"int\"}]}";
  }

  public List<Ack> acks() {
    return List.copyOf(acks);
  }

  /**
   * The first registration acknowledged that was sent after {@code since} (a {@link
   * System#nanoTime()}). One sent before may be acknowledged after it: a writer killed at {@code
   * since} may have committed it a moment before, and its reply arrive later.
   */
  public Optional<Ack> firstAckAfter(final long since) {
    return acks.stream()
        .filter(ack -> ack.sentAt() > since)
        .min((a, b) -> Long.compare(a.at(), b.at()));
  }

  /** How many requests failed and were sent again. */
  public long failures() {
    return failures.get();
  }

  /** Stops the clients; a registration in flight is abandoned, and it is not acknowledged. */
  @Override
  public void close() {
    running = false;
    for (final Thread client : clients) {
      try {
        client.join(Duration.ofSeconds(40).toMillis());
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void run(final int client) {
    int attempt = client;
    for (int n = 0; running; n++) {
      final String name = prefix.replace('-', '_') + "_" + client + "_" + n;
      final String subject = prefix + "-" + client + "-" + n + "-value";
      final String schema = schemaOf(name);
      while (running) {
        final int target = attempt++ % targets.size();
        final long sentAt = System.nanoTime();
        try {
          final RestClient.Response response =
              targets
                  .get(target)
                  .post("/subjects/" + subject + "/versions", RestClient.schemaBody(schema));
          if (response.status() == 200) {
            acks.add(
                new Ack(
                    subject,
                    schema,
                    response.json().get("id").asInt(),
                    sentAt,
                    System.nanoTime(),
                    target));
            break;
          }
        } catch (final UncheckedIOException e) {
          // The instance is down: the next attempt goes to another one.
        }
        failures.incrementAndGet();
        Wait.pause(Duration.ofMillis(50));
      }
    }
  }
}
