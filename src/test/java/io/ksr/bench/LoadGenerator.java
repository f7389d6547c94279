package io.ksr.bench;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Requests over keep-alive HTTP/1.1 connections, one blocking socket per thread, in a process of
 * its own so that its work is not counted in the server's JVM. Each connection cycles over the
 * requests from its own starting point; latencies are counted only between the end of the warm-up
 * and the end of the measurement. A request that gets no answer within five seconds, or whose
 * connection drops, counts as failed (with the time it took) and the connection is opened again.
 *
 * <p>Usage: {@code LoadGenerator host port connections warmupMillis measureMillis requestsFile};
 * each line of the file is a path to GET, or {@code POST path body} with a JSON body on one line.
 * It prints one line, {@code RESULT key=value ...}.
 */
public final class LoadGenerator {
  private static final String RESULT = "RESULT ";
  private static final String POST = "POST ";
  private static final int CONNECT_TIMEOUT_MS = 5_000;

  /** A request unanswered this long counts as failed, and its connection is opened again. */
  private static final int READ_TIMEOUT_MS = 5_000;

  /** What one load run measured; latencies in milliseconds. */
  record Result(
      long requests, long failures, double perSecond, double p50, double p99, double p999) {}

  private LoadGenerator() {}

  /** A line of the requests file that posts {@code body} to {@code path}. */
  static String post(final String path, final String body) {
    return POST + path + " " + body;
  }

  /**
   * Runs the generator as a child JVM against {@code host:port} and reads its result.
   *
   * @param paths paths to GET, or lines made by {@link #post}
   */
  static Result launch(
      final String host,
      final int port,
      final List<String> paths,
      final int connections,
      final Duration warmup,
      final Duration measure) {
    try {
      final Path pathsFile = Files.createTempFile("ksr-load-paths", ".txt");
      try {
        Files.write(pathsFile, paths);
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process process =
            new ProcessBuilder(
                    java.toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-cp",
                    System.getProperty("java.class.path"),
                    LoadGenerator.class.getName(),
                    host,
                    String.valueOf(port),
                    String.valueOf(connections),
                    String.valueOf(warmup.toMillis()),
                    String.valueOf(measure.toMillis()),
                    pathsFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        final String output;
        try (BufferedReader out =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
          output = out.lines().filter(line -> line.startsWith(RESULT)).findFirst().orElse(null);
        }
        if (!process.waitFor(warmup.plus(measure).toSeconds() + 60, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
        if (output == null || process.exitValue() != 0) {
          throw new IllegalStateException("the load generator failed, exit " + process.exitValue());
        }
        return parse(output);
      } finally {
        Files.deleteIfExists(pathsFile);
      }
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  public static void main(final String[] args) throws Exception {
    final String host = args[0];
    final int port = Integer.parseInt(args[1]);
    final int connections = Integer.parseInt(args[2]);
    final long warmupNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[3]));
    final long measureNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[4]));
    final List<String> paths = Files.readAllLines(Path.of(args[5]));
    final List<byte[]> requests =
        paths.stream().map(line -> request(line, host + ":" + port)).toList();
    final long measureFrom = System.nanoTime() + warmupNanos;
    final long measureUntil = measureFrom + measureNanos;
    final List<Connection> workers = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      final Connection worker =
          new Connection(
              host, port, requests, c * requests.size() / connections, measureFrom, measureUntil);
      worker.start();
      workers.add(worker);
    }
    final LatencyHistogram latencies = new LatencyHistogram();
    long failures = 0;
    for (final Connection worker : workers) {
      worker.join();
      if (worker.lastError != null) {
        System.err.println("A connection was reopened after: " + worker.lastError);
      }
      latencies.add(worker.latencies);
      failures += worker.failures;
    }
    final double seconds = measureNanos / 1e9;
    System.out.printf(
        "%srequests=%d failures=%d perSecond=%.1f p50=%.3f p99=%.3f p999=%.3f%n",
        RESULT,
        latencies.total(),
        failures,
        latencies.total() / seconds,
        latencies.percentile(50) / 1000.0,
        latencies.percentile(99) / 1000.0,
        latencies.percentile(99.9) / 1000.0);
  }

