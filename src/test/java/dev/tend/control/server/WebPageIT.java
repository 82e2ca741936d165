package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.tend.testing.Await;
import dev.tend.testing.Chromium;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web page in a real browser (headless Chromium through chromedriver) against a real {@code
 * tend daemon} with real children, on an {@code [inet_http_server]} with basic auth on a free
 * loopback port: clicking stop and start, state pushed without a reload, a log followed, names and
 * log text that look like HTML shown as text, the page with scripts disabled, and a page of another
 * site trying to act through the visitor's browser. Each test has a program of its own. Writes the
 * screenshots to target/screenshots (bin/web-screenshots copies them to screenshots/).
 */
class WebPageIT {
  private static final String USER = "admin";
  private static final String PASSWORD = "s3cret";
  private static final String AUTH =
      "Basic "
          + Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  private static final String PROGRAMS =
      """
      [program:victim]
      command=sleep 1000
      startsecs=0
      [program:plain]
      command=sleep 1000
      startsecs=0
      [program:target]
      command=sleep 1000
      startsecs=0
      [program:talker]
      command=sh -c 'i=0; while true; do i=$((i+1)); echo "tick-$i <script>window.pwned=1</script>"; sleep 0.2; done'
      startsecs=0
      [program:<b>bold]
      command=sleep 1000
      startsecs=0
      [program:member]
      command=sleep 1000
      startsecs=0
      autostart=false
      [group:grp]
      programs=<b>bold,member
      """;

  @TempDir static Path dir;
  private static ReferenceSupervisord daemon;
  private static String base;
  private static RpcClient rpc;
  // one browser with scripts, one without, started while the daemon starts; shared by the tests
  private static Chromium browser;
  private static Chromium plainBrowser;

  @BeforeAll
  static void start() throws Exception {
    TestDependency.require("chromium");
    CompletableFuture<Chromium> js = CompletableFuture.supplyAsync(() -> browser("js", true));
    CompletableFuture<Chromium> plain =
        CompletableFuture.supplyAsync(() -> browser("plain", false));
    try {
      startDaemon();
    } finally {
      browser = js.get(60, TimeUnit.SECONDS);
      plainBrowser = plain.get(60, TimeUnit.SECONDS);
    }
  }

