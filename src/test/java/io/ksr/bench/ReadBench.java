package io.ksr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ksr.config.RegistryConfig;
import io.ksr.testkit.RawTopics;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.TestRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;

/**
 * Read load over HTTP from a separate process: {@code GET /schemas/ids/{id}} cycling over every
 * seeded id, {@code GET /subjects/{s}/versions/latest} cycling over every seeded subject, and the
 * calls every starting producer makes, registering or looking up a schema its subject already has,
 * cycling over the first of them; against the registry, a bare Javalin endpoint answering a body of
 * the same size, and optionally a peer registry seeded with the same schemas. The loads take turns,
 * round after round, so that any drift of the machine falls on all of them.
 */
final class ReadBench {
  static final String BY_ID = "GET /schemas/ids/{id}";
  static final String LATEST = "GET /subjects/{s}/versions/latest";
  static final String CONSTANT = "GET constant body";
  static final String REGISTER_KNOWN = "POST /subjects/{s}/versions, known schema";
  static final String LOOKUP = "POST /subjects/{s}, lookup";
  private static final int SEEDING_CLIENTS = 8;
  private static final int SEEDING_ATTEMPTS = 5;

  /**
   * How the benchmark runs.
   *
   * @param ids how many schemas the registry gets, each under its own subject
   * @param peerUrl the peer's Confluent API base, or null for no peer
   * @param peerIds how many of the same schemas the peer gets
   * @param connections how many connections the reads use
   * @param knownSchemas how many of the seeded schemas the registrations and lookups cycle over
   * @param knownConnections how many connections the registrations and lookups use
   */
  record Settings(
      int ids,
      String peerUrl,
      int peerIds,
      int connections,
      int knownSchemas,
      int knownConnections,
      Duration warmup,
      Duration measure,
      int rounds) {}

  /**
   * The median over the rounds of each figure of one load.
   *
   * @param keys how many ids or subjects the load cycled over
   */
  record Row(
      String server, String request, int keys, int connections, LoadGenerator.Result median) {}

  /** What was seeded: subject n carries schema id {@code ids[n]}. */
  private record Seeded(List<String> subjects, int[] ids) {}

  /** One load: where it goes, the requests it cycles over and over how many connections. */
  private record Load(
      String server, String request, URI base, List<String> paths, int connections) {}

  private ReadBench() {}

  /**
   * Writes the schemas to a new registry's topic, starts the registry on it, seeds the peer over
   * HTTP, then measures every load.
   *
   * @param name names the registry's topic and group
   */
  static List<Row> run(final String name, final Path dataDir, final Settings settings)
      throws Exception {
    final Map<String, Object> registrySettings = TestRegistry.settings(name, dataDir);
    final Seeded seeded = seedTopic((String) registrySettings.get(RegistryConfig.TOPIC), settings);
    try (TestRegistry registry = TestRegistry.start(registrySettings);
        BareServer bare = BareServer.start(sample(registry.client(), seeded))) {
      final URI oursBase = URI.create("http://127.0.0.1:" + registry.registry().ports().get(0));
      final List<Load> loads = new ArrayList<>();
      addLoads(loads, "ksr", oursBase, seeded, settings);
      loads.add(
          new Load(
              "bare Javalin",
              CONSTANT + " (" + bare.body().length + " bytes)",
              URI.create("http://127.0.0.1:" + bare.port()),
              List.of(BareServer.PATH),
              settings.connections()));
      if (settings.peerUrl() != null) {
        final URI peerBase = URI.create(settings.peerUrl());
        addLoads(
            loads,
            "peer",
            peerBase,
            seedOverHttp(settings.peerUrl(), settings.peerIds()),
            settings);
      }
      return measure(loads, settings);
    }
  }

  private static void addLoads(
      final List<Load> loads,
      final String server,
      final URI base,
      final Seeded seeded,
      final Settings settings) {
    final int connections = settings.connections();
    loads.add(new Load(server, BY_ID, base, byId(base, seeded), connections));
    loads.add(new Load(server, LATEST, base, latest(base, seeded), connections));
    final int known = Math.min(settings.knownSchemas(), seeded.subjects().size());
    final int knownConnections = settings.knownConnections();
    loads.add(
        new Load(
            server,
            REGISTER_KNOWN,
            base,
            known(base, seeded, known, "/versions"),
            knownConnections));
    loads.add(new Load(server, LOOKUP, base, known(base, seeded, known, ""), knownConnections));
  }

  /** The median figures of the row for {@code server} and {@code request}. */
  static LoadGenerator.Result find(
      final List<Row> rows, final String server, final String request) {
    return rows.stream()
        .filter(row -> row.server().equals(server) && row.request().startsWith(request))
        .findFirst()
        .map(Row::median)
        .orElse(null);
  }

  private static List<Row> measure(final List<Load> loads, final Settings settings) {
    final Map<Load, List<LoadGenerator.Result>> results = new LinkedHashMap<>();
    for (int round = 0; round < settings.rounds(); round++) {
      for (final Load load : loads) {
        results
            .computeIfAbsent(load, unused -> new ArrayList<>())
            .add(
                LoadGenerator.launch(
                    load.base().getHost(),
                    load.base().getPort(),
                    load.paths(),
                    load.connections(),
                    settings.warmup(),
                    settings.measure()));
      }
    }
    final List<Row> rows = new ArrayList<>();
    results.forEach(
        (load, rounds) ->
            rows.add(
                new Row(
                    load.server(),
                    load.request(),
                    load.paths().size(),
                    load.connections(),
                    median(rounds))));
    return rows;
  }

