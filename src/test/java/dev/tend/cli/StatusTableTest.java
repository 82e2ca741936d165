package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTableTest {
  private static ProcessInfo info(
      String group, String name, ProcessState state, String description, long upSeconds) {
    long now = 1_000_000;
    return new ProcessInfo(
        name, group, description, now - upSeconds, 0, now, state, "", 0, "", "", 42, 0, 0);
  }

  @Test
  void namesGetAtLeastThirtyColumnsPlusThreeAndStatesTen() {
    List<String> lines =
        StatusTable.lines(
            List.of(
                info("cat", "cat", ProcessState.RUNNING, "pid 42, uptime 0:00:16", 16),
                info("grp", "g2", ProcessState.STOPPED, "Not started", 0)),
            false);
    assertEquals(
        List.of(
            "cat                              RUNNING   pid 42, uptime 0:00:16",
            "grp:g2                           STOPPED   Not started"),
        lines);
  }

  @Test
  void aLongNameWidensTheColumnAndStartingRowsKeepTheirPadding() {
    String longName = "a_program_name_longer_than_thirty";
    List<String> lines =
        StatusTable.lines(
            List.of(
                info(longName, longName, ProcessState.STARTING, "", 1),
                info("b", "b", ProcessState.FATAL, "can't find command 'x'", 0)),
            false);
    assertEquals(longName + "   STARTING  ", lines.get(0)); // not stripped, as supervisorctl
    assertEquals(
        "b" + " ".repeat(longName.length() + 2) + "FATAL     can't find command 'x'", lines.get(1));
  }

  @Test
  void widthsCountCharactersNotUtf16Units() {
    String name = "caf\u00e9_\uD83D\uDE80"; // 6 code points, 7 UTF-16 units
    String line =
        StatusTable.lines(List.of(info(name, name, ProcessState.STOPPED, "x", 0)), false).get(0);
    assertEquals(name + " ".repeat(33 - 6) + "STOPPED   x", line);
  }

  @Test
  void colourMarksStatesAndRecentUptimesButKeepsTheColumns() {
    List<ProcessInfo> infos =
        List.of(
            info("web", "web", ProcessState.RUNNING, "pid 42, uptime 0:00:05", 5),
            info("db", "db", ProcessState.RUNNING, "pid 43, uptime 1:00:00", 3600),
            info("bad", "bad", ProcessState.FATAL, "Exited too quickly", 0));
    List<String> plain = StatusTable.lines(infos, false);
    List<String> coloured = StatusTable.lines(infos, true);
    for (int i = 0; i < infos.size(); i++) {
      assertEquals(plain.get(i), coloured.get(i).replaceAll("\033\\[[0-9;]*m", ""));
    }
    assertTrue(coloured.get(0).contains("\033[32mRUNNING"), coloured.get(0));
    assertTrue(coloured.get(0).contains("\033[1;33mpid 42, uptime 0:00:05"), "recent: highlighted");
    assertFalse(coloured.get(1).contains("\033[1;33m"), "an hour up: not highlighted");
    assertTrue(coloured.get(2).contains("\033[1;31mFATAL"), coloured.get(2));
  }

  @Test
  void anUnhealthyProcessFromATendDaemonIsMarkedAndOthersAreNot() {
    ProcessInfo base = info("web", "web", ProcessState.RUNNING, "pid 42, uptime 1:00:00", 3600);
    ProcessInfo unhealthy = withHealth(base, Health.Status.UNHEALTHY);
    ProcessInfo healthy = withHealth(base, Health.Status.HEALTHY);
    assertEquals(
        List.of(
            "web                              RUNNING   pid 42, uptime 1:00:00 [unhealthy]",
            "web                              RUNNING   pid 42, uptime 1:00:00"),
        StatusTable.lines(List.of(unhealthy, healthy), false));
    assertTrue(
        StatusTable.lines(List.of(unhealthy), true)
            .get(0)
            .endsWith("\033[1;31m [unhealthy]\033[0m"));
  }

  private static ProcessInfo withHealth(ProcessInfo p, Health.Status status) {
    return new ProcessInfo(
        p.name(),
        p.group(),
        p.description(),
        p.start(),
        p.stop(),
        p.now(),
        p.state(),
        p.spawnerr(),
        p.exitstatus(),
        p.stdoutLogfile(),
        p.stderrLogfile(),
        p.pid(),
        p.restarts(),
        p.exitSignal(),
        new Health(status, p.now(), "HTTP 503", 3),
        "",
        List.of());
  }
}