  private static void startDaemon() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    base = "http://127.0.0.1:" + port;
    daemon =
        ReferenceSupervisord.startTend(
            dir.resolve("tend"),
            PROGRAMS,
            "[inet_http_server]\nport=127.0.0.1:"
                + port
                + "\nusername="
                + USER
                + "\npassword="
                + PASSWORD
                + "\n");
    Await.until("the inet listener", Duration.ofSeconds(30), () -> answers(base));
    rpc = new RpcClient(base, "Authorization: " + AUTH);
    for (String p : List.of("victim", "plain", "target", "talker")) {
      Await.until(p + " running", () -> state(p).equals("RUNNING"));
    }
  }

  @AfterAll
  static void stop() throws IOException {
    for (Chromium c : new Chromium[] {browser, plainBrowser}) {
      if (c != null) {
        c.close();
      }
    }
    if (rpc != null) {
      rpc.close();
    }
    if (daemon != null) {
      daemon.close();
    }
  }

  private static boolean answers(String url) {
    try (RawHttp http = RawHttp.to(url)) {
      http.send(RawHttp.get("/ok.html", "Authorization: " + AUTH));
      return http.read().status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private static String state(String name) {
    return (String) ((Map<?, ?>) rpc.call("supervisor.getProcessInfo", name)).get("statename");
  }

  private static Object pid(String name) {
    return ((Map<?, ?>) rpc.call("supervisor.getProcessInfo", name)).get("pid");
  }

  private static Chromium browser(String name, boolean javascript) {
    try {
      Chromium c = Chromium.start(Files.createDirectories(dir.resolve(name)), javascript);
      c.extraHeaders(Map.of("Authorization", AUTH));
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String row(String name) {
    return "tr.proc[data-name='" + name + "']";
  }

  /** Waits for a row to show a state; the row may be replaced by the script while it is read. */
  private static void awaitRow(Chromium c, String name, String state) {
    Await.value(
        name + " shown " + state,
        Duration.ofSeconds(20),
        () ->
            String.valueOf(
                c.script(
                    "const r = [...document.querySelectorAll('tr.proc')]"
                        + ".find(r => r.dataset.name === arguments[0]);"
                        + " return r ? r.dataset.state : null;",
                    name)),
        state::equals);
  }

  @Test
  void clickingStopAndStartAndChangesFromElsewhereShowWithoutReload() throws Exception {
    {
      Chromium c = browser;
      c.open(base + "/");
      Await.until("the page to go live", () -> "1".equals(c.attribute("body", "data-live")));
      c.script("window.sentinel = 42;");
      assertEquals("RUNNING", c.attribute(row("victim"), "data-state"));

      c.click(row("victim") + " button[name=stop]");
      awaitRow(c, "victim", "STOPPED");
      assertEquals("STOPPED", state("victim"));
      Await.until("the message", () -> c.text("#message").equals("Process victim stopped"));
      c.click(row("victim") + " button[name=start]");
      awaitRow(c, "victim", "RUNNING");
      assertEquals("RUNNING", state("victim"));

      rpc.call("supervisor.stopProcess", "talker", true); // a change the page did not make
      awaitRow(c, "talker", "STOPPED");
      rpc.call("supervisor.startProcess", "talker", true);
      awaitRow(c, "talker", "RUNNING");
      assertEquals(42.0, c.script("return window.sentinel;"), "the page was reloaded");

      assertEquals("grp:<b>bold", c.text(row("grp:<b>bold") + " td.name"));
      assertEquals(0, c.count("td.name b"), "a name was read as HTML");
      assertEquals("grp", c.attribute("tbody.group", "data-group"));

      c.type("#filter", "vic");
      Await.until("the filter", () -> visibleRows(c).equals(List.of("victim")));
      c.script(
          "const f = document.getElementById('filter'); f.value = '';"
              + " f.dispatchEvent(new Event('input'));");
      screenshots(c);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> visibleRows(Chromium c) {
    return (List<String>)
        c.script(
            "return [...document.querySelectorAll('tr.proc')].filter(r => !r.hidden && "
                + "r.offsetParent !== null).map(r => r.dataset.name);");
  }

  private static void screenshots(Chromium c) throws IOException {
    Path out = Files.createDirectories(Path.of("target", "screenshots"));
    Files.write(out.resolve("web-status.png"), c.screenshot());
    c.screen(390, 844, true);
    c.open(base + "/");
    Await.until("the phone page", () -> "1".equals(c.attribute("body", "data-live")));
    Files.write(out.resolve("web-status-phone.png"), c.screenshot());
    c.screen(1280, 800, false);
  }

  @Test
  void theTailFollowsTheLogAndShowsItsHtmlAsText() throws Exception {
    {
      Chromium c = browser;
      c.open(base + "/tail.html?processname=talker");
      Await.until("the follow", () -> "1".equals(c.attribute("body", "data-following")));
      int seen = lastTick(c.text("#log"));
      Await.until("new lines", Duration.ofSeconds(20), () -> lastTick(c.text("#log")) >= seen + 3);
      String log = c.text("#log");
      assertTrue(log.contains("<script>window.pwned=1</script>"), log);
      assertEquals(0, c.count("#log script"));
      assertNull(c.script("return window.pwned === undefined ? null : window.pwned;"));
      assertTrue(c.url().endsWith("/tail.html?processname=talker"), "no reload: " + c.url());
      Path out = Files.createDirectories(Path.of("target", "screenshots"));
      Files.write(out.resolve("web-tail.png"), c.screenshot());
    }
  }

  private static int lastTick(String text) {
    Matcher m = Pattern.compile("tick-(\\d+)").matcher(text);
    int last = -1;
    while (m.find()) {
      last = Integer.parseInt(m.group(1));
    }
    return last;
  }

  @Test
  void withScriptsDisabledTheFormsStillWorkAndActionLinksOnlyAsk() throws Exception {
    {
      Chromium c = plainBrowser;
      c.open(base + "/index.html?processname=plain&action=stop"); // supervisord's action link
      assertEquals("Stop plain?", c.text("#confirm p"));
      assertEquals("RUNNING", state("plain"), "a GET stopped the program");
      c.click("#confirm button");
      Await.value(
          "the redirect",
          Duration.ofSeconds(20),
          () -> c.url() + " " + c.text("body"),
          page -> page.contains("message="));
      assertEquals("STOPPED", state("plain"));
      assertEquals("STOPPED", c.attribute(row("plain"), "data-state"));
      assertEquals("Process plain stopped", c.text("#message"));
      c.click(row("plain") + " button[name=start]");
      Await.until("the page after start", () -> c.text("#message").equals("Process plain started"));
      assertEquals("RUNNING", c.attribute(row("plain"), "data-state"));
      assertEquals("RUNNING", state("plain"));
      assertNull(c.attribute("body", "data-live"), "the script ran");
    }
  }

  @Test
  void aPageOfAnotherSiteCannotActThroughTheBrowser() throws Exception {
    Object pid = pid("target");
    List<String> reports = new CopyOnWriteArrayList<>();
    HttpServer evil =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    evil.createContext(
        "/",
        ex -> {
          String path = ex.getRequestURI().toString();
          if (path.startsWith("/report")) {
            reports.add(path);
          }
          byte[] body = evilPage(base).getBytes(StandardCharsets.UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/html");
          ex.sendResponseHeaders(200, body.length);
          ex.getResponseBody().write(body);
          ex.close();
        });
    evil.start();
    try {
      Chromium c = browser;
      c.open(base + "/"); // the visitor has a session with the daemon: its cookie is set
      c.open("http://127.0.0.1:" + evil.getAddress().getPort() + "/page");
      Await.until("the other site's requests", () -> !reports.isEmpty());
      Await.until("the cross-site form post", () -> c.url().startsWith(base));
      assertTrue(c.text("#message").startsWith("Refused: this request came from another site"));
      assertTrue(
          reports.get(0).contains("failed") || reports.get(0).contains("opaque"), reports.get(0));
      assertEquals("RUNNING", state("target"));
      assertEquals(pid, pid("target"), "target was restarted");
    } finally {
      evil.stop(0);
    }
  }

  /** Tries every way a page can send to another site: fetches, an image, a form. */
  private static String evilPage(String daemon) {
    String rpcCall =
        "<?xml version='1.0'?><methodCall><methodName>supervisor.stopProcess</methodName>"
            + "<params><param><value><string>target</string></value></param></params>"
            + "</methodCall>";
    return """
        <!DOCTYPE html><html><body>
        <img src="DAEMON/index.html?processname=target&amp;action=stop">
        <form id="f" method="post" action="DAEMON/index.html">
        <input name="stop" value="target"><input name="token" value="guess"></form>
        <script>
        (async () => {
          const tries = [
            ["/index.html", "stop=target&token=guess", "application/x-www-form-urlencoded", "no-cors"],
            ["/RPC2", "CALL", "text/plain", "no-cors"],
            ["/RPC2", "CALL", "text/xml", "cors"],
          ];
          const out = [];
          for (const [path, body, type, mode] of tries) {
            try {
              const r = await fetch("DAEMON" + path, {method: "POST", mode, credentials: "include",
                headers: {"Content-Type": type}, body});
              out.push(path + ":" + r.type + ":" + r.status);
            } catch (e) { out.push(path + ":failed"); }
          }
          await fetch("/report?" + encodeURIComponent(out.join(" ")));
          document.getElementById("f").submit();
        })();
        </script></body></html>
        """
        .replace("DAEMON", daemon)
        .replace("CALL", rpcCall.replace("\"", "'"));
  }
}
