package dev.tend.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (the Debian package) driven through chromedriver's W3C WebDriver protocol,
 * plain HTTP and JSON: no Selenium. One browser session per instance, in its own profile directory;
 * closing it ends the session, chromedriver and every process under it, so no chromium is left
 * behind.
 */
public final class Chromium implements AutoCloseable {
  private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  private static final Path BROWSER = Path.of("/usr/bin/chromium");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private String session = "";

  private Chromium(Process driver, int port) {
    this.driver = driver;
    this.base = "http://127.0.0.1:" + port;
  }

  /**
   * Starts chromedriver and a headless browser with its profile under {@code dir}.
   *
   * @param javascript false to start the browser with scripts disabled
   */
  public static Chromium start(Path dir, boolean javascript) throws IOException {
    TestDependency.require("chromium");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process p =
        new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("chromedriver.log").toFile())
            .start();
    Chromium c = new Chromium(p, port);
    try {
      Await.until("chromedriver to answer", Duration.ofSeconds(20), c::ready);
      c.newSession(dir.resolve("profile"), javascript);
    } catch (RuntimeException | Error e) {
      c.close();
      throw e;
    }
    return c;
  }

  private boolean ready() {
    if (!driver.isAlive()) {
      throw new AssertionError("chromedriver exited with " + driver.exitValue());
    }
    try {
      Object v = value(send("GET", "/status", null));
      return v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("ready"));
    } catch (RuntimeException e) {
      return false;
    }
  }

  private void newSession(Path profile, boolean javascript) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--password-store=basic",
                "--user-data-dir=" + profile,
                "--window-size=1280,800"));
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("binary", BROWSER.toString());
    options.put("args", args);
    if (!javascript) {
      options.put("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    Map<String, Object> caps = Map.of("browserName", "chrome", "goog:chromeOptions", options);
    Object v = value(send("POST", "/session", Map.of("capabilities", Map.of("alwaysMatch", caps))));
    session = (String) ((Map<?, ?>) v).get("sessionId");
  }

  /** Loads a page and waits for it to be loaded. */
  public void open(String url) {
    command("POST", "/url", Map.of("url", url));
  }

  public String url() {
    return (String) command("GET", "/url", null);
  }

  /** The first element matching a CSS selector; fails when there is none. */
  public String find(String css) {
    Object v = command("POST", "/element", Map.of("using", "css selector", "value", css));
    return (String) ((Map<?, ?>) v).get(ELEMENT);
  }

  /** How many elements match a CSS selector. */
  public int count(String css) {
    Object v = command("POST", "/elements", Map.of("using", "css selector", "value", css));
    return ((List<?>) v).size();
  }

  public void click(String css) {
    onElement(css, "POST", "/click", Map.of());
  }

  public void type(String css, String text) {
    onElement(css, "POST", "/value", Map.of("text", text));
  }

  /** The rendered text of an element, as a person sees it. */
  public String text(String css) {
    return (String) onElement(css, "GET", "/text", null);
  }

  /** An attribute of the first element matching a CSS selector, or null. */
  public String attribute(String css, String name) {
    return (String) onElement(css, "GET", "/attribute/" + name, null);
  }

  /**
   * A command on the element a selector finds. A page that re-renders (the status page swaps its
   * table when the daemon reports a change) may replace the element between finding it and the
   * command; then it is found again.
   */
  private Object onElement(String css, String method, String path, Object body) {
    for (int attempt = 1; ; attempt++) {
      try {
        return command(method, "/element/" + find(css) + path, body);
      } catch (IllegalStateException e) {
        if (attempt == 5 || !String.valueOf(e.getMessage()).contains("stale element")) {
          throw e;
        }
      }
    }
  }

  /** Runs a script in the page (its body: {@code return ...}); its result as JSON values. */
  public Object script(String body, Object... args) {
    return command("POST", "/execute/sync", Map.of("script", body, "args", List.of(args)));
  }

  /** A Chrome DevTools command on the page (emulation, network headers). */
  public Object devtools(String cmd, Map<String, Object> params) {
    return command("POST", "/goog/cdp/execute", Map.of("cmd", cmd, "params", params));
  }

  /** Every request of the page from now on carries these headers (e.g. basic auth). */
  public void extraHeaders(Map<String, Object> headers) {
    devtools("Network.enable", Map.of());
    devtools("Network.setExtraHTTPHeaders", Map.of("headers", headers));
  }

  /** Lays the page out as on a screen of this size (a phone: mobile = true). */
  public void screen(int width, int height, boolean mobile) {
    devtools(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
  }

  /** A PNG of the viewport. */
  public byte[] screenshot() {
    return Base64.getDecoder().decode((String) command("GET", "/screenshot", null));
  }

  private Object command(String method, String path, Object body) {
    return value(send(method, "/session/" + session + path, body));
  }

  private static Object value(Map<?, ?> response) {
    Object v = response.get("value");
    if (v instanceof Map<?, ?> m && m.get("error") instanceof String error) {
      throw new IllegalStateException("WebDriver: " + error + ": " + m.get("message"));
    }
    return v;
  }

  private Map<?, ?> send(String method, String path, Object body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json; charset=utf-8");
      b.method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
    }
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return (Map<?, ?>) Json.parse(r.body());
    } catch (IOException e) {
      throw new IllegalStateException("chromedriver: " + method + " " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  @Override
  public void close() {
    List<ProcessHandle> tree = driver.descendants().toList();
    try {
      if (!session.isEmpty() && driver.isAlive()) {
        send("DELETE", "/session/" + session, null);
      }
    } catch (RuntimeException e) {
      // the processes go below anyway
    } finally {
      driver.destroy();
      tree.forEach(ProcessHandle::destroyForcibly);
      try {
        if (!driver.waitFor(10, TimeUnit.SECONDS)) {
          driver.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      http.close();
    }
  }
}
