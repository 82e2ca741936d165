package dev.tend.tui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextColor;
import dev.tend.api.Health;
import dev.tend.testing.Await;
import dev.tend.testing.DemoScene;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * tend's health checks and dependencies in the console, on lanterna's virtual terminal at 80x24: a
 * HEALTH column only when a process has a check (never for a supervisord, which reports none), the
 * reason a process waits for its dependency, and the last check with its time in the details.
 */
class HealthScreenTest {
  private static final TextColor FATAL_RED = new TextColor.RGB(0xff, 0x5f, 0x5f);
  private static final TextColor RUNNING_GREEN = new TextColor.RGB(0x5f, 0xd7, 0x5f);

  private final FakeSupervisorApi api = new FakeSupervisorApi();
  private ConsoleDriver console;

  HealthScreenTest() {
    api.setNow(DemoScene.NOW);
  }

  private void start() {
    console =
        ConsoleDriver.start(
            api,
            ConsoleDriver.options(Mode.ATTACHED, DemoScene.NOW, ConsoleDriver.TRUECOLOR),
            80,
            24);
  }

  @AfterEach
  void stop() {
    if (console != null) {
      console.close();
    }
  }

  /** A database that went FATAL, a worker waiting for it, a web server whose check fails. */
  private void brokerWorkerWeb() {
    api.add("db", "db").fatal("Exited too quickly (process log may have details)");
    api.add("worker", "worker").waiting("waiting for db: FATAL").dependsOn("db");
    api.add("web", "web")
        .running(4101, 600)
        .health(new Health(Health.Status.UNHEALTHY, DemoScene.NOW - 12, "HTTP 503", 3));
    api.add("api", "api")
        .running(4102, 600)
        .health(new Health(Health.Status.HEALTHY, DemoScene.NOW - 4, "HTTP 200", 0));
  }

  @Test
  void healthColumnShowsEachCheckInItsColourAt80x24() {
    brokerWorkerWeb();
    start();
    console.awaitText("HEALTH");
    int web = console.rowOf("web ");
    String row = console.row(web);
    assertTrue(row.contains("unhealthy"), row);
    assertEquals(FATAL_RED, console.cell(row.indexOf("unhealthy"), web).getForegroundColor());
    int apiRow = console.rowOf("api ");
    String a = console.row(apiRow);
    assertEquals(RUNNING_GREEN, console.cell(a.indexOf("healthy"), apiRow).getForegroundColor());
    assertEquals(80, console.row(0).length());
  }

  @Test
  void aDependantShowsTheDependencyItWaitsFor() {
    brokerWorkerWeb();
    start();
    console.awaitText("HEALTH");
    console.awaitText("waiting for db: FATAL");
    assertTrue(console.row(console.rowOf("worker ")).contains("waiting for db: FATAL"));
  }

  @Test
  void withoutHealthChecksThereIsNoHealthColumn() {
    api.add("web", "web").running(4101, 600); // what a supervisord reports: no health at all
    api.add("worker", "worker").running(4102, 60);
    start();
    console.awaitText("worker");
    Await.until("a frame with the table", () -> console.screen().contains("EXIT/REASON"));
    assertFalse(console.screen().contains("HEALTH"), console.screen());
    api.process("web").health(new Health(Health.Status.UNKNOWN, 0, "", 0));
    console.awaitText("HEALTH");
  }

  @Test
  void detailsShowTheLastCheckWithItsTimeAndTheDependencies() {
    brokerWorkerWeb();
    start();
    console.awaitText("HEALTH");
    console.press("j", "j", "d"); // sorted by name: api, db, web, worker
    console.awaitText("Details web");
    console.awaitText("unhealthy: HTTP 503 (3 failed in a row)");
    console.awaitText("14:03:15 (12s ago)");
    console.press("Esc");
    console.awaitGone("Details web");
    console.press("j", "d");
    console.awaitText("Details worker");
    console.awaitText("STOPPED (waiting for db: FATAL)");
    console.awaitText("depends on     db");
    assertTrue(console.screen().contains("depends on"), console.screen());
  }
}
