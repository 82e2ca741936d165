package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.TendSettings.Backoff;
import dev.tend.config.TendSettings.Health;
import dev.tend.config.TendSettings.HealthAction;
import dev.tend.config.TendSettings.Readiness;
import dev.tend.platform.Signal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tend's own program keys (docs/CONFIG.md): each value, default and error, with where it is. */
class TendKeysTest {
  @TempDir Path dir;

  private ConfigFiles files() {
    return new ConfigFiles(dir);
  }

  @Test
  void aSectionWithoutTendKeysHasNone() throws Exception {
    assertSame(TendSettings.NONE, files().program("").tend());
  }

  @Test
  void everyReadinessProbe() throws Exception {
    assertEquals(
        new Readiness(new Probe.Tcp("127.0.0.1", 8000), 60, 1),
        files().program("ready_tcp = 8000").tend().readiness());
    assertEquals(
        new Probe.Tcp("db.local", 5432),
        files().program("ready_tcp=db.local:5432").tend().readiness().probe());
    assertEquals(
        new Probe.Tcp("::1", 80), files().program("ready_tcp=[::1]:80").tend().readiness().probe());
    assertEquals(
        new Readiness(
            new Probe.Http("http://127.0.0.1:8000/health?x=1", "127.0.0.1", 8000, "/health?x=1"),
            5,
            2),
        files()
            .program(
                "ready_http=http://127.0.0.1:8000/health?x=1\nready_timeout=5\nready_interval=2")
            .tend()
            .readiness());
    assertEquals(
        new Probe.Http("http://localhost", "localhost", 80, "/"),
        files().program("ready_http=http://localhost").tend().readiness().probe());
    assertEquals(
        new Probe.Command("pg_isready -q"),
        files().program("ready_command=pg_isready -q").tend().readiness().probe());
    assertEquals(
        new Probe.LogLine("listening on port \\d+"),
        files().program("ready_log=listening on port \\d+").tend().readiness().probe());
  }

