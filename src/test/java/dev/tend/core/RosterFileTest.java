package dev.tend.core;

import static dev.tend.testing.TestConfigs.process;
import static dev.tend.testing.TestConfigs.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.config.ProcessConfig;
import dev.tend.platform.Signal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The roster file: what a daemon records is what the next one reads, at a bounded cost. */
class RosterFileTest {
  @TempDir Path dir;

  private Path path() {
    return RosterFile.beside(dir.resolve("supervisord.pid"));
  }

  private static ProcessConfig web() {
    return with(process("web", "server --port 80"), b -> b.stopwaitsecs(7).stopasgroup(true));
  }

  @Test
  void whatRunsIsReadBackByTheNextDaemonAndWhatEndedIsNot() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("site", web(), 101, 5001);
    roster.running("site", with(process("worker", "w"), b -> b), 102, 5002);
    roster.gone(101);
    roster.flush();
    List<RosterEntry> read = RosterFile.previous(path(), "boot-1");
    assertEquals(1, read.size());
    RosterEntry e = read.get(0);
    assertEquals(102, e.pid());
    assertEquals(5002, e.startTime());
    assertEquals("site:worker", e.namespec());
  }

  @Test
  void aStartIsOnDiskTheMomentItIsRecorded() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("web", web(), 101, 5001);
    // no flush, no close: a daemon killed now must leave this process findable
    RosterEntry e = RosterFile.previous(path(), "boot-1").get(0);
    assertEquals(
        new RosterEntry(
            101, 5001, "web", "web", ProgramIdentity.of(web()), Signal.TERM, 7, true, true),
        e);
  }

  @Test
  void aRosterOfAnotherBootNamesNothing() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("web", web(), 101, 5001);
    assertEquals(List.of(), RosterFile.previous(path(), "boot-2"));
  }

  @Test
  void aTornLastLineAndForeignLinesAreSkipped() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("web", web(), 101, 5001);
    Files.writeString(
        path(),
        "garbage line\n+ 102 5002 web web2 abc TE",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    List<RosterEntry> read = RosterFile.previous(path(), "boot-1");
    assertEquals(1, read.size());
    assertEquals(101, read.get(0).pid());
  }

  @Test
  void namesWithBlanksAndPercentSignsSurvive() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("my group", with(process("50% web", "x"), b -> b), 7, 70);
    RosterEntry e = RosterFile.previous(path(), "boot-1").get(0);
    assertEquals("my group", e.group());
    assertEquals("50% web", e.name());
  }

  @Test
  void aCrashLoopOf400ProgramsNeverGrowsTheFileBeyondItsBoundNorRewritesItOften() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    ProcessConfig p = web();
    int pid = 1000;
    for (int i = 0; i < 400; i++) {
      roster.running("g" + i, p, pid++, pid);
    }
    long liveSize = Files.size(path());
    long biggest = 0;
    int rewrites = 0;
    long before = roster.size();
    for (int round = 0; round < 20; round++) {
      for (int i = 0; i < 400; i++) {
        roster.gone(pid - 400);
        roster.running("g" + i, p, pid++, pid);
        long now = roster.size();
        if (now < before) {
          rewrites++;
        }
        before = now;
        biggest = Math.max(biggest, now);
      }
    }
    assertTrue(biggest <= 9 * liveSize + 4096, biggest + " bytes against " + liveSize + " live");
    assertTrue(rewrites <= 20 * 400 / 100, rewrites + " rewrites for 8,000 restarts");
    assertEquals(400, RosterFile.previous(path(), "boot-1").size());
  }

  @Test
  void aDaemonStoppingWithNothingRunningRemovesItsRoster() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("web", web(), 101, 5001);
    roster.gone(101);
    roster.close();
    assertFalse(Files.exists(path()));
  }

  @Test
  void aDaemonStoppingWithProcessesLeftKeepsItsRosterForTheNext() throws Exception {
    RosterFile roster = RosterFile.start(path(), "boot-1", List.of());
    roster.running("web", web(), 101, 5001);
    roster.close();
    assertTrue(Files.exists(path()));
    assertEquals(1, RosterFile.previous(path(), "boot-1").size());
  }

  @Test
  void aNewRosterStartsWithTheProcessesItTookOver() throws Exception {
    RosterEntry carried = new RosterEntry(5, 50, "web", "web", "abc", Signal.INT, 3, false, false);
    RosterFile.start(path(), "boot-1", List.of(carried));
    assertEquals(List.of(carried), RosterFile.previous(path(), "boot-1"));
  }
}
