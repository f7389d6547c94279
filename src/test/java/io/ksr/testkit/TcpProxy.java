package io.ksr.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A TCP proxy on the loopback address that forwards bytes to a target, and that a test can cut as a
 * network partition would: every open connection is dropped and new ones are refused until the link
 * is restored.
 */
public final class TcpProxy implements AutoCloseable {
  private static final int CONNECT_TIMEOUT_MS = 5000;

  private final ServerSocket server;
  private final Supplier<InetSocketAddress> target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  /**
   * Starts listening on a free port.
   *
   * @param target where to connect each new connection to, asked again for each, so that the target
   *     may be known only after the proxy's port is
   */
  public TcpProxy(final Supplier<InetSocketAddress> target) {
    this.target = target;
    try {
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
    final Thread acceptor = new Thread(this::acceptAll, "proxy-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    cut = true;
    open.forEach(TcpProxy::closeQuietly);
  }

  /** Forwards new connections again; those dropped by the cut stay dropped, as after a real one. */
  public void restore() {
    cut = false;
  }

  @Override
  public void close() {
    closeQuietly(server);
    cut();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        final Socket client = server.accept();
        if (cut) {
          // Accepting and closing at once keeps the port, so restoring needs no rebinding that
          // another process could race for; the client sees its connection fail either way.
          closeQuietly(client);
        } else {
          forward(client);
        }
      } catch (final IOException e) {
        // The proxy was closed, or one connection failed to open: the client retries.
      }
    }
  }

  private void forward(final Socket client) throws IOException {
    final Socket upstream = new Socket();
    open.add(client);
    open.add(upstream);
    try {
      upstream.connect(target.get(), CONNECT_TIMEOUT_MS);
    } catch (final IOException e) {
      closeBoth(client, upstream);
      throw e;
    }
    // A cut that came while connecting must not miss this connection.
    if (cut) {
      closeBoth(client, upstream);
      return;
    }
    for (final List<Socket> direction :
        List.of(List.of(client, upstream), List.of(upstream, client))) {
      final Thread pump =
          new Thread(
              () -> pump(direction.get(0), direction.get(1)),
              "proxy-" + port() + "-" + client.getPort());
      pump.setDaemon(true);
      pump.start();
    }
  }

  private void pump(final Socket from, final Socket to) {
    final byte[] buffer = new byte[64 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (final IOException e) {
      // Either side closed or the link was cut: the connection ends for both sides below.
    } finally {
      closeBoth(from, to);
    }
  }

  private void closeBoth(final Socket one, final Socket other) {
    closeQuietly(one);
    closeQuietly(other);
    open.remove(one);
    open.remove(other);
  }

  private static void closeQuietly(final AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (final Exception e) {
      // Already closed.
    }
  }
}