  @Test
  void valuesAreExpandedPerProcess() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                "[program:w]\ncommand=/bin/cat\nnumprocs=2\nprocess_name=w%(process_num)d\n"
                    + "health_tcp=127.0.0.1:80%(process_num)02d\n");
    List<ProcessConfig> ps = c.group("w").orElseThrow().processes();
    assertEquals(new Probe.Tcp("127.0.0.1", 8000), ps.get(0).tend().health().probe());
    assertEquals(new Probe.Tcp("127.0.0.1", 8001), ps.get(1).tend().health().probe());
  }

  @Test
  void healthWithDefaultsAndWithEveryKey() throws Exception {
    assertEquals(
        new Health(new Probe.Tcp("127.0.0.1", 9000), 10, 5, 3, HealthAction.RESTART),
        files().program("health_tcp=9000").tend().health());
    assertEquals(
        new Health(
            new Probe.Command("check --fast"),
            30,
            2,
            5,
            new HealthAction(HealthAction.Kind.SIGNAL, Signal.HUP)),
        files()
            .program(
                "health_command=check --fast\nhealth_interval=30\nhealth_timeout=2\n"
                    + "health_retries=5\nhealth_action=signal:HUP")
            .tend()
            .health());
    assertEquals(
        HealthAction.NONE,
        files().program("health_http=http://h/\nhealth_action=NONE").tend().health().action());
  }

  @Test
  void backoffDefaultsOnceAnyBackoffKeyIsSet() throws Exception {
    assertEquals(
        new Backoff(Backoff.Kind.EXPONENTIAL, 1, 60, 60),
        files().program("backoff=exponential").tend().backoff());
    assertEquals(
        new Backoff(Backoff.Kind.LINEAR, 2, 30, 0),
        files()
            .program("backoff_initial=2\nbackoff_max=30\nbackoff_reset_after=0")
            .tend()
            .backoff());
  }

  @Test
  void badValuesAreErrorsNamingTheKeyAndValue() {
    ConfigFiles f = files();
    String s = f.suffix();
    assertEquals(
        "not a valid host:port: 'nope' (not a valid port number: 'nope')" + s,
        f.programError("ready_tcp=nope"));
    assertEquals(
        "ready_timeout must be >= 1, got 0" + s, f.programError("ready_tcp=1\nready_timeout=0"));
    assertEquals(
        "https is not supported, only plain http:// (the probe speaks HTTP/1.1 without TLS):"
            + " 'https://x/'"
            + s,
        f.programError("health_http=https://x/"));
    assertEquals(
        "not an http://host[:port]/path URL: 'ftp://x/'" + s,
        f.programError("ready_http=ftp://x/"));
    assertEquals(
        "only one of ready_tcp, ready_log may be set" + s,
        f.programError("ready_tcp=1\nready_log=x"));
    assertTrue(f.programError("ready_log=(unclosed").startsWith("not a valid regular expression"));
    assertEquals(
        "can't parse command \"a 'b\": No closing quotation" + s,
        f.programError("ready_command=a 'b"));
    assertEquals(
        "health_action must be restart, signal:NAME or none, got 'reboot'" + s,
        f.programError("health_tcp=1\nhealth_action=reboot"));
    assertEquals(
        "value 'NOPE' is not a valid signal name" + s,
        f.programError("health_tcp=1\nhealth_action=signal:NOPE"));
    assertEquals(
        "backoff must be linear or exponential, got 'fast'" + s, f.programError("backoff=fast"));
    assertEquals(
        "backoff_max must be >= backoff_initial (10), got 5" + s,
        f.programError("backoff_initial=10\nbackoff_max=5"));
  }

  @Test
  void anErrorSaysFileLineSectionKeyAndValue() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> files().load("[program:p]\ncommand=/bin/cat\nhealth_retries = lots\n"));
    Diagnostic d = e.errors().get(0);
    assertEquals(dir.resolve("supervisord.conf"), d.file());
    assertEquals(4, d.line());
    assertEquals("program:p", d.section());
    assertEquals("health_retries", d.key());
    assertEquals("lots", d.value());
  }

  @Test
  void timingKeysWithoutAProbeAreWarnedAbout() throws Exception {
    List<String> warnings =
        files()
            .load("[program:p]\ncommand=/bin/cat\nready_timeout=5\nhealth_retries=2\n")
            .diagnostics()
            .stream()
            .map(Diagnostic::message)
            .toList();
    assertEquals(
        List.of(
            "[program:p] ready_timeout has no effect without one of ready_tcp, ready_http,"
                + " ready_command, ready_log",
            "[program:p] health_retries has no effect without one of health_command,"
                + " health_http, health_tcp"),
        warnings);
  }

  @Test
  void tendKeysAreKnownInEverySectionThatRunsProcesses() throws Exception {
    SupervisorConfig c =
        files()
            .load(
                "[program:a]\ncommand=/bin/cat\nhealth_tcp=1\n"
                    + "[eventlistener:e]\ncommand=/bin/cat\nevents=PROCESS_STATE\nready_log=READY\n"
                    + "tend_events=tend_process_health\n"
                    + "[fcgi-program:f]\ncommand=/bin/cat\nsocket=tcp://127.0.0.1:9999\n"
                    + "backoff=exponential\n");
    assertEquals(List.of(), c.diagnostics());
    assertEquals(
        List.of("PROCESS_STATE", "TEND_PROCESS_HEALTH"),
        c.group("e").orElseThrow().listener().events());
  }

  @Test
  void aTendEventInEventsIsSupervisordsErrorWithAHint() {
    ConfigFiles f = files();
    assertEquals(
        List.of(
            "Unknown event type TEND_PROCESS_HEALTH in [eventlistener:e] events (tend's own"
                + " events go in tend_events=, which supervisord ignores)"),
        f.errors("[eventlistener:e]\ncommand=/bin/cat\nevents=TEND_PROCESS_HEALTH\n"));
    assertTrue(
        f.error("[eventlistener:e]\ncommand=/bin/cat\nevents=EVENT\ntend_events=TEND_NOPE\n")
            .startsWith("Unknown tend event type TEND_NOPE in [eventlistener:e] tend_events"));
  }
}
