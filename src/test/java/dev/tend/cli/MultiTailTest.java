package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.testing.Await;
import dev.tend.testing.FakeSupervisorApi;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code tail -f} over several processes (supervisord issue #246). */
class MultiTailTest {
  private final FakeSupervisorApi fake = new FakeSupervisorApi();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final FakeConsole console = new FakeConsole(false);

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void followsEveryNamedProcessWithPaddedPrefixesUntilCtrlC() throws Exception {
    fake.add("web", "web_0").running(10);
    fake.add("web", "web_1").running(11);
    fake.add("db", "db").running(12);
    fake.log("db", LogStream.STDERR, "old line\n");
    CtlSession s = FakeLink.session(fake, console, out, false);
    AtomicBoolean left = new AtomicBoolean();
    Thread t = new Thread(() -> left.set(s.execute("tail -f web:* db stderr")));
    t.start();
    Await.until("three follows", () -> fake.openFollows() == 3 && console.listening());
    fake.log("web:web_1", LogStream.STDERR, "one\ntw");
    fake.log("web:web_1", LogStream.STDERR, "o\n");
    fake.log("web:web_0", LogStream.STDOUT, "stdout is not followed\n");
    Await.until("the lines", () -> output().contains("two"));
    console.pressCtrlC();
    t.join(10_000);
    assertEquals(0, s.exitStatus());
    String o = output();
    assertTrue(o.startsWith("==> Press Ctrl-C to exit <==\n"), o);
    assertTrue(o.contains("db        | old line\n"), o);
    assertTrue(o.contains("web:web_1 | one\nweb:web_1 | two\n"), o);
    assertTrue(o.endsWith("\n\n"), "an empty line after Ctrl-C, as supervisorctl");
    assertTrue(!o.contains("stdout is not followed"), o);
    assertEquals(0, fake.openFollows(), "every follow closed");
  }

  @Test
  void unknownNamesAreReportedAndTheRestFollowed() throws Exception {
    fake.add("web", "web").running(10);
    CtlSession s = FakeLink.session(fake, console, out, false);
    Thread t = new Thread(() -> s.execute("tail -f web nosuch nogroup:*"));
    t.start();
    Await.until("one follow", () -> fake.openFollows() == 1 && console.listening());
    console.pressCtrlC();
    t.join(10_000);
    assertEquals(
        "nosuch: ERROR (no such process)\nnogroup: ERROR (no such group)\n"
            + "==> Press Ctrl-C to exit <==\n\n",
        output());
    assertEquals(1, s.exitStatus());
  }

  @Test
  void supervisorctlsOwnFormsStaySingle() {
    assertTrue(!MultiTail.applies(java.util.List.of("-f", "web")));
    assertTrue(!MultiTail.applies(java.util.List.of("-f", "web", "stderr")));
    assertTrue(!MultiTail.applies(java.util.List.of("-5", "web", "db")));
    assertTrue(MultiTail.applies(java.util.List.of("-f", "web", "db")));
    assertTrue(MultiTail.applies(java.util.List.of("-f", "web:*")));
    assertTrue(MultiTail.applies(java.util.List.of("-f", "all", "STDERR")));
  }
}
