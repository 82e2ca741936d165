package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.config.SupervisorConfig;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.RecordingLogListener;
import dev.tend.testing.TestConfigs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tend's client following a log on a tend server by one streaming response (GET /tend/follow,
 * docs/PROTOCOL.md): every write arrives without a request of its own, a listener that is reopened
 * under the stream costs no byte, and a process that goes away ends the follow with a reason.
 */
class StreamedFollowIT {
  @TempDir Path dir;
  private ServerHarness h;
  private RemoteSupervisor api;

  @BeforeEach
  void start() throws Exception {
    h =
        ServerHarness.start(
            dir,
            TestConfigs.config(
                TestConfigs.program(
                    TestConfigs.with(TestConfigs.process("web", "cat"), b -> b.startsecs(0)))));
    Await.until("web running", () -> h.children.liveCount() == 1);
    api = RemoteSupervisor.connect(ServerUrl.parse(h.unixUrl()), ClientSettings.defaults());
  }

  @AfterEach
  void stop() {
    api.close();
    h.close();
  }

  private LogFollow follow(RecordingLogListener l) {
    LogFollow f = api.followProcessLog("web", LogStream.STDOUT, 4096, l);
    Await.until("the history", () -> l.text().equals("cat started\n"));
    return f;
  }

  @Test
  void everyWriteArrivesOnTheOneStreamWithoutARequestOfItsOwn() {
    RecordingLogListener l = new RecordingLogListener();
    LogFollow f = follow(l);
    try {
      long requests = h.server.requests();
      StringBuilder expected = new StringBuilder("cat started\n");
      for (int i = 0; i < 50; i++) {
        String line = "line " + i + "\n";
        expected.append(line);
        h.write("web", LogStream.STDOUT, line);
        Await.until("line " + i, () -> l.text().contentEquals(expected));
      }
      assertEquals(requests, h.server.requests(), "requests made while following");
      assertEquals(List.of(), l.gaps());
    } finally {
      f.close();
    }
    Await.until("the stream ended on the server", () -> h.server.inFlight() == 0);
  }

  @Test
  void aListenerReopenedUnderTheStreamLosesAndRepeatsNothing() throws Exception {
    RecordingLogListener l = new RecordingLogListener();
    LogFollow f = follow(l);
    try {
      h.write("web", LogStream.STDOUT, "before\n");
      Await.until("before", () -> l.text().endsWith("before\n"));
      SupervisorConfig changed =
          ServerHarness.withServers(h.nextConfig, dir.resolve("tend.sock"), h.mainLog, null, true);
      h.server.reopen(changed); // an inet listener added: the unix one is kept
      h.write("web", LogStream.STDOUT, "kept\n");
      Await.until("kept", () -> l.text().endsWith("kept\n"));
      long requests = h.server.requests();
      h.server.reopen(withMode(changed, 0770)); // the listener of the stream is replaced
      h.write("web", LogStream.STDOUT, "after\n");
      Await.until("after", () -> l.text().endsWith("after\n"));
      assertEquals("cat started\nbefore\nkept\nafter\n", l.text());
      assertEquals(List.of(), l.gaps());
      assertTrue(h.server.requests() > requests, "the client resumed with a new request");
    } finally {
      f.close();
    }
  }

  private static SupervisorConfig withMode(SupervisorConfig c, int mode) {
    var u = c.unixHttpServers().get(0);
    return new SupervisorConfig(
        c.file(),
        c.includedFiles(),
        c.supervisord(),
        List.of(
            new dev.tend.config.UnixHttpServerConfig(
                u.section(), u.file(), mode, u.chownUid(), u.chownGid(), u.auth())),
        c.inetHttpServers(),
        c.ctl(),
        c.rpcInterfaces(),
        c.groups(),
        c.diagnostics());
  }

  @Test
  void aProcessThatGoesAwayEndsTheFollowWithTheReason() throws Exception {
    RecordingLogListener l = new RecordingLogListener();
    follow(l);
    api.stopProcess("web", true);
    h.rereadFinds(TestConfigs.config());
    api.reloadConfig();
    api.removeProcessGroup("web");
    Await.until("the follow ended", () -> l.closedReason() != null);
    assertEquals("web stdout no longer exists", l.closedReason());
  }
}
