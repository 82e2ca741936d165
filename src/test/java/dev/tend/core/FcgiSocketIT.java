package dev.tend.core;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [fcgi-program:x]}: the socket the daemon makes and gives every process of the pool as fd
 * 0, held against the real supervisord on the same config: what a child sees on fd 0, that it
 * accepts connections there, the socket file's owner and mode.
 */
class FcgiSocketIT {
  @TempDir Path dir;

  /** Reports what fd 0 is, then answers each connection with its process name and pid. */
  private static final String CHILD =
      """
      import os, socket, sys
      s = socket.socket(fileno=0)
      listening = s.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN)
      print("fd0 %s %s listening=%d" % (s.family.name, s.type.name, listening), flush=True)
      while True:
          c, _ = s.accept()
          c.sendall(("%s %d\\n" % (os.environ["SUPERVISOR_PROCESS_NAME"], os.getpid())).encode())
          c.close()
      """;

  private RealSupervisord daemon(String who, String socket, String... more) throws IOException {
    TestDependency.require("python3");
    Path home = Files.createDirectories(dir.resolve(who));
    Files.writeString(home.resolve("child.py"), CHILD, UTF_8);
    RealSupervisord d = RealSupervisord.in(home);
    if (who.equals("tend")) {
      d.tendDaemon();
    }
    List<String> lines =
        new java.util.ArrayList<>(
            List.of(
                "command=python3 " + home.resolve("child.py"),
                "socket=" + socket,
                "numprocs=2",
                "process_name=%(program_name)s_%(process_num)s",
                "stdout_logfile=" + home.resolve("logs/echo_%(process_num)s.log"),
                "stopwaitsecs=2",
                "startsecs=0"));
    lines.addAll(List.of(more));
    return d.section("fcgi-program:echo", lines.toArray(String[]::new));
  }

  /** What each process of the pool printed about its fd 0. */
  private static Set<String> fd0Reports(RealSupervisord d) {
    Set<String> reports = new TreeSet<>();
    for (int n = 0; n < 2; n++) {
      Path log = d.logDir().resolve("echo_" + n + ".log");
      reports.add(
          Await.value(
              "fd 0's report in " + log,
              Duration.ofSeconds(30),
              () -> {
                try {
                  String text = Files.exists(log) ? Files.readString(log, UTF_8) : "";
                  return text.contains("\n") ? text.lines().findFirst().orElseThrow() : null;
                } catch (IOException e) {
                  return null;
                }
              },
              java.util.Objects::nonNull));
    }
    return reports;
  }

  /** Connects and reads the answer: the name and pid of the process that accepted. */
  private static String ask(SocketAddress address) throws IOException {
    try (SocketChannel c =
        address instanceof UnixDomainSocketAddress
            ? SocketChannel.open(StandardProtocolFamily.UNIX)
            : SocketChannel.open()) {
      c.connect(address);
      ByteBuffer buf = ByteBuffer.allocate(256);
      while (c.read(buf) >= 0) {
        // until the child closes
      }
      return new String(buf.array(), 0, buf.position(), UTF_8).trim();
    }
  }

  private static Map<String, Object> fileFacts(Path socket) throws IOException {
    Map<String, Object> facts = new TreeMap<>();
    facts.put("mode", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    facts.put("uid", Files.getAttribute(socket, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    facts.put("gid", Files.getAttribute(socket, "unix:gid", LinkOption.NOFOLLOW_LINKS));
    facts.put(
        "socket",
        Files.readAttributes(socket, java.nio.file.attribute.BasicFileAttributes.class).isOther());
    return facts;
  }

  private record Seen(Set<String> fd0, Map<String, Object> file, String answer) {}

  private Seen unixPool(String who, String... more) throws Exception {
    Path socket = dir.resolve(who).resolve("fcgi.sock");
    try (RealSupervisord d = daemon(who, "unix://" + socket, more).start()) {
      Set<String> fd0 = fd0Reports(d);
      String answer = ask(UnixDomainSocketAddress.of(socket));
      return new Seen(fd0, fileFacts(socket), answer);
    }
  }

  @Test
  void aUnixSocketIsEveryProcesssFd0AsUnderSupervisord() throws Exception {
    TestDependency.require("supervisor");
    Seen sd = unixPool("sd", "socket_mode=0660");
    Seen tend = unixPool("tend", "socket_mode=0660");
    assertEquals(Set.of("fd0 AF_UNIX SOCK_STREAM listening=1"), sd.fd0());
    assertEquals(sd.fd0(), tend.fd0());
    assertEquals("rw-rw----", tend.file().get("mode"));
    assertEquals(sd.file(), tend.file());
    assertTrue(tend.answer().matches("echo_[01] \\d+"), tend.answer());
    assertFalse(Files.exists(dir.resolve("tend/fcgi.sock")), "the socket file outlived shutdown");
  }

  @Test
  void theDefaultModeIsSupervisords() throws Exception {
    TestDependency.require("supervisor");
    assertEquals(unixPool("sd").file(), unixPool("tend").file());
  }

  @Test
  void aTcpSocketIsEveryProcesssFd0AsUnderSupervisord() throws Exception {
    TestDependency.require("supervisor");
    for (String who : List.of("sd", "tend")) {
      int port = RealSupervisord.unusedPort();
      try (RealSupervisord d =
          daemon(who, "tcp://127.0.0.1:" + port, "socket_backlog=16").start()) {
        assertEquals(Set.of("fd0 AF_INET SOCK_STREAM listening=1"), fd0Reports(d), who);
        String answer = ask(new InetSocketAddress("127.0.0.1", port));
        assertTrue(answer.matches("echo_[01] \\d+"), who + ": " + answer);
      }
    }
  }

  @Test
  void theSocketOutlivesRestartsOfItsProcessesAndGoesWithItsGroup() throws Exception {
    TestDependency.require("supervisor");
    Path socket = dir.resolve("tend").resolve("fcgi.sock");
    try (RealSupervisord d = daemon("tend", "unix://" + socket).start()) {
      fd0Reports(d);
      Object inode = Files.getAttribute(socket, "unix:ino");
      ctl(d, "restart", "echo:*");
      String answer =
          Await.value(
              "an answer after the restart", () -> askOrNull(socket), java.util.Objects::nonNull);
      assertTrue(answer.matches("echo_[01] \\d+"), answer);
      assertEquals(inode, Files.getAttribute(socket, "unix:ino"), "the socket was made again");

      d.remove("fcgi-program:echo").writeConfig();
      ctl(d, "update");
      Await.until("the socket file removed with its group", () -> !Files.exists(socket));
    }
  }

  private static @org.jspecify.annotations.Nullable String askOrNull(Path socket) {
    try {
      return ask(UnixDomainSocketAddress.of(socket));
    } catch (IOException e) {
      return null;
    }
  }

  private static void ctl(RealSupervisord d, String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("-c", d.confPath().toString()));
    cmd.addAll(List.of(args));
    RealSupervisorctl.CtlResult r = RealSupervisorctl.run(d.dir(), "", cmd);
    assertEquals(0, r.exit(), r.toString());
  }
}
