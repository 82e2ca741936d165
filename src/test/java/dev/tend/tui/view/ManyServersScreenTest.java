package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import dev.tend.api.ConnectionException;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessState;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.Await;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions.Mode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The console on three servers at 80x24: one table, a SERVER column, each server on its own. */
class ManyServersScreenTest {
  private static final TextColor RUNNING_GREEN = new TextColor.RGB(0x5f, 0xd7, 0x5f);

  private final Map<String, FakeSupervisorApi> servers = new LinkedHashMap<>();
  private ConsoleDriver console;

  ManyServersScreenTest() {
    for (String name : List.of("web1", "web2", "web3")) {
      FakeSupervisorApi api = new FakeSupervisorApi();
      api.setNow(DemoScene.NOW);
      api.add("django", "django").running(4100 + servers.size(), 600);
      api.add("worker", "worker").running(5100 + servers.size(), 60);
      servers.put(name, api);
    }
    servers.get("web3").process("worker").fatal("can't find command 'celery'");
  }

  private FakeSupervisorApi server(String name) {
    return java.util.Objects.requireNonNull(servers.get(name));
  }

  private void start() {
    Map<String, SupervisorApi> apis = new LinkedHashMap<>(servers);
    console =
        ConsoleDriver.start(
            apis,
            ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            80,
            24);
    console.awaitText("3/3 servers up");
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  private String rowOn(String server, String name) {
    for (String line : console.screen().split("\n")) {
      List<String> words = List.of(line.strip().split("\\s+"));
      if (words.size() > 1 && words.get(0).equals(server) && words.get(1).equals(name)) {
        return line;
      }
    }
    return "";
  }

  @Test
  void oneTableHasEveryServersRowsGroupedByServerWithCountsAcrossThem() {
    start();
    console.awaitText("SERVER");
    Await.until("web3's rows", () -> !rowOn("web3", "worker").isEmpty());
    assertTrue(rowOn("web1", "django").contains("RUNNING"), console.screen());
    assertTrue(rowOn("web3", "worker").contains("FATAL"), console.screen());
    assertTrue(console.rowOf("web1") < console.rowOf("web2"), "grouped by server");
    console.awaitText("6 processes  5 running  1 fatal");
    assertEquals(RUNNING_GREEN, console.cellOf("RUNNING").getForegroundColor());
  }

  @Test
  void aServerThatGoesAwayIsGreyedAndNamedAndComesBackWhileTheOthersGoOn() {
    start();
    Await.until("web2's rows", () -> !rowOn("web2", "django").isEmpty());
    server("web2").goAway(ConnectionException.Kind.REFUSED);
    console.awaitText("2/3 servers up");
    console.awaitText("web2 lost");
    int y = console.rowOf(rowOn("web2", "django").strip());
    int x = console.row(y).indexOf("RUNNING");
    assertFalse(
        RUNNING_GREEN.equals(console.cell(x, y).getForegroundColor()), "web2's rows are greyed");
    server("web1").process("worker").stopped(0);
    Await.until("web1 goes on", () -> rowOn("web1", "worker").contains("STOPPED"));
    server("web2").comeBack();
    console.awaitText("3/3 servers up");
    console.awaitText("reconnected to web2");
  }

  @Test
  void restartOnTaggedRowsOfSeveralServersNamesTheServersAndReachesEach() {
    start();
    console.press("/");
    console.type("django");
    console.press("Enter");
    // the three django rows, one per server, before the three tags: a server's rows arrive when
    // it answers, and a Space with one row shown tags only that one
    Await.until(
        "only django, on each server",
        () ->
            rowOn("web1", "worker").isEmpty()
                && servers.keySet().stream().allMatch(n -> !rowOn(n, "django").isEmpty()));
    console.press("Space", "Space", "Space", "r"); // a tag moves on to the next row
    console.awaitText("Restart django on web1, web2, web3?");
    console.type("restart");
    console.press("Enter");
    for (String name : servers.keySet()) {
      Await.until(
          name + " restarted django",
          () -> server(name).calls().stream().anyMatch(c -> c.startsWith("startProcess django")));
      assertTrue(
          server(name).calls().stream().noneMatch(c -> c.contains("@")),
          "each server is asked in its own names: " + server(name).calls());
    }
  }

  @Test
  void theFilterTakesAServerAndALogPaneFollowsARemoteProcessNamedByItsServer() {
    start();
    console.press("/");
    console.type("@web2");
    console.press("Enter");
    Await.until("only web2", () -> rowOn("web1", "django").isEmpty());
    assertFalse(rowOn("web2", "django").isEmpty(), console.screen());
    server("web2").log("django", LogStream.STDOUT, "hello from web2\n");
    // the first row, django: the selection keeps its place when the filter comes, and where it was
    // depends on which server answered first
    console.press("g", "Enter");
    console.awaitText("hello from web2");
    console.awaitText("django@web2");
    assertEquals(ProcessState.RUNNING, server("web1").process("django").state());
  }

  @Test
  void theServersViewSaysWhyAServerIsLostAndEnterJumpsToItsRows() {
    start();
    Await.until("web3's rows", () -> !rowOn("web3", "worker").isEmpty());
    server("web3").goAway(ConnectionException.Kind.REFUSED);
    console.awaitText("web3 lost");
    console.press("@");
    console.awaitText("Servers");
    console.awaitText("refused connection");
    assertTrue(console.screen().contains("2 processes, 2 running"), console.screen());
    console.press("j", "j", "Enter");
    console.awaitGone("Servers");
    console.awaitText("django@web3"); // the pane follows the selection: web3's first row
  }

  @Test
  void braceKeysJumpFromServerToServer() {
    start();
    Await.until("web3's rows", () -> !rowOn("web3", "worker").isEmpty());
    // the first row selected is the first to arrive, which may be any server's: start from web1
    console.press("g");
    console.awaitText("django@web1");
    console.press("}");
    console.awaitText("django@web2");
    console.press("}");
    console.awaitText("django@web3");
    console.press("{", "{");
    console.awaitText("django@web1");
  }

  @Test
  void aGroupActionGoesOnlyToTheServersThatHaveTheGroupAndTheQuestionNamesThem() {
    server("web1").add("batch", "cron").running(6100, 60);
    server("web3").add("batch", "cron").running(6300, 60);
    start();
    console.awaitText("8 processes");
    console.press(":");
    console.type("restart batch:*");
    console.press("Enter");
    console.awaitText("Restart group batch (batch:*) on web1, web3?");
    console.type("restart");
    console.press("Enter");
    for (String name : List.of("web1", "web3")) {
      Await.until(
          name + " restarted its group",
          () -> server(name).calls().stream().anyMatch(c -> c.startsWith("startProcessGroup")));
    }
    assertTrue(
        server("web2").calls().stream().noneMatch(c -> c.contains("ProcessGroup")),
        "web2 has no group batch and is not asked: " + server("web2").calls());
    assertFalse(console.screen().contains("BAD_NAME"), console.screen());
  }

  @Test
  void aServerThatComesBackFollowsOnInItsOwnPanesOnlyWithoutRepeatingOrLosingLines() {
    server("web2").log("django", LogStream.STDOUT, "w2-one\nw2-two\n");
    start();
    Await.until("web3's rows", () -> !rowOn("web3", "worker").isEmpty());
    console.press("g"); // the selection pane on web1's django
    console.awaitText("django@web1");
    console.press(":");
    console.type("log django@web2");
    console.press("Enter");
    console.press("z"); // the new pane, on web2's django, zoomed: every line of it shows
    console.awaitText("w2-two");
    int web1Follows = server("web1").calls("followProcessLog").size();
    server("web2").goAway(ConnectionException.Kind.REFUSED);
    console.awaitText("web2 lost");
    server("web2").log("django", LogStream.STDOUT, "w2-three\n"); // while the console is away
    server("web2").comeBack();
    console.awaitText("web2 is back");
    console.awaitText("w2-three");
    server("web2").log("django", LogStream.STDOUT, "w2-four\n");
    console.awaitText("w2-four");
    String screen = console.screen();
    for (String line : List.of("w2-one", "w2-two", "w2-three", "w2-four")) {
      assertEquals(1, screen.split(line, -1).length - 1, line + " once:\n" + screen);
    }
    assertTrue(
        screen.indexOf("web2 is back") < screen.indexOf("w2-three"),
        "the marker is where the gap is:\n" + screen);
    assertEquals(
        web1Follows,
        server("web1").calls("followProcessLog").size(),
        "web1's panes follow on untouched");
  }

  @Test
  void theServersViewShowsAnErrorInFullReconnectsAndFiltersTheTableToAServer() {
    start();
    Await.until("web3's rows", () -> !rowOn("web3", "worker").isEmpty());
    server("web3").goAway(ConnectionException.Kind.REFUSED);
    console.awaitText("web3 lost");
    console.press("@");
    console.awaitText("Servers");
    console.awaitText("reconnect"); // the footer, from the keymap's servers view
    console.press("j", "j", "e");
    console.awaitText("Server web3");
    assertTrue(console.screen().contains("refused"), console.screen());
    console.press("e");
    console.awaitGone("Server web3");
    server("web3").comeBack();
    console.press("r");
    console.awaitText("3/3 servers up");
    console.press("/");
    console.awaitGone("Servers");
    Await.until("only web3's rows", () -> rowOn("web1", "django").isEmpty());
    assertFalse(rowOn("web3", "django").isEmpty(), console.screen());
  }
}
