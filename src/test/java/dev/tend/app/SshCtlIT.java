package dev.tend.app;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.PrivateSshd;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * tend ctl over ssh with real OpenSSH on both ends: a private sshd on loopback, and behind it a
 * real supervisord and a tend daemon, each with a 0700 socket. Host names web1, web2, web3 are
 * three hosts to tend (three masters) and the same sshd.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshCtlIT {
  @TempDir static Path dir;
  private PrivateSshd sshd;
  private RealSupervisord sd;
  private RealSupervisord td;
  private Path runtime;
  private Path serversFile;

  @BeforeAll
  void start() throws Exception {
    sshd = PrivateSshd.start(dir.resolve("sshd"));
    sd = programs(RealSupervisord.in(dir.resolve("sd"))).start();
    td = programs(RealSupervisord.in(dir.resolve("td"))).tendDaemon().start();
    runtime = Files.createDirectories(dir.resolve("run"));
    serversFile =
        Files.writeString(
            dir.resolve("servers.conf"),
            String.join(
                "\n",
                "[server:web1]",
                "url = ssh://web1" + sd.socket(),
                "[server:web2]",
                "url = ssh://web2" + td.socket(),
                "[server:web3]",
                "url = ssh://web3" + dir.resolve("gone.sock"),
                "[server:far]",
                "url = ssh://" + PrivateSshd.UNREACHABLE + sd.socket(),
                "[group:web]",
                "servers = web1, web2, web3",
                ""));
  }

  private static RealSupervisord programs(RealSupervisord d) {
    return d.program("cat", "command=/bin/cat", "startsecs=0")
        .program("sleeper", "command=sleep 1000", "autostart=false", "startsecs=0");
  }

  @AfterAll
  void stop() {
    for (AutoCloseable c : new AutoCloseable[] {sd, td, sshd}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // the others still get closed
      }
    }
  }

  @AfterEach
  void noSshIsLeft() {
    Await.until("no ssh of the test's left", () -> sshd.clients().isEmpty());
    Await.until("every private directory removed", () -> list(runtime).isEmpty());
  }

  private Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("LANG", "C.UTF-8");
    env.put("TEND_SSH", sshd.tendSsh());
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    env.put("HOME", dir.toString());
    return env;
  }

  private CtlResult ctl(String... args) {
    return ctl(List.of(args));
  }

  private CtlResult ctl(List<String> args) {
    List<String> a = new ArrayList<>(List.of("--servers", serversFile.toString()));
    a.addAll(args);
    return CtlRuns.tend(dir, "", a, env());
  }

  @Test
  void statusAndRestartThroughSshEqualTheSameThroughTheLocalSocket() {
    for (RealSupervisord d : List.of(sd, td)) {
      String local = "unix://" + d.socket();
      String remote = "ssh://web1" + d.socket();
      for (String verb : List.of("status", "status cat nosuch", "restart cat", "stop nosuch")) {
        List<String> words = List.of(verb.split(" "));
        CtlResult here = CtlRuns.withoutPids(ctl(concat("-s", local, words)));
        CtlResult there = CtlRuns.withoutPids(ctl(concat("-s", remote, words)));
        assertEquals(here.toString(), there.toString(), verb + " on " + d.dir());
      }
    }
  }

  @Test
  void aGroupRunsOnEveryServerAndNamesTheOneThatIsDown() {
    CtlResult r = ctl("-g", "web", "restart", "cat");
    List<String> lines = r.out().lines().sorted().toList();
    assertEquals(
        List.of(
            "web1 | cat: started",
            "web1 | cat: stopped",
            "web2 | cat: started",
            "web2 | cat: stopped",
            "web3 | ssh://web3" + dir.resolve("gone.sock") + " no such file"),
        lines,
        r.toString());
    assertEquals(7, r.exit(), r.toString());
  }

  @Test
  void statusOfAGroupIsOneTableWithTheServerFirst() {
    CtlResult r = CtlRuns.withoutPids(ctl("-g", "web", "status"));
    List<String> lines = r.out().lines().toList();
    assertEquals("web3 | ssh://web3" + dir.resolve("gone.sock") + " no such file", lines.get(0));
    assertEquals(5, lines.size(), r.toString());
    assertTrue(lines.get(1).matches("web1  cat +RUNNING +pid N, uptime X"), lines.get(1));
    assertTrue(lines.get(2).matches("web1  sleeper +STOPPED +Not started"), lines.get(2));
    assertTrue(lines.get(3).startsWith("web2  cat "), lines.get(3));
    assertEquals(4, r.exit(), "unreachable server: status's own 4");
  }

  @Test
  void serialStopsAtTheFirstFailureWhenAsked() {
    CtlResult r = ctl("--serial", "--stop-on-error", "-s", "web3", "-s", "web1", "stop", "cat");
    assertEquals(
        "web3 | ssh://web3" + dir.resolve("gone.sock") + " no such file\n", r.out(), r.toString());
    assertEquals(
        "tend ctl: web3 ended with status 7; not run on web1 (--stop-on-error)\n", r.err());
    assertEquals(7, r.exit());
  }

  @Test
  void anUnreachableHostAndARefusedLoginAreSaidInSshsWords() {
    CtlResult far = ctl("-s", "far", "status");
    assertTrue(
        far.out()
            .startsWith(
                "error: ssh://"
                    + PrivateSshd.UNREACHABLE
                    + sd.socket()
                    + ": ssh could not reach "
                    + PrivateSshd.UNREACHABLE
                    + ": ssh: connect to host 127.0.0.1 port "),
        far.toString());
    assertTrue(far.out().contains(": Connection refused"), far.toString());
    CtlResult login = ctl("-s", "ssh://" + PrivateSshd.WRONG_KEY + sd.socket(), "status");
    assertTrue(
        login.out().contains("ssh could not log in to " + PrivateSshd.WRONG_KEY + ": "),
        login.toString());
    assertTrue(login.out().contains("Permission denied (publickey)."), login.toString());
  }

  @Test
  void aSocketNobodyListensOnIsRefusedAsLocally() throws Exception {
    Path stale = dir.resolve("stale.sock");
    try (var ch =
        java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
      ch.bind(java.net.UnixDomainSocketAddress.of(stale));
    } // closed: the file stays, nobody listens
    CtlResult r = ctl("-s", "ssh://web1" + stale, "status");
    assertEquals("ssh://web1" + stale + " refused connection\n", r.out(), r.toString());
    assertEquals(4, r.exit());
  }

  @Test
  void noSshIsLeftWhenCtlIsKilled() throws Exception {
    Process ctl = tendProcess("-s", "ssh://web1" + sd.socket(), "tail", "-f", "cat");
    try {
      Await.until(
          "ssh is up and forwards the socket",
          () -> !sshd.clients().isEmpty() && forwardedSockets() > 0);
      assertTrue(ctl.isAlive(), output(ctl));
      ctl.destroyForcibly().waitFor();
    } finally {
      ctl.destroyForcibly();
    }
    // noSshIsLeft (after each) waits for the watchdog to end ssh and remove the directory
  }

  @Test
  void noSshIsLeftWhenCtlExits() throws Exception {
    Process ctl = tendProcess("-g", "web", "status");
    assertTrue(ctl.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
    assertTrue(sshd.clients().isEmpty(), "ssh ends before ctl does: " + sshd.clients());
    assertTrue(list(runtime).isEmpty(), "and its directories: " + list(runtime));
  }

  @Test
  void serversListsTheFileAndChecksWhatAnswersAtEach() {
    CtlResult r = servers("--servers", serversFile.toString(), "--check");
    List<String> lines = r.out().lines().toList();
    assertEquals("NAME  URL", lines.get(0).substring(0, 9), r.toString());
    assertTrue(
        lines.get(1).matches("web1 +ssh://web1\\S+ +supervisord 4\\.2\\.5, RUNNING"), lines.get(1));
    assertTrue(lines.get(2).matches("web2 +ssh://web2\\S+ +tend \\S+, RUNNING"), lines.get(2));
    assertTrue(lines.get(3).contains("no such socket on web3: ls: cannot access"), lines.get(3));
    assertTrue(
        lines.get(4).contains("ssh could not reach " + PrivateSshd.UNREACHABLE), lines.get(4));
    assertEquals("group web: web1, web2, web3", lines.get(5));
    assertEquals(0, r.exit());
  }

  @Test
  void serversLocalFindsTheInstancesOfThisHost() throws Exception {
    Path root = dir.resolve("root");
    try (RealSupervisord site =
        RealSupervisord.in(root.resolve("srv/shop")).program("cat", "command=/bin/cat").start()) {
      CtlResult r = servers("--local");
      assertEquals(
          "shop  unix://" + site.socket() + "  supervisord 4.2.5, RUNNING",
          r.out().lines().toList().get(1).replaceAll(" {2,}", "  "),
          r.toString());
    }
  }

  private CtlResult servers(String... args) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    CtlCommand.Environment e =
        new CtlCommand.Environment(
            java.io.InputStream.nullInputStream(),
            new java.io.PrintStream(out, true, UTF_8),
            new java.io.PrintStream(err, true, UTF_8),
            env(),
            dir,
            false,
            false);
    int exit = ServersCommand.run(args, e, dir.resolve("root"));
    return new CtlResult(exit, out.toString(UTF_8), err.toString(UTF_8));
  }

  private Process tendProcess(String... args) throws IOException {
    List<String> all = new ArrayList<>(List.of("ctl", "--servers", serversFile.toString()));
    all.addAll(List.of(args));
    List<String> command = TendCommand.command(all.toArray(new String[0]));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env());
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("ctl.out").toFile());
    return pb.start();
  }

  private String output(Process p) {
    try {
      return Files.readString(dir.resolve("ctl.out"), UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static List<String> concat(String a, String b, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(a, b));
    out.addAll(rest);
    return out;
  }

  /** The local ends of forwards in tend's private directories. */
  private long forwardedSockets() {
    return list(runtime).stream()
        .flatMap(d -> list(d).stream())
        .filter(p -> p.getFileName().toString().startsWith("s"))
        .count();
  }

  private static List<Path> list(Path d) {
    try (Stream<Path> s = Files.list(d)) {
      return s.toList();
    } catch (IOException e) {
      return List.of();
    }
  }
}
