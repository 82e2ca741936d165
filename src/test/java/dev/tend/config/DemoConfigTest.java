package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.FakeUserDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples/demo/supervisord.conf loads cleanly and defines what the demo promises. */
class DemoConfigTest {
  private static final Path DEMO = Path.of("examples/demo/supervisord.conf").toAbsolutePath();

  private static SupervisorConfig load() throws ConfigException {
    ConfigContext context =
        new ConfigContext(
            Map.of("HOME", "/root"),
            "demo-host",
            new FakeUserDatabase(),
            Path.of("").toAbsolutePath(),
            Path.of("/tmp"));
    return new ConfigLoader(context).load(DEMO);
  }

  @Test
  void loadsWithoutWarnings() throws Exception {
    assertEquals(List.of(), load().diagnostics());
  }

  @Test
  void definesTheDemoPrograms() throws Exception {
    SupervisorConfig c = load();
    Path run = DEMO.getParent().resolve("run");
    assertTrue(Files.isDirectory(run), "run/ is kept in git by its .gitignore");
    assertEquals(
        List.of("web", "site", "backup", "crasher", "queue", "worker"),
        c.groups().stream().map(GroupConfig::name).toList());
    ProcessConfig web = c.group("web").orElseThrow().processes().get(0);
    assertEquals(List.of("java", "Web.java", "8087"), CommandLine.split(web.command()));
    assertEquals(DEMO.getParent().toString(), web.directory());
    assertTrue(Files.exists(DEMO.getParent().resolve("Web.java")));
    assertEquals(
        List.of("consumer_00", "consumer_01", "consumer_02"),
        c.group("queue").orElseThrow().processes().stream().map(ProcessConfig::name).toList());
    assertFalse(c.group("backup").orElseThrow().processes().get(0).autostart());
    assertEquals(GroupKind.HETEROGENEOUS, c.group("site").orElseThrow().kind());
    ProcessConfig worker = c.group("worker").orElseThrow().processes().get(0);
    assertEquals(new LogFileSpec.File(run.resolve("worker.err.log")), worker.stderr().logfile());
    assertEquals(run.resolve("demo.sock"), c.unixHttpServers().get(0).file());
    assertEquals("unix://" + run.resolve("demo.sock"), c.ctl().serverurl());
    assertEquals(RpcInterfaceConfig.MAIN_FACTORY, c.rpcInterfaces().get(0).factory());
  }

  @Test
  void theWorkerWaitsForTheWebServerToBeReady() throws Exception {
    SupervisorConfig c = load();
    ProcessConfig web = c.group("web").orElseThrow().processes().get(0);
    assertEquals(
        new Probe.Http("http://127.0.0.1:8087/ready", "127.0.0.1", 8087, "/ready"),
        web.tend().readiness().probe());
    assertEquals(TendSettings.HealthAction.RESTART, web.tend().health().action());
    ProcessConfig worker = c.group("worker").orElseThrow().processes().get(0);
    assertEquals(List.of(new DependencySpec(null, "web")), worker.tend().dependsOn());
    assertEquals(
        List.of(new DependencySpec(null, "worker")),
        c.group("queue").orElseThrow().processes().get(0).tend().dependsOn());
    assertEquals(
        TendSettings.Backoff.Kind.EXPONENTIAL,
        c.group("crasher").orElseThrow().processes().get(0).tend().backoff().kind());
  }
}
