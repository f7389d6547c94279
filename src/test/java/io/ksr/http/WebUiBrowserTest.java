package io.ksr.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ksr.testkit.HeadlessChromium;
import io.ksr.testkit.RestClient;
import io.ksr.testkit.RestClient.Response;
import io.ksr.testkit.TestKafka;
import io.ksr.testkit.TestRegistry;
import io.ksr.testkit.Wait;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The web page at {@code /ui/}, as headless Chromium shows it against a running registry. */
@Tag("integration")
@ExtendWith(TestKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiBrowserTest {
  private static final String ORDERS = "orders-value";
  private static final String NESTED = "team/a/customers";
  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  private static final String ORDER_V1 =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"int\"}]}";
  private static final String ORDER_V2 =
      "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
          + "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"amount\",\"type\":\"long\"},"
          + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"\"}]}";

  private static final String CUSTOMER =
      "{\"type\":\"record\",\"name\":\"Customer\","
          + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"}]}";

  @TempDir static Path dir;
  private TestRegistry registry;
  private RestClient client;
  private String writer;

  @BeforeAll
  void startRegistry() {
    registry = TestRegistry.start(TestRegistry.settings("web-ui", dir));
    client = registry.client();
    assertEquals(
        200,
        client
            .put(path(ORDERS, "/config/"), "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}")
            .status());
    register(ORDERS, ORDER_V1);
    register(ORDERS, ORDER_V2);
    register(NESTED, CUSTOMER);
    register(HOSTILE, "{\"type\":\"int\"}");
    Wait.until(
        "the registry to name its writer",
        Duration.ofSeconds(30),
        () -> !client.get("/v1/metadata/id").json().get("writer").isNull());
    writer = client.get("/v1/metadata/id").json().get("writer").asText();
  }

  @AfterAll
  void stopRegistry() {
    registry.close();
  }

  @Test
  void shouldServeThePageFromTheJar() {
    final Response redirect = client.get("/ui");
    assertEquals(301, redirect.status());
    // Relative, so that it also works behind a proxy that adds a path prefix.
    final String location = redirect.headers().firstValue("Location").orElseThrow();
    assertEquals("/prefix/ui/", URI.create("http://proxy/prefix/ui").resolve(location).getPath());

    // A browser asks for text/html, which Confluent's content negotiation would refuse.
    final Response page = client.request("GET", "/ui/", null, "Accept", "text/html");
    assertEquals(200, page.status(), page.body());
    assertTrue(page.contentType().startsWith("text/html;"), page.contentType());
    assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\">"), page.body());
    assertTrue(
        page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src"));

    final Response script = client.get("/ui/app.js");
    assertEquals(200, script.status());
    assertTrue(script.contentType().startsWith("text/javascript;"), script.contentType());
    assertEquals(200, client.get("/ui/style.css").status());

    assertEquals(404, client.get("/ui/missing.js").status());
    assertEquals(404, client.get("/ui/..%2Fksr-version.properties").status());
  }

  @Test
  void shouldListAndSearchSubjectsAndNameTheWriter() throws Exception {
    final String all = show("#/");
    assertTrue(all.contains("<dd id=\"writer\">" + writer + "</dd>"), all);
    assertTrue(all.contains("<strong id=\"global-compatibility\">BACKWARD</strong>"), all);
    assertTrue(all.contains(">" + ORDERS + "</a>"), all);
    assertTrue(all.contains("<a href=\"#/subjects/team%2Fa%2Fcustomers\">" + NESTED + "</a>"), all);
    // Subjects are text on the page, never markup.
    assertTrue(all.contains(">&lt;img src=x onerror=alert(1)&gt;</a>"), all);
    assertFalse(all.contains("<img"), all);

    final String searched = show("#/?q=ORD");
    assertTrue(searched.contains("value=\"ORD\""), searched);
    assertTrue(searched.contains(">" + ORDERS + "</a>"), searched);
    assertFalse(searched.contains(">" + NESTED + "</a>"), searched);
    assertTrue(searched.contains("1 of 3 subjects match"), searched);
  }

  @Test
  void shouldShowASubjectsVersionsWithTheSchemaPrettyPrinted() throws Exception {
    final String orders = show("#/subjects/" + ORDERS);
    assertTrue(orders.contains("<h2 id=\"subject\">" + ORDERS + "</h2>"), orders);
    assertTrue(
        orders.contains(
            "<strong id=\"compatibility\">BACKWARD_TRANSITIVE</strong> (set for this subject)"),
        orders);
    assertTrue(orders.contains("<a href=\"#/subjects/orders-value/versions/1\">1</a>"), orders);
    assertTrue(
        orders.contains(
            "<a href=\"#/subjects/orders-value/versions/2\" aria-current=\"page\">2</a>"),
        orders);
    assertTrue(orders.contains("<h3 id=\"version\">Version 2</h3>"), orders);
    assertTrue(
        orders.contains(
            String.join(
                "\n",
                "    {",
                "      \"name\": \"amount\",",
                "      \"type\": \"long\"",
                "    },",
                "    {",
                "      \"name\": \"note\",",
                "      \"type\": \"string\",",
                "      \"default\": \"\"",
                "    }")),
        orders);

    final String nested = show("#/subjects/team%2Fa%2Fcustomers/versions/1");
    assertTrue(nested.contains("<h2 id=\"subject\">" + NESTED + "</h2>"), nested);
    assertTrue(
        nested.contains("<strong id=\"compatibility\">BACKWARD</strong> (the default)"), nested);
    assertTrue(
        nested.contains(
            "<pre id=\"schema\" class=\"schema\">{\n"
                + "  \"type\": \"record\",\n"
                + "  \"name\": \"Customer\","),
        nested);
  }

  @Test
  void shouldMarkRemovedAndAddedLinesBetweenTwoVersions() throws Exception {
    final String diff = show("#/subjects/" + ORDERS + "/diff/1/2");
    assertTrue(diff.contains("Version 1 compared with version 2"), diff);
    assertTrue(diff.contains("6 lines added, 1 line removed"), diff);
    assertTrue(diff.contains("<td class=\"line removed\">      \"type\": \"int\"</td>"), diff);
    assertTrue(diff.contains("<td class=\"line added\">      \"type\": \"long\"</td>"), diff);
    assertTrue(diff.contains("<td class=\"line added\">      \"name\": \"note\",</td>"), diff);
    assertTrue(diff.contains("<td class=\"line same\">      \"name\": \"amount\",</td>"), diff);
  }

  /** The page's DOM once it has shown the view at {@code hash}. */
  private String show(final String hash) throws Exception {
    final HeadlessChromium chromium =
        HeadlessChromium.find(Files.createDirectories(dir.resolve("browser"))).orElse(null);
    Assumptions.assumeTrue(
        chromium != null,
        "Chromium is not installed, so the web page is not tested in a browser: "
            + "apt-get install --no-install-recommends chromium");
    final long started = System.nanoTime();
    final String dom =
        chromium.dumpDom("http://127.0.0.1:" + registry.registry().ports().get(0) + "/ui/" + hash);
    System.out.printf(
        "Chromium showed %s in %d ms%n", hash, (System.nanoTime() - started) / 1_000_000);
    assertTrue(dom.contains("<body data-state=\"ready\">"), dom);
    return dom;
  }

  private void register(final String subject, final String schema) {
    final Response registered =
        client.post(path(subject, "/subjects/") + "/versions", RestClient.schemaBody(schema));
    assertEquals(200, registered.status(), registered.body());
  }

  private static String path(final String subject, final String prefix) {
    return prefix + URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
