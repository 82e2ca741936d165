package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The listener watchdog: it notices a listener that failed or lost its socket file when that
 * happens (no polling), reopens it and says so in the main log, and has no timer while all is well.
 */
class ListenerWatchdogIT {
  private static final Duration SOON = Duration.ofSeconds(10);

  @TempDir Path dir;
  private final RecordingSupervisorApi api = new RecordingSupervisorApi();
  private final Logger mainLog = (Logger) LoggerFactory.getLogger(ControlServer.class);
  private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
  private final List<ControlServer> servers = new ArrayList<>();

  @BeforeEach
  void capture() {
    lines.start();
    mainLog.addAppender(lines);
  }

  @AfterEach
  void closeAll() {
    servers.forEach(ControlServer::close);
    mainLog.detachAppender(lines);
  }

  private ControlServer start(Path socket, boolean inet) throws Exception {
    ControlServer s =
        ControlServer.start(
            api,
            ServerConfigs.with(
                List.of(ServerConfigs.unix(socket, 0700, null)),
                inet ? List.of(ServerConfigs.inet(null)) : List.of(),
                dir.resolve("main.log")),
            m -> {},
            ServerLimits.DEFAULTS);
    servers.add(s);
    return s;
  }

  private boolean said(String part) {
    return lines.list.stream().anyMatch(e -> e.getFormattedMessage().contains(part));
  }

  private static boolean answers(String url) {
    try (RawHttp http = RawHttp.to(url)) {
      http.send(RawHttp.post("/RPC2", XmlRpcEncoder.call("supervisor.getPID", List.of())));
      return http.read().status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void anIdleWatchdogHasNoTimer() throws Exception {
    ControlServer s = start(dir.resolve("s.sock"), true);
    assertTrue(answers(s.urls().get(0)));
    Await.until(
        "the watchdog sleeps until told", SOON, () -> s.watchdog().nanosToWait() == Long.MAX_VALUE);
  }

  @Test
  void aSocketFileRenamedAwayIsMadeAgainAtOnce() throws Exception {
    Path socket = dir.resolve("s.sock");
    ControlServer s = start(socket, false);
    Files.move(socket, dir.resolve("moved.sock"), StandardCopyOption.ATOMIC_MOVE);
    Await.until(
        "the socket file back and answering",
        SOON,
        () -> Files.exists(socket) && answers("unix://" + socket));
    Await.until("said", SOON, () -> said("was removed or replaced; opened it again"));
    assertEquals(List.of("unix://" + socket), s.urls());
  }

  @Test
  void aListenerWhoseSocketFailsIsOpenedAgainAndTheOtherIsLeftAlone() throws Exception {
    Path socket = dir.resolve("s.sock");
    ControlServer s = start(socket, true);
    String unix = "unix://" + socket;
    String inet = s.urls().get(1);
    Listener tcp = s.listener(inet);
    Listener broken = s.listener(unix);
    assertNotNull(broken);
    broken.failUnderIt();
    Await.until("a new listener on " + unix, SOON, () -> s.listener(unix) != broken);
    assertTrue(answers(unix));
    assertTrue(said("the listener failed"));
    assertTrue(said("its listening socket failed; opened it again"));
    assertNotSame(null, tcp);
    assertTrue(s.listener(inet) == tcp, "the TCP listener was left alone");
  }

  @Test
  void aSocketWhoseDirectoryWentAwayIsMadeAgainWhenTheDirectoryIsBack() throws Exception {
    Path sub = Files.createDirectory(dir.resolve("run"));
    Path socket = sub.resolve("s.sock");
    ControlServer s = start(socket, false);
    Path gone = Files.move(sub, dir.resolve("gone"), StandardCopyOption.ATOMIC_MOVE);
    Files.delete(gone.resolve("s.sock"));
    Await.until("the failure said", SOON, () -> said("cannot open it again"));
    assertTrue(s.watchdog().nanosToWait() <= Duration.ofSeconds(1).toNanos(), "it tries again");
    Files.createDirectory(sub);
    Await.until("answering again", SOON, () -> answers("unix://" + socket));
    Await.until("back to sleep", SOON, () -> s.watchdog().nanosToWait() == Long.MAX_VALUE);
  }
}
