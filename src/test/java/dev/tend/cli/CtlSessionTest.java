package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.testing.FakeSupervisorApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The controller's rules on a fake server: exit statuses, upcheck, completion, parsing. */
class CtlSessionTest {
  private final FakeSupervisorApi fake = new FakeSupervisorApi();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private CtlSession session(boolean colour) {
    return FakeLink.session(fake, new FakeConsole(false), out, colour);
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void statusExitsThreeWhenAListedProcessIsNotRunningAndFourForUnknownNames() {
    fake.add("web", "web").running(100);
    fake.add("db", "db");
    CtlSession s = session(false);
    s.execute("status web");
    assertEquals(0, s.exitStatus());
    s.execute("status nosuch web");
    assertEquals(4, s.exitStatus());
    s.execute("status nosuch db");
    assertEquals(3, s.exitStatus(), "not running is assigned last and wins");
  }

  @Test
  void theLastAssignmentWinsAndSuccessDoesNotReset() {
    fake.add("web", "web").running(100);
    fake.add("db", "db");
    CtlSession s = session(false);
    s.execute("stop nosuch db web");
    assertEquals(1, s.exitStatus(), "a later NOT_RUNNING and success leave the 1 of nosuch");
    assertEquals(
        "nosuch: ERROR (no such process)\ndb: ERROR (not running)\nweb: stopped\n", output());
  }

  @Test
  void anUnreachableServerFailsTheUpcheckWithSupervisorctlsWords() {
    fake.goAway(ConnectionException.Kind.REFUSED);
    CtlSession s = session(false);
    s.execute("version");
    assertEquals(4, s.exitStatus());
    assertEquals("unix:///x.sock refused connection\n", output());
    fake.goAway(ConnectionException.Kind.NO_SUCH_FILE);
    s.execute("status");
    assertEquals(4, s.exitStatus(), "status says 4 whatever the upcheck failure");
  }

  @Test
  void linesParseAsPythonsCmd() {
    CtlSession s = session(false);
    s.execute("  ");
    assertEquals("", output());
    s.execute("STATUS");
    s.execute("!ls");
    assertEquals("*** Unknown syntax: STATUS\n*** Unknown syntax: !ls\n", output());
    assertEquals(1, s.exitStatus());
    assertTrue(s.execute("quit"), "quit leaves the shell");
    assertTrue(s.execute("EOF"));
  }

  @Test
  void completionFollowsSupervisorctlsRules() {
    fake.add("web", "web");
    fake.add("grp", "g1");
    fake.add("grp", "g2");
    CtlSession s = session(false);
    assertEquals(List.of("start ", "status "), Completion.candidates(s, "sta", "sta"));
    assertEquals(List.of("help "), Completion.candidates(s, "he", "he"));
    assertEquals(
        List.of("grp:g1 ", "grp:* ", "grp:g2 ", "web "), Completion.candidates(s, "stop ", ""));
    assertEquals(List.of("web:web ", "web:* "), Completion.candidates(s, "stop web:", "web:"));
    assertEquals(List.of("grp ", "web "), Completion.candidates(s, "update ", ""));
    assertEquals(List.of("stop "), Completion.candidates(s, "help st", "st").subList(2, 3));
    assertEquals(List.of(), Completion.candidates(s, "version ", ""));
    assertEquals(1, fake.calls("getAllProcessInfo").size(), "one call per command line");
  }
}
