package dev.tend.control.server;

import dev.tend.api.FaultException;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * supervisord's web interface at its URLs ({@code /}, {@code /index.html}, {@code /tail.html},
 * {@code /ok.html}) with its features, made safe (docs/WEB.md): a GET never changes anything,
 * supervisord's action links ({@code index.html?processname=x&action=stop}) answer with a page that
 * asks to confirm by a form; actions are POSTs that must come from this server's own page (not
 * cross-site by {@code Sec-Fetch-Site} or {@code Origin}) and carry the token of the browser's
 * session cookie ({@link WebSession}). Pages forbid framing and any script or style not from here.
 */
final class WebPages implements Route {
  private static final Logger log = LoggerFactory.getLogger(WebPages.class);

  /** Sent with every page and asset. */
  static final String[] GUARD_HEADERS = {
    "Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self';"
        + " img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none';"
        + " base-uri 'none'",
    "X-Frame-Options: DENY",
    "X-Content-Type-Options: nosniff",
    // not no-referrer: with it, a form's POST carries "Origin: null", which reads as cross-site
    "Referrer-Policy: same-origin",
    "Cache-Control: no-store"
  };

  private static final String HTML = "text/html; charset=utf-8";
  private static final int MAX_MESSAGE = 500;

  private final SupervisorApi api;
  private final WebSession sessions;
  private final WebActions actions;
  private final byte[] css = resource("tend.css");
  private final byte[] script = resource("tend.js");

  WebPages(SupervisorApi api) {
    this(api, new SecureRandom(), Clock.systemDefaultZone());
  }

  WebPages(SupervisorApi api, SecureRandom random, Clock clock) {
    this.api = api;
    this.sessions = new WebSession(random);
    this.actions = new WebActions(api, clock);
  }

  @Override
  public void serve(Exchange ex) throws IOException, HttpError {
    if (BrowserGuard.rebound(ex.listener().url(), ex.header("host"))) {
      log.info("web page refused: a loopback listener asked for another host name");
      refuse(ex, HttpStatus.FORBIDDEN, "Refused: this server answers to a loopback address only.");
      return;
    }
    String path = ex.path();
    boolean read = ex.method().equals("GET") || ex.method().equals("HEAD");
    boolean index = path.equals("/") || path.equals("/index.html");
    if (index && ex.method().equals("POST")) {
      post(ex);
    } else if (!read) {
      ex.error(HttpStatus.BAD_REQUEST);
    } else if (index) {
      index(ex);
    } else if (path.equals("/tail.html")) {
      tail(ex);
    } else if (path.equals("/ok.html")) {
      ex.respond(HttpStatus.OK, HTML, "OK".getBytes(StandardCharsets.US_ASCII), GUARD_HEADERS);
    } else if (path.equals("/stylesheets/tend.css")) {
      ex.respond(HttpStatus.OK, "text/css; charset=utf-8", css, GUARD_HEADERS);
    } else if (path.equals("/scripts/tend.js")) {
      ex.respond(HttpStatus.OK, "text/javascript; charset=utf-8", script, GUARD_HEADERS);
    } else {
      ex.error(HttpStatus.NOT_FOUND);
    }
  }

  private void index(Exchange ex) throws IOException {
    Map<String, String> q = FollowStream.query(ex.query());
    Session s = session(ex);
    String action = q.getOrDefault("action", "");
    String message = q.getOrDefault("message", "");
    if (action.equals(WebActions.REFRESH)) {
      message = "Page refreshed at " + actions.now();
    } else if (ConfirmPage.asks(action)) {
      String body =
          ConfirmPage.render(action, q.getOrDefault("processname", ""), s.token, version());
      page(ex, s, body);
      return;
    }
    if (message.length() > MAX_MESSAGE) {
      message = message.substring(0, MAX_MESSAGE) + "…";
    }
    // the cursor first: a change after it, even one made while the page is read, wakes the script
    long cursor = api.waitForChanges(0, Duration.ZERO).cursor();
    String body =
        StatusPage.render(
            new StatusPage.Model(
                cursor,
                api.getState(),
                api.getAllProcessInfo(),
                api.getIdentification(),
                version(),
                s.token,
                q.getOrDefault("filter", ""),
                message));
    page(ex, s, body);
  }

