package dev.tend.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [group:x]}, {@code [fcgi-program:x]}, {@code [eventlistener:x]}, group order. */
class GroupSectionsTest {
  @TempDir Path dir;

  private static List<String> names(SupervisorConfig c) {
    return c.groups().stream().map(GroupConfig::name).toList();
  }

  @Test
  void groupsSortByPriorityThenName() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load(
                "[program:b]\ncommand=x\n[program:a]\ncommand=x\n[program:c]\ncommand=x\npriority=1\n");
    assertEquals(List.of("c", "a", "b"), names(c));
  }

  @Test
  void heterogeneousGroupTakesItsPrograms() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load(
                "[group:site]\nprograms=web, api\npriority=5\n"
                    + "[program:web]\ncommand=w %(group_name)s\npriority=2\n"
                    + "[program:api]\ncommand=a\npriority=1\n[program:solo]\ncommand=s\n");
    assertEquals(List.of("site", "solo"), names(c));
    GroupConfig site = c.group("site").orElseThrow();
    assertEquals(GroupKind.HETEROGENEOUS, site.kind());
    assertEquals(5, site.priority());
    assertEquals(
        List.of("web", "api"), site.processes().stream().map(ProcessConfig::name).toList());
    SupervisorConfig same =
        new ConfigFiles(dir)
            .load(
                "[group:g]\nprograms=web,api\n[program:web]\ncommand=w\n[program:api]\ncommand=a\n");
    assertEquals(
        List.of("web", "api"),
        same.group("g").orElseThrow().processes().stream().map(ProcessConfig::name).toList(),
        "programs= order, as supervisord keeps it");
    assertEquals("w site", site.processes().get(0).command());
  }

  @Test
  void groupErrors() {
    ConfigFiles f = new ConfigFiles(dir);
    assertEquals(
        "[group:g] names unknown program or fcgi-program zz", f.error("[group:g]\nprograms=zz\n"));
    assertEquals(
        "[group:g] name x is ambiguous (exists as program and fcgi-program)",
        f.error(
            "[group:g]\nprograms=x\n[program:x]\ncommand=a\n"
                + "[fcgi-program:x]\ncommand=a\nsocket=tcp://localhost:9000\n"));
    assertEquals(
        "Invalid name: 'a b' because of character: ' '", f.error("[group:a b]\nprograms=\n"));
  }

  @Test
  void fcgiProgram() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load(
                "[fcgi-program:php]\ncommand=php-cgi\nsocket=unix://%(here)s/%(program_name)s.sock\n"
                    + "socket_backlog=64\nsocket_mode=0770\nsocket_owner=nobody:nogroup\n");
    GroupConfig g = c.group("php").orElseThrow();
    assertEquals(GroupKind.FCGI_PROGRAM, g.kind());
    assertEquals(
        new FcgiSocketConfig("unix://" + dir.resolve("php.sock"), 64, 65534, 65534, 0770),
        g.socket());
  }

  @Test
  void fcgiSocketDefaults() throws Exception {
    ConfigFiles f = new ConfigFiles(dir);
    FcgiSocketConfig unix =
        f.load("[fcgi-program:p]\ncommand=x\nsocket=unix:///run/p.sock\nuser=nobody\n")
            .groups()
            .get(0)
            .socket();
    assertEquals(
        new FcgiSocketConfig("unix:///run/p.sock", FcgiSocketParser.SOMAXCONN, 65534, 65534, 0700),
        unix);
    FcgiSocketConfig tcp =
        f.load("[fcgi-program:p]\ncommand=x\nsocket=tcp://LocalHost:9000\n")
            .groups()
            .get(0)
            .socket();
    assertEquals(
        new FcgiSocketConfig("tcp://localhost:9000", FcgiSocketParser.SOMAXCONN, null, null, 0),
        tcp);
  }

  @Test
  void fcgiErrors() {
    ConfigFiles f = new ConfigFiles(dir);
    String head = "[fcgi-program:p]\ncommand=x\n";
    assertEquals("[fcgi-program:p] section requires a \"socket\" line", f.error(head));
    assertEquals(
        "Unix socket path rel.sock is not an absolute path in [fcgi-program:p] socket",
        f.error(head + "socket=unix://rel.sock\n"));
    assertEquals(
        "socket_owner and socket_mode params should only be used with a Unix domain socket in"
            + " [fcgi-program:p] socket",
        f.error(head + "socket=tcp://h:1\nsocket_mode=0700\n"));
    assertEquals(
        "Bad socket format udp://h:1 in [fcgi-program:p] socket",
        f.error(head + "socket=udp://h:1\n"));
    assertEquals(
        "Invalid socket_backlog value 0", f.error(head + "socket=tcp://h:1\nsocket_backlog=0\n"));
    assertEquals(
        "Invalid socket_owner value ghost",
        f.error(head + "socket=unix:///s\nsocket_owner=ghost\n"));
    assertEquals(
        "Invalid socket_mode value 9", f.error(head + "socket=unix:///s\nsocket_mode=9\n"));
  }

  @Test
  void eventListener() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load("[eventlistener:mon]\ncommand=m\nevents=process_state, TICK_5\nbuffer_size=3\n");
    GroupConfig g = c.group("mon").orElseThrow();
    assertEquals(GroupKind.EVENT_LISTENER, g.kind());
    assertEquals(-1, g.priority());
    assertEquals(
        999, g.processes().get(0).priority(), "process priority keeps 999, as supervisord");
    assertEquals(
        new EventListenerConfig(
            List.of("PROCESS_STATE", "TICK_5"), 3, GroupAssembler.DEFAULT_RESULT_HANDLER),
        g.listener());
    assertNull(g.socket());
  }

  @Test
  void eventListenerErrors() {
    ConfigFiles f = new ConfigFiles(dir);
    String head = "[eventlistener:e]\ncommand=x\n";
    assertEquals("[eventlistener:e] section requires an \"events\" line", f.error(head));
    assertEquals(
        "Unknown event type FOO in [eventlistener:e] events", f.error(head + "events=EVENT,foo\n"));
    assertEquals(
        "[eventlistener:e] section sets invalid buffer_size (0)",
        f.error(head + "events=EVENT\nbuffer_size=0\n"));
    assertTrue(
        f.error(head + "events=EVENT\nredirect_stderr=true\n")
            .startsWith(
                "[eventlistener:e] section sets redirect_stderr=true but this is not allowed"));
  }

  @Test
  void unknownResultHandlerIsAWarning() throws Exception {
    SupervisorConfig c =
        new ConfigFiles(dir)
            .load("[eventlistener:e]\ncommand=x\nevents=EVENT\nresult_handler=my.mod:handler\n");
    assertTrue(
        c.diagnostics()
            .get(0)
            .message()
            .startsWith("tend cannot load the Python result handler my.mod:handler"));
  }
}
