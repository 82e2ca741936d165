package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tend.api.ChangeBatch;
import dev.tend.api.ConfigInfo;
import dev.tend.api.Health;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.api.ProcessStats;
import dev.tend.api.SupervisorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structs keep supervisord 4.2.5's member names, order and XML-RPC types. */
class WireStructsTest {

  @Test
  void processInfoHasSupervisordsMembersInItsOrder() {
    ProcessInfo p =
        new ProcessInfo(
            "web",
            "site",
            "pid 42, uptime 0:00:05",
            1_700_000_000L,
            0,
            1_700_000_005L,
            ProcessState.RUNNING,
            "",
            0,
            "/var/log/web.log",
            "",
            42,
            7,
            15);
    Map<String, Object> s = WireStructs.processInfo(p);
    assertEquals(
        List.of(
            "name",
            "group",
            "start",
            "stop",
            "now",
            "state",
            "statename",
            "spawnerr",
            "exitstatus",
            "logfile",
            "stdout_logfile",
            "stderr_logfile",
            "pid",
            "description"),
        new ArrayList<>(s.keySet()));
    assertEquals(1_700_000_000, s.get("start"));
    assertEquals(20, s.get("state"));
    assertEquals("RUNNING", s.get("statename"));
    assertEquals("/var/log/web.log", s.get("logfile"));
    Map<String, Object> t = WireStructs.tendProcessInfo(p);
    assertEquals(7, t.get("restarts"));
    assertEquals(15, t.get("exitsignal"));
  }

  @Test
  void tendsProcessInfoAddsHealthReasonAndDependenciesAfterSupervisordsMembers() {
    ProcessInfo p =
        new ProcessInfo(
            "worker",
            "worker",
            "waiting for broker: FATAL",
            0,
            0,
            1_700_000_005L,
            ProcessState.STOPPED,
            "",
            0,
            "",
            "",
            0,
            0,
            0,
            new Health(Health.Status.UNHEALTHY, 1_700_000_001L, "HTTP 503", 3),
            "waiting for broker: FATAL",
            List.of("broker", "db:primary"));
    Map<String, Object> t = WireStructs.tendProcessInfo(p);
    assertEquals(
        List.of(
            "description",
            "restarts",
            "exitsignal",
            "health",
            "healthchecked",
            "healthmessage",
            "healthfailures",
            "reason",
            "dependson"),
        new ArrayList<>(t.keySet()).subList(13, t.size()));
    assertEquals("unhealthy", t.get("health"));
    assertEquals(1_700_000_001, t.get("healthchecked"));
    assertEquals("HTTP 503", t.get("healthmessage"));
    assertEquals(3, t.get("healthfailures"));
    assertEquals("waiting for broker: FATAL", t.get("reason"));
    assertEquals(List.of("broker", "db:primary"), t.get("dependson"));
  }

  @Test
  void timestampsSaturateAtXmlRpcsIntAsSupervisordsCappedInt() {
    assertEquals(Integer.MAX_VALUE, WireStructs.capped(5_000_000_000L));
    assertEquals(Integer.MIN_VALUE, WireStructs.capped(-5_000_000_000L));
    assertEquals(12, WireStructs.capped(12));
  }

  @Test
  void configInfoHas4_2_5sKeysInItsOrderWithNoneForUnset() {
    ConfigInfo.StreamConfigInfo out =
        new ConfigInfo.StreamConfigInfo("auto", 50 * 1024 * 1024, 10, 0, false, false);
    ConfigInfo.StreamConfigInfo err =
        new ConfigInfo.StreamConfigInfo("none", 5_000_000_000L, 10, 0, true, true);
    ConfigInfo c =
        new ConfigInfo(
            "web",
            "site",
            true,
            false,
            null,
            null,
            "run web",
            List.of(0, 2),
            999,
            10,
            false,
            true,
            3,
            1,
            15,
            10,
            "auto",
            out,
            err);
    Map<String, Object> s = WireStructs.configInfo(c);
    assertEquals(
        List.of(
            "autostart",
            "directory",
            "uid",
            "command",
            "exitcodes",
            "group",
            "group_prio",
            "inuse",
            "killasgroup",
            "name",
            "process_prio",
            "redirect_stderr",
            "startretries",
            "startsecs",
            "stdout_capture_maxbytes",
            "stdout_events_enabled",
            "stdout_logfile",
            "stdout_logfile_backups",
            "stdout_logfile_maxbytes",
            "stdout_syslog",
            "stopsignal",
            "stopwaitsecs",
            "stderr_capture_maxbytes",
            "stderr_events_enabled",
            "stderr_logfile",
            "stderr_logfile_backups",
            "stderr_logfile_maxbytes",
            "stderr_syslog",
            "serverurl"),
        new ArrayList<>(s.keySet()));
    assertEquals("none", s.get("directory"));
    assertEquals("none", s.get("uid"));
    assertEquals(List.of(0, 2), s.get("exitcodes"));
    assertEquals(52_428_800, s.get("stdout_logfile_maxbytes"));
    assertEquals(5_000_000_000L, s.get("stderr_logfile_maxbytes")); // beyond int: i8
    assertEquals(15, s.get("stopsignal"));
    assertEquals("auto", s.get("serverurl"));
  }

  @Test
  void changesCarryTheCursorAsADecimalString() {
    ChangeBatch b =
        new ChangeBatch(
            9_000_000_000L, false, SupervisorState.RESTARTING, List.of(), List.of("gone"));
    Map<String, Object> s = WireStructs.changes(b);
    assertEquals(
        List.of("cursor", "full", "state", "processes", "removed"), new ArrayList<>(s.keySet()));
    assertEquals("9000000000", s.get("cursor"));
    assertEquals(0, s.get("state"));
    assertEquals(List.of("gone"), s.get("removed"));
  }

  @Test
  void statsNameTheProcessByNamespecWithRssAsI8() {
    Map<String, Object> s = WireStructs.stats(new ProcessStats("g:a", 12, 1.5, 10L, 3));
    assertEquals(Map.of("name", "g:a", "pid", 12, "cpu", 1.5, "rss", 10L, "processes", 3), s);
  }
}
