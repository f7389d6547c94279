package io.ksr.testkit;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.test.KafkaClusterTestKit;

/**
 * Network links between clients and a test cluster that a test can cut, one per client: each broker
 * gets a listener per link, advertised at that link's proxy for the broker, so a client that
 * bootstraps through a link reaches every broker only through the link's proxies.
 *
 * <p>Kafka clients connect to the addresses brokers advertise, not to their bootstrap addresses;
 * and a broker advertises the addresses of the listener that a request came in on. One listener per
 * link is therefore what keeps a cut link's client from going around its proxies.
 */
public final class BrokerLinks implements AutoCloseable {
  /** The names the test kit gives its listeners. */
  private static final String BROKER_LISTENER = "EXTERNAL";

  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final int brokers;
  private final List<List<TcpProxy>> proxies = new ArrayList<>();
  private volatile KafkaClusterTestKit cluster;

  /**
   * Opens the proxies of {@code links} links to a cluster of {@code brokers} brokers; start the
   * cluster with {@link #brokerProperties()}, then {@link #attach} it.
   */
  public BrokerLinks(final int links, final int brokers) {
    this.brokers = brokers;
    for (int link = 0; link < links; link++) {
      final String listener = listener(link);
      final List<TcpProxy> perBroker = new ArrayList<>();
      for (int broker = 0; broker < brokers; broker++) {
        final int id = broker;
        perBroker.add(new TcpProxy(() -> address(id, listener)));
      }
      proxies.add(perBroker);
    }
  }

  /**
   * Each broker's listener settings, by node id, for {@link TestClusters#start(int, Map, Map)}.
   * TestClusters makes a one-broker cluster one combined node, which also listens for controllers.
   */
  public Map<Integer, Map<String, String>> brokerProperties() {
    final List<String> listeners = new ArrayList<>(List.of(BROKER_LISTENER));
    if (brokers == 1) {
      listeners.add(CONTROLLER_LISTENER);
    }
    for (int link = 0; link < proxies.size(); link++) {
      listeners.add(listener(link));
    }
    final Map<Integer, Map<String, String>> properties = new HashMap<>();
    for (int broker = 0; broker < brokers; broker++) {
      // Port 0 is replaced by the bound port when the broker registers.
      final List<String> advertised = new ArrayList<>(List.of(BROKER_LISTENER + "://localhost:0"));
      for (int link = 0; link < proxies.size(); link++) {
        advertised.add(listener(link) + "://127.0.0.1:" + proxies.get(link).get(broker).port());
      }
      properties.put(
          broker,
          Map.of(
              "listeners",
              joined(listeners, name -> name + "://localhost:0"),
              "advertised.listeners",
              String.join(",", advertised),
              "listener.security.protocol.map",
              joined(listeners, name -> name + ":PLAINTEXT")));
    }
    return properties;
  }

  /** Points the proxies at the cluster's brokers. */
  public void attach(final KafkaClusterTestKit started) {
    this.cluster = started;
  }

  /** The addresses a client of this link bootstraps from. */
  public String bootstrapServers(final int link) {
    return proxies.get(link).stream()
        .map(proxy -> "127.0.0.1:" + proxy.port())
        .collect(Collectors.joining(","));
  }

  /** Drops the link's connections to every broker and refuses new ones. */
  public void cut(final int link) {
    proxies.get(link).forEach(TcpProxy::cut);
  }

  public void restore(final int link) {
    proxies.get(link).forEach(TcpProxy::restore);
  }

  @Override
  public void close() {
    proxies.forEach(perBroker -> perBroker.forEach(TcpProxy::close));
  }

  private InetSocketAddress address(final int broker, final String listener) {
    if (cluster == null) {
      throw new IllegalStateException("attach the cluster before connecting through a link");
    }
    return new InetSocketAddress(
        "localhost", cluster.brokers().get(broker).boundPort(ListenerName.normalised(listener)));
  }

  private static String joined(final List<String> names, final UnaryOperator<String> each) {
    return names.stream().map(each).collect(Collectors.joining(","));
  }

  private static String listener(final int link) {
    return "LINK" + link;
  }
}
