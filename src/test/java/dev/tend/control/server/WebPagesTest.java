package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorState;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web pages' HTML and session tokens, without a server. */
class WebPagesTest {
  private static final String EVIL = "<script>alert(1)</script>";

  private static ProcessInfo proc(String group, String name, ProcessState state, String desc) {
    return new ProcessInfo(
        name, group, desc, 1_700_000_000L, 0, 1_700_000_065L, state, "", 0, "", "", 42, 0, 0);
  }

  private static String status(List<ProcessInfo> procs, String filter, String message) {
    return StatusPage.render(
        new StatusPage.Model(
            9, SupervisorState.RUNNING, procs, "ident" + EVIL, "tend 1", "tok", filter, message));
  }

  @Test
  void everythingFromTheConfigTheProcessOrTheRequestIsEscaped() {
    List<ProcessInfo> procs =
        List.of(
            proc("g", "x" + EVIL, ProcessState.FATAL, "<img src=x onerror=alert(2)>"),
            proc("g", "y", ProcessState.RUNNING, "pid 42, uptime 0:01:05"));
    String page =
        status(procs, "", "<b>" + EVIL) + status(procs, "\"><script>alert(3)</script>", "");
    assertFalse(page.contains("<script>alert"), page);
    assertFalse(page.contains("<img"), page);
    assertFalse(page.contains("<b>"), page);
    assertTrue(page.contains("g:x&lt;script&gt;alert(1)&lt;/script&gt;"), page);
    assertTrue(page.contains("value=\"&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;\""), page);
    assertTrue(page.contains("tail.html?processname=g%3Ax%3Cscript%3Ealert%281%29"), page);
    assertTrue(page.contains("logtail/g%3Ax%3Cscript%3Ealert%281%29%3C%2Fscript%3E\""), page);
    String tail =
        TailPage.render(
            new TailPage.Model(
                "n" + EVIL, LogStream.STDOUT, 1024, "out " + EVIL + "\u0000", "", "id", "v"));
    assertFalse(tail.contains("<script>alert"), tail);
    assertTrue(tail.contains("out &lt;script&gt;alert(1)&lt;/script&gt;\uFFFD</pre>"), tail);
    String confirm = ConfirmPage.render("stop", "a\"" + EVIL, "tok", "v");
    assertFalse(confirm.contains("<script>alert"), confirm);
    assertTrue(confirm.contains("value=\"a&quot;&lt;script&gt;"), confirm);
  }

  @Test
  void supervisordsButtonsPerStateAndGroupsUnderTheirHeading() {
    String page =
        status(
            List.of(
                proc("web", "web", ProcessState.RUNNING, "pid 42, uptime 0:01:05"),
                proc("g", "a", ProcessState.STOPPED, "Not started"),
                proc("g", "b", ProcessState.STARTING, "")),
            "",
            "");
    String web = page.substring(page.indexOf("data-name=\"web\""));
    web = web.substring(0, web.indexOf("</tr>"));
    assertTrue(web.contains("name=\"restart\" value=\"web\""), web);
    assertTrue(web.contains("name=\"stop\" value=\"web\""), web);
    assertFalse(web.contains("name=\"start\""), web);
    assertTrue(web.contains("href=\"logtail/web\""), web);
    assertTrue(web.contains("href=\"logtail/web/stderr\""), web);
    assertTrue(web.contains("data-pid=\"42\" data-start=\"1700000000\""), web);
    String a = page.substring(page.indexOf("data-name=\"g:a\""));
    a = a.substring(0, a.indexOf("</tr>"));
    assertTrue(a.contains("name=\"start\" value=\"g:a\""), a);
    assertFalse(a.contains("name=\"stop\""), a);
    assertTrue(page.contains("<tbody class=\"group\" data-group=\"g\">"), page);
    assertTrue(page.contains("<span class=\"gcount\">0 of 2 running</span>"), page);
    assertTrue(page.contains("name=\"stop\" value=\"g:*\""), page);
    assertTrue(page.indexOf("data-name=\"web\"") < page.indexOf("data-group=\"g\""), page);
    assertTrue(page.contains("RUNNING · 3 programs: 1 running, 1 stopped, 1 starting"), page);
  }

  @Test
  void theFilterKeepsMatchingNamesAndStatesAndNoProgramsSaysSo() {
    List<ProcessInfo> procs =
        List.of(
            proc("web", "web", ProcessState.RUNNING, ""),
            proc("g", "a", ProcessState.FATAL, "boom"));
    assertEquals(
        List.of("web"), StatusPage.shown(procs, "WE").stream().map(p -> p.name()).toList());
    assertEquals(
        List.of("a"), StatusPage.shown(procs, "fatal").stream().map(p -> p.name()).toList());
    assertTrue(status(List.of(), "", "").contains("No programs to manage"));
    assertTrue(status(procs, "zzz", "").contains("No program matches the filter."));
  }

  @Test
  void aTokenBelongsToOneSessionAndOneDaemon() {
    WebSession daemon = new WebSession(new SecureRandom());
    WebSession other = new WebSession(new SecureRandom());
    String id = daemon.newId();
    String token = daemon.token(id);
    assertTrue(daemon.valid(id, token));
    assertFalse(daemon.valid(daemon.newId(), token));
    assertFalse(daemon.valid(id, other.token(id)), "the key is per daemon");
    assertFalse(daemon.valid(null, token));
    assertFalse(daemon.valid(id, null));
    assertNotEquals(id, token);
    assertEquals(id, WebSession.id("a=b; tend_session=" + id + "; c=d"));
    assertNull(WebSession.id("tend_session=short"));
    assertNull(WebSession.id("tend_session=" + "!".repeat(43)));
    assertNull(WebSession.id(null));
  }

  @Test
  void theTailLimitIsAtLeastSupervisords1024() {
    assertEquals(1024, TailPage.limit(""));
    assertEquals(1024, TailPage.limit("10"));
    assertEquals(1024, TailPage.limit("-5"));
    assertEquals(4096, TailPage.limit("4096"));
    assertEquals(TailPage.MAX_LIMIT, TailPage.limit("999999999"));
  }

  @Test
  void aLoopbackListenerServesPagesToLoopbackHostNamesOnly() {
    String local = "http://127.0.0.1:9001";
    assertFalse(BrowserGuard.rebound(local, "127.0.0.1:9001"));
    assertFalse(BrowserGuard.rebound(local, "localhost:9001"));
    assertFalse(BrowserGuard.rebound(local, "[::1]:9001"));
    assertTrue(BrowserGuard.rebound(local, "evil.example:9001"), "DNS rebinding");
    assertTrue(BrowserGuard.rebound(local, "127.0.0.1.evil.example:9001"));
    assertTrue(BrowserGuard.rebound(local, null));
    assertFalse(BrowserGuard.rebound("http://0.0.0.0:9001", "myhost.example:9001"));
    assertFalse(BrowserGuard.rebound("http://192.0.2.7:9001", "myhost.example:9001"));
    assertFalse(BrowserGuard.rebound("unix:///run/tend.sock", "localhost"));
    assertFalse(BrowserGuard.rebound("unix:///run/tend.sock", null));
  }

  @Test
  void onlyFormBodiesAreForms() {
    assertTrue(WebPages.formBody("application/x-www-form-urlencoded"));
    assertTrue(WebPages.formBody("application/x-www-form-urlencoded; charset=UTF-8"));
    assertFalse(WebPages.formBody("text/plain"));
    assertFalse(WebPages.formBody("multipart/form-data; boundary=x"));
    assertFalse(WebPages.formBody(null));
  }
}
