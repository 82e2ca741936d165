package dev.tend.core;

import static dev.tend.api.ProcessState.BACKOFF;
import static dev.tend.api.ProcessState.FATAL;
import static dev.tend.api.ProcessState.RUNNING;
import static dev.tend.api.ProcessState.STARTING;
import static dev.tend.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.testing.Await;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness, health, dependencies and backoff with real children and real sockets: a TCP server
 * that listens only after a delay, an HTTP endpoint that starts failing, a chain three deep, a
 * crash loop under exponential backoff timed by the real clock.
 */
class ChecksAndDependenciesIT {
  private static final String PROBES =
      Path.of("src/test/resources/fixtures/probes").toAbsolutePath().toString();

  @TempDir Path dir;

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** A change seen by a listener, with the monotonic time it was seen. */
  private record Seen(String namespec, ProcessState from, ProcessState to, long nanos) {}

  private static List<Seen> watch(LiveSupervisor s) {
    List<Seen> seen = new CopyOnWriteArrayList<>();
    s.supervisor.addStateListener(
        c -> seen.add(new Seen(c.info().namespec(), c.from(), c.to(), System.nanoTime())));
    return seen;
  }

  @Test
  void aTcpServerReadyAfterADelayStaysStartingUntilItListens() throws Exception {
    int port = freePort();
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:late]\ncommand=/usr/bin/python3 "
                + PROBES
                + "/late_listener.py "
                + port
                + " 2\nstartsecs=0\nready_tcp=127.0.0.1:"
                + port
                + "\nready_interval=1\n")) {
      ProcessInfo starting = s.awaitState("late", STARTING);
      assertTrue(
          starting.description().startsWith("waiting to be ready (ready_tcp 127.0.0.1:" + port),
          starting.description());
      s.awaitState("late", RUNNING, Duration.ofSeconds(20));
      try (Socket c = new Socket(InetAddress.getLoopbackAddress(), port)) {
        assertTrue(c.isConnected(), "RUNNING only once it accepts connections");
      }
      assertEquals(List.of("STOPPED->STARTING", "STARTING->RUNNING"), s.transitions("late"));
      assertTrue(s.log("late").contains("listening"));
    }
  }

  @Test
  void anHttpEndpointThatStartsFailingIsRestartedByItsHealthCheck() throws Exception {
    int port = freePort();
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:api]\ncommand=/usr/bin/python3 "
                + PROBES
                + "/flaky_http.py "
                + port
                + " 2\nstartsecs=0\nready_http=http://127.0.0.1:"
                + port
                + "/health\nready_interval=1\nhealth_http=http://127.0.0.1:"
                + port
                + "/health\nhealth_interval=1\nhealth_timeout=2\nhealth_retries=2\n")) {
      ProcessInfo first = s.awaitState("api", RUNNING, Duration.ofSeconds(20));
      // one good answer made it ready, the next is healthy, then two 500s in a row restart it
      ProcessInfo restarted =
          Await.value(
              "a restart by the health check",
              Duration.ofSeconds(30),
              () -> s.info("api"),
              i -> i.restarts() >= 1 && i.pid() != first.pid() && i.pid() != 0);
      assertTrue(
          s.transitions("api").contains("RUNNING->STOPPING"), s.transitions("api").toString());
      assertTrue(s.log("api").contains("GET /health 500"));
      assertEquals(Health.Status.UNKNOWN, restarted.health().status(), "a new run starts unknown");
    }
  }

  @Test
  void aChainThreeDeepStartsEachOnceTheOneBeforeIsReady() throws Exception {
    int port = freePort();
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:c]\ncommand=sleep 300\nstartsecs=0\npriority=1\ndepends_on=b\n\n"
                + "[program:b]\ncommand=sh -c 'sleep 1; echo ready; exec sleep 300'\n"
                + "startsecs=0\npriority=2\ndepends_on=a\nready_log=^ready$\n\n"
                + "[program:a]\ncommand=/usr/bin/python3 "
                + PROBES
                + "/late_listener.py "
                + port
                + " 1\nstartsecs=0\npriority=3\nready_tcp="
                + port
                + "\n")) {
      List<Seen> seen = watch(s);
      assertEquals("waiting for b", s.info("c").description());
      s.awaitState("c", RUNNING, Duration.ofSeconds(30));
      List<String> order = new ArrayList<>();
      for (StateChange c : s.changes) {
        order.add(c.info().namespec() + ":" + c.to());
      }
      assertTrue(
          order.indexOf("a:RUNNING") < order.indexOf("b:STARTING")
              && order.indexOf("b:RUNNING") < order.indexOf("c:STARTING"),
          order.toString());
      s.supervisor.stopProcess("a", true);
      List<String> stops =
          seen.stream().filter(x -> x.to() == STOPPED).map(Seen::namespec).toList();
      assertEquals(List.of("c", "b", "a"), stops, "dependants stop first");
    }
  }

  @Test
  void aDependencyThatGoesFatalLeavesItsDependantStoppedSayingWhy() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:broker]\ncommand=sh -c 'exit 3'\nstartretries=0\n\n"
                + "[program:worker]\ncommand=sleep 300\ndepends_on=broker\n")) {
      s.awaitState("broker", FATAL);
      ProcessInfo worker =
          Await.value(
              "worker's reason",
              () -> s.info("worker"),
              i -> i.description().equals("waiting for broker: FATAL"));
      assertEquals(STOPPED, worker.state());
    }
  }

  @Test
  void aCrashLoopUnderExponentialBackoffWaitsOneTwoFourSeconds() throws Exception {
    try (LiveSupervisor s =
        new LiveSupervisor(
            dir,
            "[program:crash]\ncommand=sh -c 'exit 1'\nstartsecs=1\nstartretries=3\n"
                + "backoff=exponential\nbackoff_initial=1\nbackoff_max=30\n")) {
      List<Seen> seen = watch(s);
      s.awaitState("crash", FATAL, Duration.ofSeconds(40));
      List<Long> waits = new ArrayList<>();
      long backoffAt = -1;
      for (Seen x : seen) {
        if (x.to() == BACKOFF) {
          backoffAt = x.nanos();
        } else if (x.to() == STARTING && backoffAt >= 0) {
          waits.add((x.nanos() - backoffAt) / 1_000_000);
        }
      }
      assertEquals(3, waits.size(), waits.toString());
      // never before its time; 4 s is what tells exponential from supervisord's linear 3 s
      assertTrue(waits.get(0) >= 990 && waits.get(1) >= 1990 && waits.get(2) >= 3990, "" + waits);
    }
  }
}