  private void tail(Exchange ex) throws IOException {
    Map<String, String> q = FollowStream.query(ex.query());
    Session s = session(ex);
    String name = q.getOrDefault("processname", "");
    LogStream stream =
        q.getOrDefault("stream", "").equals("stderr") ? LogStream.STDERR : LogStream.STDOUT;
    int limit = TailPage.limit(q.getOrDefault("limit", ""));
    String text = "";
    String error = "";
    if (name.isEmpty()) {
      error = "No process name found";
    } else {
      try {
        byte[] bytes = api.readProcessLog(name, stream, -limit, 0);
        text = new String(bytes, StandardCharsets.UTF_8);
      } catch (FaultException e) {
        error =
            switch (Objects.requireNonNullElse(e.fault(), dev.tend.api.Fault.FAILED)) {
              case NO_FILE -> "No file for " + name;
              case BAD_NAME -> "No such process named " + name;
              default -> "ERROR: unexpected rpc fault [" + e.code() + "] " + e.faultString();
            };
      }
    }
    String body =
        TailPage.render(
            new TailPage.Model(
                name, stream, limit, text, error, api.getIdentification(), version()));
    page(ex, s, body);
  }

  private void post(Exchange ex) throws IOException, HttpError {
    String crossSite = BrowserGuard.crossSite(ex);
    if (crossSite != null) {
      log.info("web action refused: cross-site ({})", crossSite);
      refuse(
          ex,
          HttpStatus.FORBIDDEN,
          // the server's own words, never the request's (as the XML-RPC refusals)
          "Refused: this request came from another site (its Origin or Sec-Fetch-Site header"
              + " says so).");
      return;
    }
    if (!formBody(ex.header("content-type"))) {
      refuse(ex, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Refused: not a form.");
      return;
    }
    RequestInput.Body body = ex.body();
    Map<String, String> form;
    try {
      form = FollowStream.query(new String(body.bytes(), 0, body.length(), StandardCharsets.UTF_8));
    } finally {
      ex.releaseBody();
    }
    if (!sessions.valid(WebSession.id(ex.header("cookie")), form.get("token"))) {
      log.info("web action refused: no valid session token");
      refuse(
          ex,
          HttpStatus.FORBIDDEN,
          "Refused: this form is out of date or did not come from this page. Reload the page.");
      return;
    }
    String message = actions.run(form);
    if (message == null) {
      refuse(ex, HttpStatus.BAD_REQUEST, "Refused: the form names no action.");
      return;
    }
    String filter = form.getOrDefault("filter", "");
    String location =
        "index.html?message="
            + Html.queryValue(message)
            + (filter.isEmpty() ? "" : "&filter=" + Html.queryValue(filter));
    ex.respond(
        HttpStatus.SEE_OTHER, HTML, new byte[0], with(GUARD_HEADERS, "Location: " + location));
  }

  /** A short page saying why a POST was refused, with a way back. */
  private void refuse(Exchange ex, int status, String why) throws IOException {
    StringBuilder b = new StringBuilder(1024);
    Html.open(b, "Refused", "refused");
    b.append("<div id=\"message\" class=\"status_msg error\" role=\"alert\">")
        .append(Html.text(why))
        .append(
            "</div>\n<p><a class=\"button\" href=\"index.html\">Back to the status page</a></p>\n");
    Html.close(b, version());
    ex.respond(status, HTML, b.toString().getBytes(StandardCharsets.UTF_8), GUARD_HEADERS);
  }

  static boolean formBody(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String media = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
    return media.equalsIgnoreCase("application/x-www-form-urlencoded");
  }

  /** The browser's session and its form token; a new one when the browser has none. */
  private record Session(String id, String token, boolean isNew) {}

  private Session session(Exchange ex) {
    String id = WebSession.id(ex.header("cookie"));
    if (id == null) {
      String fresh = sessions.newId();
      return new Session(fresh, sessions.token(fresh), true);
    }
    return new Session(id, sessions.token(id), false);
  }

  private void page(Exchange ex, Session s, String body) throws IOException {
    String[] headers = s.isNew ? with(GUARD_HEADERS, WebSession.setCookie(s.id)) : GUARD_HEADERS;
    ex.respond(HttpStatus.OK, HTML, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  private String version() {
    return api.capabilities().server();
  }

  private static String[] with(String[] headers, String more) {
    String[] out = java.util.Arrays.copyOf(headers, headers.length + 1);
    out[headers.length] = more;
    return out;
  }

  private static byte[] resource(String name) {
    try (InputStream in = WebPages.class.getResourceAsStream("web/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource web/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
