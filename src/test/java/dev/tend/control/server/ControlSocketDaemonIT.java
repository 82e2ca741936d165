package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.control.xmlrpc.XmlRpcEncoder;
import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.TendCommand;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The control socket of a real tend daemon (issue 11, issue 13): it comes back when its file is
 * deleted, a reload keeps the listeners whose sections did not change, and supervisorctl, tend ctl
 * and Python's xmlrpc.client all drive it over the unix socket and TCP.
 */
class ControlSocketDaemonIT {
  private static final byte[] GET_STATE =
      RawHttp.post("/RPC2", XmlRpcEncoder.call("supervisor.getState", List.of()));

  @TempDir Path dir;
  private Path conf;
  private Path socket;
  private int port;
  private Process daemon;

  @BeforeEach
  void start() throws Exception {
    socket = dir.resolve("s.sock");
    port = freePort();
    conf = dir.resolve("s.conf");
    Files.writeString(conf, config(port));
    daemon = TendCommand.start(dir, "daemon", "-n", "-c", conf.toString());
    Await.until("the program started", Duration.ofSeconds(60), () -> spawns() == 1);
    Await.until("the socket answers", Duration.ofSeconds(30), () -> answers(unix()));
  }

  @AfterEach
  void stop() throws Exception {
    daemon.destroy();
    assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "the daemon ends on SIGTERM");
  }

  private static String config(int port) {
    return """
        [supervisord]
        logfile=%(here)s/main.log
        pidfile=%(here)s/pid
        childlogdir=%(here)s

        [unix_http_server]
        file=%(here)s/s.sock

        [inet_http_server]
        port=127.0.0.1:PORT

        [supervisorctl]
        serverurl=unix://%(here)s/s.sock

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface

        [program:sleeper]
        command=sleep 600
        startsecs=0
        """
        .replace("PORT", Integer.toString(port));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private String mainLog() {
    try {
      return Files.readString(dir.resolve("main.log"));
    } catch (IOException e) {
      return "";
    }
  }

  private int spawns() {
    Matcher m = Pattern.compile("spawned: 'sleeper'").matcher(mainLog());
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private String unix() {
    return "unix://" + socket;
  }

  private String inet(int p) {
    return "http://127.0.0.1:" + p;
  }

  /** Whether one getState on a new connection is answered 200. */
  private static boolean answers(String url) {
    try (RawHttp http = RawHttp.to(url)) {
      return http.send(GET_STATE).read().status() == 200;
    } catch (IOException e) {
      return false;
    }
  }

  private TendCommand.Result ctl(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("ctl", "-c", conf.toString()));
    all.addAll(List.of(args));
    return TendCommand.run(dir, all.toArray(String[]::new));
  }

  private int statusExit() {
    try {
      return ctl("status").exit();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void signal(String name) throws Exception {
    Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(daemon.pid())).start();
    assertEquals(0, kill.waitFor());
  }

  @Test
  void aDeletedSocketFileIsMadeAgainAndCtlStatusWorksAgain() throws Exception {
    assertEquals(0, ctl("status").exit());
    Files.delete(socket);
    Await.until(
        "tend ctl status works again",
        Duration.ofSeconds(30),
        () -> Files.exists(socket) && statusExit() == 0);
    assertTrue(
        mainLog().contains("socket file " + socket + " was removed or replaced; opened it again"),
        mainLog());
    assertTrue(answers(inet(port)), "the TCP listener was left alone");
  }

  @Test
  void reloadsKeepUnchangedListenersSoNoCallerIsRefused() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger answered = new AtomicInteger();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    List<Thread> callers = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      String url = i % 2 == 0 ? unix() : inet(port);
      callers.add(Thread.ofVirtual().start(() -> callUntil(stop, url, answered, failures)));
    }
    try {
      for (int i = 0; i < 20; i++) {
        int before = spawns();
        signal("HUP");
        Await.until("reload " + (i + 1), Duration.ofSeconds(60), () -> spawns() > before);
      }
      int before = spawns();
      CtlResult reload = RealSupervisorctl.run(dir, "", List.of("-c", conf.toString(), "reload"));
      assertEquals(0, reload.exit(), reload.toString());
      Await.until("supervisorctl reload", Duration.ofSeconds(60), () -> spawns() > before);
      int beforeTend = spawns();
      assertEquals(0, ctl("reload").exit());
      Await.until("tend ctl reload", Duration.ofSeconds(60), () -> spawns() > beforeTend);
    } finally {
      stop.set(true);
      for (Thread t : callers) {
        t.join();
      }
    }
    System.out.printf(
        "calls during 22 reloads: %d answered, %d failed%n", answered.get(), failures.size());
    assertEquals(List.of(), List.copyOf(failures));
    assertTrue(answered.get() > 0, "no call was made");
  }

  /** A new connection per call, as supervisorctl makes them, until {@code stop}. */
  private static void callUntil(
      AtomicBoolean stop,
      String url,
      AtomicInteger answered,
      ConcurrentLinkedQueue<String> failed) {
    while (!stop.get()) {
      try (RawHttp http = RawHttp.to(url)) {
        int status = http.send(GET_STATE).read().status();
        if (status == 200) {
          answered.incrementAndGet();
        } else {
          failed.add(url + ": " + status);
        }
      } catch (IOException e) {
        failed.add(url + ": " + e);
      }
    }
  }

  @Test
  void aReloadRemakesTheListenerWhoseSectionChangedAndKeepsTheOther() throws Exception {
    try (RawHttp kept = RawHttp.unix(socket)) {
      assertEquals(200, kept.send(GET_STATE).read().status());
      int moved = freePort();
      Files.writeString(conf, config(moved));
      int before = spawns();
      signal("HUP");
      Await.until("reloaded", Duration.ofSeconds(60), () -> spawns() > before);
      Await.until("the new port answers", Duration.ofSeconds(30), () -> answers(inet(moved)));
      assertThrows(ConnectException.class, () -> RawHttp.tcp("127.0.0.1", port).close());
      assertEquals(200, kept.send(GET_STATE).read().status(), "the unix listener was kept");
    }
  }

  @Test
  void supervisorctlTendCtlAndPythonDriveItOverBothTransports() throws Exception {
    TestDependency.require("python3");
    for (String url : List.of(unix(), inet(port))) {
      CtlResult sc = RealSupervisorctl.run(dir, "", List.of("-s", url, "stop", "sleeper"));
      assertEquals("sleeper: stopped\n", sc.out(), sc.toString());
      TendCommand.Result tc = ctl("-s", url, "start", "sleeper");
      assertEquals("sleeper: started\n", tc.out(), tc.err());
      assertEquals("RUNNING stopped started", python(url), url);
    }
  }

  /** Python's xmlrpc.client, over a unix socket by a transport as supervisor's own does it. */
  private String python(String url) throws Exception {
    String script =
        """
        import http.client, socket, sys, xmlrpc.client
        class UnixConnection(http.client.HTTPConnection):
            def connect(self):
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(sys.argv[1][len('unix://'):])
        class UnixTransport(xmlrpc.client.Transport):
            def make_connection(self, host):
                return UnixConnection('localhost')
        url = sys.argv[1]
        if url.startswith('unix://'):
            s = xmlrpc.client.ServerProxy('http://localhost/RPC2', transport=UnixTransport())
        else:
            s = xmlrpc.client.ServerProxy(url + '/RPC2')
        state = s.supervisor.getState()['statename']
        stopped = s.supervisor.stopProcess('sleeper')
        started = s.supervisor.startProcess('sleeper')
        print(state, 'stopped' if stopped else '-', 'started' if started else '-')
        """;
    Process p = new ProcessBuilder("python3", "-c", script, url).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    return out;
  }
}
