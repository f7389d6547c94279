package io.ksr.testkit;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * A real single-node KRaft broker whose clients must log in with SASL/SCRAM-SHA-512 over
 * SASL_PLAINTEXT, as many production clusters require. Its controller and inter-broker traffic stay
 * on PLAINTEXT listeners, which tests also use to create users and to check topics.
 */
public final class ScramKafka implements AutoCloseable {
  public static final String MECHANISM = "SCRAM-SHA-512";
  private static final String SASL_LISTENER = "SASL_CLIENTS";
  private static final Duration LOGIN_WAIT = Duration.ofSeconds(20);

  private final KafkaClusterTestKit cluster;

  private ScramKafka(final KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Starts the broker; it knows no users yet. */
  public static ScramKafka start() {
    final String saslListener = SASL_LISTENER.toLowerCase(Locale.ROOT);
    return new ScramKafka(
        TestClusters.start(
            1,
            Map.of(
                "listeners",
                "EXTERNAL://localhost:0,CONTROLLER://localhost:0,"
                    + SASL_LISTENER
                    + "://localhost:0",
                "listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + SASL_LISTENER + ":SASL_PLAINTEXT",
                "listener.name." + saslListener + ".sasl.enabled.mechanisms",
                MECHANISM,
                // The broker checks SCRAM logins against the credentials in its metadata, so the
                // server side of the login module needs no options.
                "listener.name." + saslListener + ".scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;")));
  }

  /** The PLAINTEXT listener, for the test's own look at topics. */
  public String plainBootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** The listener that only lets SCRAM-SHA-512 users in. */
  public String saslBootstrapServers() {
    final int port =
        cluster.brokers().values().iterator().next().boundPort(new ListenerName(SASL_LISTENER));
    return "localhost:" + port;
  }

  /** Creates a user and waits until the broker lets it log in. */
  public void addUser(final String user, final String password) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", plainBootstrapServers()))) {
      admin
          .alterUserScramCredentials(
              List.of(
                  new UserScramCredentialUpsertion(
                      user, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password)))
          .all()
          .get();
    } catch (final ExecutionException e) {
      throw new IllegalStateException("Cannot create SCRAM user " + user, e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while creating SCRAM user " + user, e);
    }
    awaitLogin(user, password);
  }

  /** Kafka client settings that log in as this user on the SASL listener. */
  public Map<String, Object> clientSettings(final String user, final String password) {
    final Map<String, Object> settings = new HashMap<>();
    settings.put("bootstrap.servers", saslBootstrapServers());
    settings.put("security.protocol", "SASL_PLAINTEXT");
    settings.put("sasl.mechanism", MECHANISM);
    settings.put("sasl.jaas.config", jaasConfig(user, password));
    return settings;
  }

  /** The client side of a SCRAM login, as a user writes it in {@code sasl.jaas.config}. */
  public static String jaasConfig(final String user, final String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  /**
   * The broker learns new credentials from its metadata log a moment after the controller accepts
   * them; until then a login fails.
   */
  private void awaitLogin(final String user, final String password) {
    final long deadline = System.nanoTime() + LOGIN_WAIT.toNanos();
    while (true) {
      try (Admin admin = Admin.create(clientSettings(user, password))) {
        admin.describeCluster().clusterId().get();
        return;
      } catch (final ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("SCRAM user " + user + " cannot log in", e);
        }
        Wait.pause(Duration.ofMillis(100));
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while logging in as " + user, e);
      }
    }
  }

  @Override
  public void close() throws Exception {
    cluster.close();
  }
}
