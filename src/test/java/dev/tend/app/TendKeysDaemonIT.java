package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.RealSupervisord;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One config using tend's keys, run by the real supervisord (it ignores them: everything starts at
 * once, nothing is checked) and by a tend daemon (the worker waits for the web server to be ready,
 * the web server's failing health shows in {@code tend ctl status}, the listener gets tend's
 * events).
 */
class TendKeysDaemonIT {
  private static final Path FIXTURES = Path.of("src/test/resources/fixtures").toAbsolutePath();

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** web answers /health twice with 200, then 500; worker depends on it; a listener records. */
  private RealSupervisord configured(RealSupervisord d, int port) {
    String health = "http://127.0.0.1:" + port + "/health";
    return d.program(
            "web",
            "command=/usr/bin/python3 " + FIXTURES + "/probes/flaky_http.py " + port + " 2",
            "startsecs=0",
            "ready_http=" + health,
            "health_http=" + health,
            "health_interval=1",
            "health_retries=2",
            "health_action=none",
            "backoff=exponential")
        .program(
            "worker",
            "command=sleep 300",
            "startsecs=0",
            "depends_on=web",
            "backoff=linear",
            "backoff_max=5")
        .section(
            "eventlistener:rec",
            "command=/usr/bin/python3 " + FIXTURES + "/listener.py " + dir.resolve("events.txt"),
            "events=PROCESS_STATE_RUNNING",
            "tend_events=TEND_PROCESS_HEALTH,TEND_PROCESS_READINESS",
            "stdout_logfile=" + dir.resolve("rec.log"),
            "stderr_logfile=" + dir.resolve("rec.err"))
        .section(
            "eventlistener:everything",
            "command=/usr/bin/python3 " + FIXTURES + "/listener.py " + dir.resolve("all.txt"),
            "events=EVENT",
            "stdout_logfile=" + dir.resolve("all.log"),
            "stderr_logfile=" + dir.resolve("all.err"));
  }

  private static CtlResult ctl(RealSupervisord d, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of("-c", d.confPath().toString()));
    all.addAll(List.of(args));
    return CtlRuns.tend(d.dir(), "", all);
  }

  private String events() {
    return recorded("events.txt");
  }

  private String recorded(String file) {
    try {
      Path f = dir.resolve(file);
      return Files.exists(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return "";
    }
  }

  @Test
  void theRealSupervisordRunsTheSameConfigWithTheKeysIgnored() throws Exception {
    int port = freePort();
    try (RealSupervisord sd = configured(RealSupervisord.in(dir), port).start()) {
      CtlResult status =
          Await.value(
              "everything RUNNING under supervisord",
              Duration.ofSeconds(30),
              () -> ctl(sd, "status"),
              r ->
                  r.out().lines().count() == 4
                      && r.out().lines().allMatch(l -> l.contains("RUNNING")));
      assertEquals(0, status.exit());
      assertFalse(status.out().contains("[unhealthy]"), "supervisord checks no health");
      assertFalse(events().contains("TEND_"), events());
    }
  }

  @Test
  void aTendDaemonStartsTheWorkerAfterTheWebServerAndMarksItUnhealthy() throws Exception {
    int port = freePort();
    try (RealSupervisord tend = configured(RealSupervisord.in(dir), port).tendDaemon().start()) {
      CtlResult unhealthy =
          Await.value(
              "web unhealthy",
              Duration.ofSeconds(30),
              () -> ctl(tend, "status", "web"),
              r -> r.out().contains("[unhealthy]"));
      assertTrue(unhealthy.out().startsWith("web "), unhealthy.out());
      CtlResult all = ctl(tend, "status");
      assertTrue(all.out().contains("worker") && all.out().contains("RUNNING"), all.out());
      CtlResult real =
          RealSupervisorctl.run(
              dir, "", List.of("-c", tend.confPath().toString(), "status", "web"));
      assertFalse(real.out().contains("[unhealthy]"), "supervisorctl's lines stay its own");
      assertEquals(0, real.exit());
      Await.until(
          "the listener got the health event",
          () -> events().contains("TEND_PROCESS_HEALTH_UNHEALTHY"));
      assertTrue(events().contains("TEND_PROCESS_READINESS_READY\tprocessname:web"), events());
      // A listener of supervisord's EVENT gets everything supervisord has, and none of tend's
      // types: the worker's stop, published after web's health events, arrives without them.
      assertEquals(0, ctl(tend, "stop", "worker").exit());
      String everything =
          Await.value(
              "the worker's stop at the EVENT listener",
              Duration.ofSeconds(30),
              () -> recorded("all.txt"),
              a -> a.contains("PROCESS_STATE_STOPPED\tprocessname:worker"));
      assertTrue(everything.contains("PROCESS_STATE_RUNNING\tprocessname:web"), everything);
      assertFalse(everything.contains("TEND_"), everything);
      String log = Files.readString(tend.mainLog());
      int webReady = log.indexOf("ready: web");
      int workerSpawned = log.indexOf("spawned: 'worker'");
      assertTrue(webReady >= 0 && webReady < workerSpawned, log);
    }
  }
}
