package dev.tend.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/demo runs under the real supervisord, which ignores tend's keys, and under a tend
 * daemon, where the worker waits for the web server to be ready. On a copy whose web port is a free
 * one.
 */
class DemoConfigIT {
  private static final Path DEMO = Path.of("examples/demo").toAbsolutePath();

  @TempDir Path dir;

  private Path copy() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Files.createDirectories(dir.resolve("run"));
    Files.copy(DEMO.resolve("Web.java"), dir.resolve("Web.java"));
    String conf = Files.readString(DEMO.resolve("supervisord.conf"));
    Path c = dir.resolve("supervisord.conf");
    Files.writeString(c, conf.replace("8087", Integer.toString(port)));
    return c;
  }

  private static CtlResult status(Path conf) {
    return CtlRuns.tend(conf.getParent(), "", List.of("-c", conf.toString(), "status"));
  }

  private static boolean running(CtlResult r, String... names) {
    for (String n : names) {
      if (r.out().lines().noneMatch(l -> l.startsWith(n + " ") && l.contains("RUNNING"))) {
        return false;
      }
    }
    return true;
  }

  private static void stop(Process p) throws InterruptedException {
    List<ProcessHandle> children = p.descendants().toList();
    p.destroy();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    children.forEach(ProcessHandle::destroyForcibly);
  }

  @Test
  void theRealSupervisordRunsTheDemoWithoutTendsKeys() throws Exception {
    TestDependency.require("supervisor");
    Path conf = copy();
    Process sd =
        new ProcessBuilder(RealSupervisord.SUPERVISORD.toString(), "-n", "-c", conf.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("supervisord.out").toFile())
            .start();
    try {
      CtlResult r =
          Await.value(
              "the demo's programs RUNNING under supervisord",
              Duration.ofSeconds(60),
              () -> status(conf),
              s -> running(s, "web", "worker", "queue:consumer_00", "site:api"));
      assertTrue(r.out().contains("backup"), r.out());
    } finally {
      stop(sd);
    }
  }

  @Test
  void aTendDaemonStartsTheWorkerOnceTheWebServerIsReady() throws Exception {
    Path conf = copy();
    Process tend = TendCommand.start(dir, "daemon", "-n", "-c", conf.toString());
    try {
      CtlResult waiting =
          Await.value(
              "the worker waiting for web",
              Duration.ofSeconds(60),
              () -> status(conf),
              s -> s.out().contains("waiting for web") || running(s, "worker"));
      assertTrue(
          waiting
              .out()
              .lines()
              .anyMatch(l -> l.startsWith("worker ") && l.contains("waiting for web")),
          "web compiles for seconds before it answers; the worker waits: " + waiting.out());
      Await.value(
          "web, worker and the consumers RUNNING",
          Duration.ofSeconds(90),
          () -> status(conf),
          s -> running(s, "web", "worker", "queue:consumer_02"));
      String log = Files.readString(dir.resolve("run/supervisord.log"));
      assertTrue(log.indexOf("ready: web") < log.indexOf("spawned: 'worker'"), log);
    } finally {
      stop(tend);
    }
  }
}
