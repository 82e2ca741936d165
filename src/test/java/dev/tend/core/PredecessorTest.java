package dev.tend.core;

import static dev.tend.testing.TestConfigs.config;
import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.program;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.tend.config.CrashRecovery.OrphanPolicy;
import dev.tend.config.ProcessConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.ProcessStart;
import dev.tend.platform.Signal;
import dev.tend.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of a previous daemon's processes are adopted, replaced or stopped, and why. */
class PredecessorTest {
  private static final ProcessConfig WEB = process("web", "server --port 80");

  private static RosterEntry recorded(ProcessConfig p) {
    return new RosterEntry(
        10, 100, "web", p.name(), ProgramIdentity.of(p), Signal.TERM, 10, false, false);
  }

  @Test
  void anUnchangedProgramIsAdopted() {
    SupervisorConfig c = config(program(WEB));
    assertEquals(
        Predecessor.Fate.ADOPT, Predecessor.decide(recorded(WEB), c, OrphanPolicy.ADOPT).fate());
  }

  @Test
  void aProgramWhoseCommandChangedIsReplaced() {
    ProcessConfig changed = with(WEB, b -> b.command("server --port 81"));
    Predecessor.Verdict v =
        Predecessor.decide(recorded(WEB), config(program(changed)), OrphanPolicy.ADOPT);
    assertEquals(Predecessor.Fate.REPLACE, v.fate());
    assertEquals("its program changed since it was started", v.why());
  }

  @Test
  void settingsThatDoNotShapeTheProcessKeepItsIdentity() {
    ProcessConfig tuned =
        with(
            WEB,
            b ->
                b.priority(5)
                    .startsecs(9)
                    .stopwaitsecs(1)
                    .autorestart(dev.tend.config.Autorestart.FALSE));
    assertEquals(ProgramIdentity.of(WEB), ProgramIdentity.of(tuned));
    ProcessConfig otherEnv = with(WEB, b -> b.environment(Map.of("A", "1")));
    assertNotEquals(ProgramIdentity.of(WEB), ProgramIdentity.of(otherEnv));
  }

  @Test
  void stopFirstReplacesEvenAnUnchangedProgram() {
    Predecessor.Verdict v =
        Predecessor.decide(recorded(WEB), config(program(WEB)), OrphanPolicy.STOP);
    assertEquals(Predecessor.Fate.REPLACE, v.fate());
  }

  @Test
  void aProgramGoneFromTheConfigIsStopped() {
    ProcessConfig other = process("api", "api");
    Predecessor.Verdict v =
        Predecessor.decide(recorded(WEB), config(program(other)), OrphanPolicy.ADOPT);
    assertEquals(Predecessor.Fate.STOP, v.fate());
    assertEquals("its program is no longer in the config", v.why());
  }

  /**
   * A dead daemon's program that ended while no daemon ran, left a zombie by an init that does not
   * reap it: it is not running, so nothing is taken over (it was adopted as RUNNING before).
   */
  @Test
  void aZombieLeftUnreapedIsNotFound() throws Exception {
    // sh forks a child that ends at once, then becomes `sleep`, which never reaps it
    Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & exec sleep 30").start();
    try {
      Path children = Path.of("/proc/" + parent.pid() + "/task/" + parent.pid() + "/children");
      Await.until("the child", () -> !read(children).isBlank());
      int zombie = Integer.parseInt(read(children).trim().split(" ")[0]);
      Path stat = Path.of("/proc/" + zombie + "/stat");
      Await.until("a zombie", () -> read(stat).contains(") Z "));
      long start = ProcessStart.of(zombie);
      RosterEntry e =
          new RosterEntry(
              zombie, start, "web", "web", ProgramIdentity.of(WEB), Signal.TERM, 10, false, false);

      Predecessor.Takeover t =
          Predecessor.takeOver(List.of(e), Map.of(), config(program(WEB)), OrphanPolicy.ADOPT);

      assertEquals(List.of(), t.alive());
      assertEquals(0, t.orphans().keys().size());
    } finally {
      parent.destroyForcibly().waitFor();
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
