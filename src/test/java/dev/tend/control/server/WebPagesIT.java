package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.HttpAuth;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web pages over a real socket, in front of a recording API: what may change the supervisor
 * (only a same-origin POST of a form with its session's token), what every page sends to keep
 * browsers safe, and that pages sit behind the listener's basic auth.
 */
class WebPagesIT {
  private static final List<String> MUTATING =
      List.of("start", "stop", "clear", "signal", "restart", "shutdown", "sendProcessStdin");

  @TempDir Path dir;
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable c : open) {
      c.close();
    }
  }

  private void start(HttpAuth auth) throws Exception {
    open.add(
        ControlServer.start(
            api,
            ServerConfigs.with(
                List.of(ServerConfigs.unix(dir.resolve("tend.sock"), 0700, auth)),
                List.of(),
                dir.resolve("main.log")),
            messages::add,
            ServerLimits.DEFAULTS,
            new WebPages(api)));
  }

  private RawHttp.Response get(String path, String... headers) throws IOException {
    try (RawHttp http = RawHttp.unix(dir.resolve("tend.sock"))) {
      http.send(RawHttp.get(path, headers));
      return http.read();
    }
  }

  private RawHttp.Response form(String body, String... headers) throws IOException {
    StringBuilder h = new StringBuilder("POST /index.html HTTP/1.1\r\nHost: localhost\r\n");
    h.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length);
    h.append("\r\n");
    for (String x : headers) {
      h.append(x).append("\r\n");
    }
    try (RawHttp http = RawHttp.unix(dir.resolve("tend.sock"))) {
      // one write: a refused request is answered at once, and a second write could find the
      // connection closed
      http.send((h.append("\r\n") + body).getBytes(StandardCharsets.UTF_8));
      return http.read();
    }
  }

  private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

  /** A session as a browser gets it from the status page: the cookie and the form's token. */
  private record Session(String cookie, String token) {}

  private Session session() throws IOException {
    RawHttp.Response r = get("/");
    String setCookie = r.header("set-cookie");
    assertNotNull(setCookie);
    Matcher t = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(r.text());
    assertTrue(t.find(), r.text());
    return new Session("Cookie: " + setCookie.substring(0, setCookie.indexOf(';')), t.group(1));
  }

  private List<String> mutations() {
    return api.calls.stream()
        .filter(c -> MUTATING.stream().anyMatch(m -> c.startsWith(m) || c.contains("." + m)))
        .toList();
  }

  @Test
  void noGetOrHeadChangesAnythingNotEvenSupervisordsActionLinks() throws Exception {
    start(null);
    List<String> paths = new ArrayList<>();
    for (String action : List.of("stop", "start", "restart", "clearlog")) {
      paths.add("/index.html?processname=web&action=" + action);
      paths.add("/?processname=g%3A*&action=" + action);
    }
    paths.addAll(
        List.of(
            "/index.html?action=stopall",
            "/index.html?action=restartall",
            "/index.html?action=refresh",
            "/tail.html?processname=web",
            "/ok.html",
            "/stylesheets/tend.css",
            "/scripts/tend.js"));
    for (String p : paths) {
      assertEquals(200, get(p).status(), p);
      try (RawHttp http = RawHttp.unix(dir.resolve("tend.sock"))) {
        http.send("HEAD " + p + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertEquals(200, http.readHead().status(), "HEAD " + p);
      }
    }
    assertEquals(List.of(), mutations());
    String confirm = get("/index.html?processname=web&action=stop").text();
    assertTrue(confirm.contains("<form id=\"confirm\" class=\"confirm\" method=\"post\""), confirm);
    assertTrue(confirm.contains("<button name=\"stop\" value=\"web\">Stop</button>"), confirm);
  }

  @Test
  void aFormWithItsSessionTokenActsAndRedirectsWithSupervisordsMessage() throws Exception {
    start(null);
    Session s = session();
    RawHttp.Response r = form("token=" + s.token() + "&stop=web&filter=we", FORM, s.cookie());
    assertEquals(303, r.status(), r.text());
    assertEquals("index.html?message=Process+web+stopped&filter=we", r.header("location"));
    assertEquals(List.of("stopProcess(web, true)"), mutations());
    RawHttp.Response group = form("token=" + s.token() + "&start=g%3A*", FORM, s.cookie());
    assertEquals("index.html?message=Group+g+started", group.header("location"));
    RawHttp.Response bad = form("token=" + s.token() + "&start=nosuch", FORM, s.cookie());
    assertEquals("index.html?message=No+such+process+named+nosuch", bad.header("location"));
  }

  @Test
  void aPostWithoutItsSessionsTokenIsRefused() throws Exception {
    start(null);
    Session s = session();
    Session other = session();
    String[][] cases = {
      {"token=" + s.token() + "&stop=web"}, // no cookie
      {"stop=web", s.cookie()}, // no token
      {"token=forged&stop=web", s.cookie()},
      {"token=" + other.token() + "&stop=web", s.cookie()}, // another session's token
      {"token=" + s.token() + "&stop=web", "Cookie: tend_session=" + "A".repeat(43)},
    };
    for (String[] c : cases) {
      String[] headers = new String[c.length];
      headers[0] = FORM;
      System.arraycopy(c, 1, headers, 1, c.length - 1);
      assertEquals(403, form(c[0], headers).status(), String.join(" ", c));
    }
    assertEquals(List.of(), mutations());
  }

  @Test
  void aPostFromAnotherSiteIsRefusedEvenWithAValidToken() throws Exception {
    start(null);
    Session s = session();
    String body = "token=" + s.token() + "&stopall=1";
    for (String h :
        List.of(
            "Origin: http://evil.example",
            "Origin: null",
            "Sec-Fetch-Site: cross-site",
            "Sec-Fetch-Site: same-site")) {
      RawHttp.Response r = form(body, FORM, s.cookie(), h);
      assertEquals(403, r.status(), h);
      assertTrue(r.text().contains("came from another site"), r.text());
    }
    assertEquals(415, form(body, "Content-Type: text/plain", s.cookie()).status());
    assertEquals(List.of(), mutations());
    RawHttp.Response same =
        form(body, FORM, s.cookie(), "Origin: http://localhost", "Sec-Fetch-Site: same-origin");
    assertEquals(303, same.status(), same.text());
    assertEquals(List.of("stopAllProcesses(true)"), mutations());
  }

  @Test
  void everyPageForbidsFramingForeignScriptsAndCaching() throws Exception {
    start(null);
    for (String p : List.of("/", "/tail.html?processname=web", "/index.html?action=stopall")) {
      RawHttp.Response r = get(p);
      assertEquals("DENY", r.header("x-frame-options"), p);
      assertTrue(r.header("content-security-policy").contains("script-src 'self'"), p);
      assertTrue(r.header("content-security-policy").contains("frame-ancestors 'none'"), p);
      assertEquals("nosniff", r.header("x-content-type-options"), p);
      assertEquals("no-store", r.header("cache-control"), p);
      assertTrue(r.header("set-cookie").endsWith("; Path=/; HttpOnly; SameSite=Strict"), p);
    }
    Session s = session();
    assertEquals(null, get("/", s.cookie()).header("set-cookie"), "a session is kept");
  }

  @Test
  void pagesAreBehindTheListenersBasicAuth() throws Exception {
    start(new HttpAuth("user", "pw"));
    String auth =
        "Authorization: Basic "
            + Base64.getEncoder().encodeToString("user:pw".getBytes(StandardCharsets.UTF_8));
    for (String p : List.of("/", "/index.html", "/tail.html?processname=web", "/scripts/tend.js")) {
      assertEquals(401, get(p).status(), p);
      assertEquals(200, get(p, auth).status(), p);
    }
    assertEquals(401, form("stopall=1", FORM).status());
    assertEquals(List.of(), mutations());
  }

  @Test
  void aLoopbackTcpListenerRefusesPagesForAnotherHostName() throws Exception {
    ControlServer server =
        ControlServer.start(
            api,
            ServerConfigs.with(List.of(), List.of(ServerConfigs.inet(null)), dir.resolve("m.log")),
            messages::add,
            ServerLimits.DEFAULTS,
            new WebPages(api));
    open.add(server);
    String url = server.urls().get(0);
    String authority = url.substring("http://".length());
    try (RawHttp http = RawHttp.to(url)) {
      http.send("GET / HTTP/1.1\r\nHost: rebound.example:" + authority.split(":")[1] + "\r\n\r\n");
      assertEquals(403, http.read().status());
    }
    try (RawHttp http = RawHttp.to(url)) {
      http.send("GET / HTTP/1.1\r\nHost: " + authority + "\r\n\r\n");
      assertEquals(200, http.read().status());
    }
  }

  @Test
  void unknownPagePathsAre404AndOtherMethods400() throws Exception {
    start(null);
    assertEquals(404, get("/stylesheets/supervisor.css").status());
    assertEquals(404, get("/images/icon.png").status());
    try (RawHttp http = RawHttp.unix(dir.resolve("tend.sock"))) {
      http.send("PUT /index.html HTTP/1.1\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n");
      assertEquals(400, http.read().status());
    }
  }
}
