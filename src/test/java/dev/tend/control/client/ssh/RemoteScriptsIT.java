package dev.tend.control.client.ssh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.control.client.ssh.SshFailure.Kind;
import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.RealSupervisorctl.CtlResult;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scripts tend runs on the far host, run here by the same shell an ssh login would use (the
 * command string handed to {@code sh -c}), so their quoting, tests and {@code ls} are the real
 * ones; over a real sshd they are covered by SshTransportIT and SshCtlIT.
 */
class RemoteScriptsIT {
  private static final SshTarget HOST = new SshTarget(null, "web1", 0);
  @TempDir Path dir;

  private SshProcess.Finished run(Path cwd, boolean asNobody, String command) throws Exception {
    List<String> argv = new ArrayList<>();
    if (asNobody) {
      argv.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
    }
    argv.addAll(List.of("/bin/sh", "-c", command));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
    pb.environment().put("HOME", cwd.toString());
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), UTF_8);
    return new SshProcess.Finished(p.waitFor(), out, err);
  }

  private SshFailure probe(Path socket, boolean asNobody) throws Exception {
    String command =
        RemoteScript.command(SocketProbe.SCRIPT, "tend-probe", List.of(socket.toString()));
    return SocketProbe.read(run(dir, asNobody, command), socket.toString(), HOST);
  }

  @Test
  void theProbeTellsAMissingSocketFromAFileFromOneNobodyListensOn() throws Exception {
    Path missing = dir.resolve("it's missing.sock");
    SshFailure f = probe(missing, false);
    assertEquals(Kind.NO_SUCH_SOCKET, f.kind());
    assertTrue(f.words().contains("No such file or directory"), f.getMessage());
    assertTrue(f.getMessage().startsWith("no such socket on web1: ls: cannot access"));
    Path plain = Files.writeString(dir.resolve("plain"), "x");
    assertEquals(Kind.NO_SUCH_SOCKET, probe(plain, false).kind());
    Path stale = dir.resolve("stale.sock");
    try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.bind(UnixDomainSocketAddress.of(stale));
    }
    SshFailure refused = probe(stale, false);
    assertEquals(Kind.REFUSED, refused.kind());
    assertEquals("nothing listens on " + stale + " on web1", refused.getMessage());
  }

  @Test
  void theProbeSaysPermissionDeniedInTheHostsWords() throws Exception {
    Assumptions.assumeTrue(
        "root".equals(System.getProperty("user.name"))
            && Files.isExecutable(Path.of("/usr/bin/setpriv")),
        "needs root and setpriv to look as another user");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path socket = dir.resolve("site.sock");
    try (ServerSocketChannel c = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      c.bind(UnixDomainSocketAddress.of(socket));
      Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rwx------"));
      SshFailure f = probe(socket, true);
      assertEquals(Kind.PERMISSION_DENIED, f.kind(), f.getMessage());
      assertTrue(f.words().startsWith("srwx------ 1 root root"), f.words());
      Path closed = Files.createDirectory(dir.resolve("private"));
      Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
      SshFailure behind = probe(closed.resolve("x.sock"), true);
      assertEquals(Kind.PERMISSION_DENIED, behind.kind(), behind.getMessage());
      assertTrue(behind.words().contains("Permission denied"), behind.words());
    }
  }

  @Test
  void theConfigSearchPicksWhatSupervisorctlPicks() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/supervisorctl")));
    Path site = Files.createDirectories(dir.resolve("site"));
    Files.writeString(
        site.resolve("supervisord.conf"),
        "[supervisorctl]\nserverurl=unix://%(here)s/in-cwd.sock\n"
            + "[unix_http_server]\nfile=/ignored.sock\n");
    Files.createDirectories(site.resolve("etc"));
    Files.writeString(
        site.resolve("etc/supervisord.conf"), "[supervisorctl]\nserverurl=unix:///in-etc.sock\n");
    List<String> args = new ArrayList<>();
    args.add("");
    args.addAll(RemoteConfigSearch.candidates());
    String command = RemoteScript.command(RemoteConfigSearch.SCRIPT, "tend-find-config", args);
    RemoteConfig found = RemoteConfigSearch.read(run(site, false, command), null, HOST);
    assertEquals(site.resolve("supervisord.conf").toString(), found.file());
    assertEquals("unix://" + site.resolve("in-cwd.sock"), found.serverUrl());
    CtlResult theirs = RealSupervisorctl.run(site, "", List.of("status"));
    assertEquals(found.serverUrl() + " no such file\n", theirs.out(), theirs.toString());
  }

  @Test
  void aNamedConfigThatIsMissingSaysSo() throws Exception {
    List<String> args = List.of(dir.resolve("nope.conf").toString());
    String command = RemoteScript.command(RemoteConfigSearch.SCRIPT, "tend-find-config", args);
    SshProcess.Finished f = run(dir, false, command);
    try {
      RemoteConfigSearch.read(f, dir.resolve("nope.conf").toString(), HOST);
    } catch (SshFailure e) {
      assertEquals(Kind.NO_CONFIG, e.kind());
      assertTrue(
          e.getMessage()
              .startsWith("no config " + dir.resolve("nope.conf") + " on web1: ls: cannot access"),
          e.getMessage());
      return;
    }
    throw new AssertionError("found a config that is not there");
  }
}