  private static LoadGenerator.Result median(final List<LoadGenerator.Result> rounds) {
    return new LoadGenerator.Result(
        (long) median(rounds, LoadGenerator.Result::requests),
        (long) median(rounds, LoadGenerator.Result::failures),
        median(rounds, LoadGenerator.Result::perSecond),
        median(rounds, LoadGenerator.Result::p50),
        median(rounds, LoadGenerator.Result::p99),
        median(rounds, LoadGenerator.Result::p999));
  }

  private static double median(
      final List<LoadGenerator.Result> rounds,
      final ToDoubleFunction<LoadGenerator.Result> figure) {
    final double[] values = rounds.stream().mapToDouble(figure).sorted().toArray();
    return values[values.length / 2];
  }

  private static List<String> byId(final URI base, final Seeded seeded) {
    return Arrays.stream(seeded.ids())
        .mapToObj(id -> base.getRawPath() + "/schemas/ids/" + id)
        .toList();
  }

  /** Posts of the first {@code count} seeded schemas to their subjects, plus {@code suffix}. */
  private static List<String> known(
      final URI base, final Seeded seeded, final int count, final String suffix) {
    final List<String> posts = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      posts.add(
          LoadGenerator.post(
              base.getRawPath() + "/subjects/" + seeded.subjects().get(n) + suffix,
              RestClient.schemaBody(schema(n))));
    }
    return posts;
  }

  private static List<String> latest(final URI base, final Seeded seeded) {
    return seeded.subjects().stream()
        .map(subject -> base.getRawPath() + "/subjects/" + subject + "/versions/latest")
        .toList();
  }

  /**
   * Writes schema n under subject n with id n + 1, as Confluent's registry writes its topic: the
   * state the registry reads at start is the same as after registering them one by one, which over
   * HTTP takes minutes that are not what is measured here.
   */
  private static Seeded seedTopic(final String topic, final Settings settings) throws Exception {
    final List<RawTopics.Text> records = new ArrayList<>();
    final String[] subjects = new String[settings.ids()];
    final int[] ids = new int[settings.ids()];
    for (int n = 0; n < settings.ids(); n++) {
      subjects[n] = subject(n);
      ids[n] = n + 1;
      records.add(
          new RawTopics.Text(
              "{\"keytype\":\"SCHEMA\",\"subject\":\""
                  + subjects[n]
                  + "\",\"version\":1,\"magic\":1}",
              "{\"subject\":\""
                  + subjects[n]
                  + "\",\"version\":1,\"id\":"
                  + ids[n]
                  + ",\"schema\":"
                  + RestClient.schemaBody(schema(n)).substring("{\"schema\":".length())));
    }
    RawTopics.create(topic, 1, Map.of("cleanup.policy", "compact"));
    RawTopics.produce(topic, records);
    return new Seeded(List.of(subjects), ids);
  }

  /** A response of the registry to {@code GET /schemas/ids/{id}}, checking the last id is read. */
  private static RestClient.Response sample(final RestClient registry, final Seeded seeded) {
    final int[] ids = seeded.ids();
    final RestClient.Response last = registry.get("/schemas/ids/" + ids[ids.length - 1]);
    assertEquals(200, last.status(), last.body());
    final RestClient.Response middle = registry.get("/schemas/ids/" + ids[ids.length / 2]);
    assertEquals(200, middle.status(), middle.body());
    return middle;
  }

  /**
   * Registers {@code count} distinct schemas, each under its own subject, with several clients. A
   * registration that fails is sent again: registering the same schema again is harmless.
   */
  private static Seeded seedOverHttp(final String base, final int count) {
    final RestClient registry = new RestClient(base);
    final String[] subjects = new String[count];
    final int[] ids = new int[count];
    final AtomicInteger next = new AtomicInteger();
    final long start = System.nanoTime();
    final ExecutorService clients = Executors.newFixedThreadPool(SEEDING_CLIENTS);
    try {
      final List<Future<?>> done = new ArrayList<>();
      for (int c = 0; c < SEEDING_CLIENTS; c++) {
        done.add(
            clients.submit(
                () -> {
                  for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    subjects[n] = subject(n);
                    ids[n] = register(registry, subjects[n], schema(n));
                  }
                }));
      }
      for (final Future<?> client : done) {
        client.get();
      }
    } catch (final Exception e) {
      throw new IllegalStateException("seeding " + base + " failed", e);
    } finally {
      clients.shutdownNow();
    }
    System.out.printf(
        "Registered %d schemas at %s in %.1f s%n", count, base, (System.nanoTime() - start) / 1e9);
    return new Seeded(List.of(subjects), ids);
  }

  private static int register(
      final RestClient registry, final String subject, final String schema) {
    RestClient.Response response = null;
    for (int attempt = 0; attempt < SEEDING_ATTEMPTS; attempt++) {
      response = registry.post("/subjects/" + subject + "/versions", RestClient.schemaBody(schema));
      if (response.status() == 200) {
        return response.json().get("id").asInt();
      }
    }
    throw new IllegalStateException("could not register " + subject + ": " + response.body());
  }

  private static String subject(final int n) {
    return "read-bench-" + n + "-value";
  }

  /** Schema n: a small record, as most schemas read by serializers are. */
  static String schema(final int n) {
    return "{\"type\":\"record\",\"name\":\"Reading"
        + n
        + "\",\"namespace\":\"io.ksr.bench\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"},"
        + "{\"name\":\"label\",\"type\":\"string\"},{\"name\":\"value\",\"type\":\"double\"}]}";
  }
}