  private static byte[] request(final String line, final String host) {
    if (!line.startsWith(POST)) {
      return ("GET " + line + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII);
    }
    final int bodyStart = line.indexOf(' ', POST.length());
    final byte[] body = line.substring(bodyStart + 1).getBytes(StandardCharsets.UTF_8);
    final byte[] head =
        ("POST "
                + line.substring(POST.length(), bodyStart)
                + " HTTP/1.1\r\nHost: "
                + host
                + "\r\nContent-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: "
                + body.length
                + "\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    final byte[] request = Arrays.copyOf(head, head.length + body.length);
    System.arraycopy(body, 0, request, head.length, body.length);
    return request;
  }

  private static Result parse(final String line) {
    final Map<String, String> values =
        Arrays.stream(line.substring(RESULT.length()).trim().split(" "))
            .map(pair -> pair.split("=", 2))
            .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    return new Result(
        Long.parseLong(values.get("requests")),
        Long.parseLong(values.get("failures")),
        Double.parseDouble(values.get("perSecond")),
        Double.parseDouble(values.get("p50")),
        Double.parseDouble(values.get("p99")),
        Double.parseDouble(values.get("p999")));
  }

  /** One keep-alive connection and the thread that drives it. */
  private static final class Connection extends Thread {
    private final String host;
    private final int port;
    private final List<byte[]> requests;
    private final int first;
    private final long measureFrom;
    private final long measureUntil;
    private final LatencyHistogram latencies = new LatencyHistogram();
    private final byte[] line = new byte[8192];
    private long failures;
    private long pendingStart = Long.MIN_VALUE;
    private Exception lastError;

    Connection(
        final String host,
        final int port,
        final List<byte[]> requests,
        final int first,
        final long measureFrom,
        final long measureUntil) {
      this.host = host;
      this.port = port;
      this.requests = requests;
      this.first = first;
      this.measureFrom = measureFrom;
      this.measureUntil = measureUntil;
    }

    @Override
    public void run() {
      int next = first;
      while (System.nanoTime() < measureUntil) {
        pendingStart = System.nanoTime();
        try (Socket socket = new Socket()) {
          socket.setTcpNoDelay(true);
          socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
          socket.setSoTimeout(READ_TIMEOUT_MS);
          next = drive(socket, next);
        } catch (final IOException | RuntimeException e) {
          // A request that got no answer, or a dropped connection, is a failed request: counted,
          // and the connection opened again, so one stalled request does not end the run.
          final long now = System.nanoTime();
          if (pendingStart >= measureFrom && now <= measureUntil) {
            latencies.record((now - pendingStart) / 1000);
            failures++;
          }
          pendingStart = Long.MIN_VALUE;
          next++;
          lastError = e;
        }
      }
    }

    /** Sends requests on one connection until the measurement ends; returns the next index. */
    private int drive(final Socket socket, final int from) throws IOException {
      final OutputStream out = socket.getOutputStream();
      final InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
      for (int i = from; ; i++) {
        final long start = System.nanoTime();
        if (start >= measureUntil) {
          return i;
        }
        pendingStart = start;
        out.write(requests.get(i % requests.size()));
        out.flush();
        final int status = readResponse(in);
        final long end = System.nanoTime();
        pendingStart = Long.MIN_VALUE;
        if (start >= measureFrom && end <= measureUntil) {
          latencies.record((end - start) / 1000);
          if (status < 200 || status > 299) {
            failures++;
          }
        }
      }
    }

    /** Reads one response through its body and returns its status. */
    private int readResponse(final InputStream in) throws IOException {
      final String statusLine = readLine(in);
      final int status = Integer.parseInt(statusLine.substring(9, 12));
      long length = -1;
      boolean chunked = false;
      for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
        final int colon = header.indexOf(':');
        final String name = header.substring(0, colon).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = Long.parseLong(header.substring(colon + 1).trim());
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = header.substring(colon + 1).trim().equalsIgnoreCase("chunked");
        }
      }
      if (chunked) {
        for (long chunk = Long.parseLong(readLine(in).split(";")[0].trim(), 16);
            chunk > 0;
            chunk = Long.parseLong(readLine(in).split(";")[0].trim(), 16)) {
          skip(in, chunk);
          readLine(in);
        }
        while (!readLine(in).isEmpty()) {
          // Trailers are not used here.
        }
      } else if (length > 0) {
        skip(in, length);
      } else if (length < 0) {
        throw new IOException("a response without a length on a keep-alive connection");
      }
      return status;
    }

    private String readLine(final InputStream in) throws IOException {
      int size = 0;
      for (int b = in.read(); b != '\n'; b = in.read()) {
        if (b < 0) {
          throw new IOException("the server closed the connection");
        }
        if (b != '\r' && size < line.length) {
          line[size++] = (byte) b;
        }
      }
      return new String(line, 0, size, StandardCharsets.ISO_8859_1);
    }

    private static void skip(final InputStream in, final long count) throws IOException {
      long left = count;
      while (left > 0) {
        final long skipped = in.skip(left);
        if (skipped <= 0) {
          if (in.read() < 0) {
            throw new IOException("the server closed the connection in a body");
          }
          left--;
        } else {
          left -= skipped;
        }
      }
    }
  }
}
