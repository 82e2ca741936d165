package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.testing.FakeSupervisorApi;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class EachServerTest {
  private final Map<String, FakeSupervisorApi> fakes = new LinkedHashMap<>();
  private final List<String> opened = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private FakeSupervisorApi server(String url) {
    FakeSupervisorApi f = new FakeSupervisorApi();
    fakes.put(url, f);
    return f;
  }

  private EachServer each(String... names) {
    List<EachServer.Server> servers = new ArrayList<>();
    for (String n : names) {
      servers.add(
          new EachServer.Server(
              n, new CtlSession.Settings("unix:///" + n + ".sock", null, null, false, false)));
    }
    Connector connector =
        (url, user, pass) -> {
          opened.add(url);
          return new FakeLink(fakes.get(url));
        };
    return new EachServer(
        servers,
        connector,
        new FakeConsole(true),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void eachLineCarriesItsServerAndTheHighestStatusWins() {
    server("unix:///web1.sock").add("web", "django").running(10);
    server("unix:///web22.sock").add("web", "django");
    server("unix:///web3.sock").goAway(ConnectionException.Kind.NO_SUCH_FILE);
    int status = each("web1", "web22", "web3").run("stop web:django", order(false, false));
    assertEquals(
        List.of(
            "web1  | web:django: stopped",
            "web22 | web:django: ERROR (not running)",
            "web3  | unix:///web3.sock no such file"),
        out().lines().sorted().toList());
    assertEquals(7, status, "no such file (7) over not running (7) and success (0)");
  }

  @Test
  void statusIsOneTableInTheOrderTheServersWereGiven() {
    server("unix:///b.sock").add("web", "web").running(10);
    FakeSupervisorApi a = server("unix:///a.sock");
    a.add("db", "db");
    a.add("longer_name_than_thirty_characters_here", "x");
    int status = each("b", "a").run("status", order(false, false));
    List<String> lines = out().lines().toList();
    assertEquals(3, lines.size(), out());
    assertTrue(lines.get(0).startsWith("b  web "), lines.get(0));
    assertTrue(lines.get(1).startsWith("a  db "), lines.get(1));
    assertTrue(
        lines.get(2).startsWith("a  longer_name_than_thirty_characters_here:x"), lines.get(2));
    assertEquals(
        lines.get(0).indexOf("RUNNING"), lines.get(1).indexOf("STOPPED"), "one column width");
    assertEquals(3, status, "a process not running");
  }

  @Test
  void serialRunsInOrderAndStopsAtTheFirstFailureWhenAsked() {
    server("unix:///one.sock").add("web", "web");
    server("unix:///two.sock").goAway(ConnectionException.Kind.REFUSED);
    server("unix:///three.sock").add("web", "web");
    int status = each("one", "two", "three").run("start web", order(true, true));
    assertEquals("one   | web: started\ntwo   | unix:///two.sock refused connection\n", out());
    assertEquals(
        "tend ctl: two ended with status 4; not run on three (--stop-on-error)\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(List.of("unix:///one.sock", "unix:///two.sock"), opened);
    assertEquals(4, status);
  }

  @Test
  void serialWithoutStopOnErrorRunsThemAll() {
    server("unix:///one.sock").goAway(ConnectionException.Kind.REFUSED);
    server("unix:///two.sock").add("web", "web");
    int status = each("one", "two").run("start web", order(true, false));
    assertEquals("one | unix:///one.sock refused connection\ntwo | web: started\n", out());
    assertEquals(4, status);
  }

  private static EachServer.Order order(boolean serial, boolean stopOnError) {
    return new EachServer.Order(serial, stopOnError);
  }
}
