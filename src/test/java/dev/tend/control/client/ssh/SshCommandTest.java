package dev.tend.control.client.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SshCommandTest {
  @Test
  void tendSshIsSplitLikeAShellWithoutExpansions() {
    assertEquals(List.of("ssh"), SshCommand.parse(null).words());
    assertEquals(List.of("ssh"), SshCommand.parse("  ").words());
    assertEquals(
        List.of("ssh", "-F", "/path with space/cfg", "-o", "User=$USER"),
        SshCommand.parse("ssh -F '/path with space/cfg' -o \"User=$USER\"").words());
    assertThrows(IllegalArgumentException.class, () -> SshCommand.parse("ssh -F 'x"));
  }

  @Test
  void theMasterIsPrivateWithoutSessionForwardsOrPersistence() {
    SshCommand c = SshCommand.parse("ssh -F cfg");
    List<String> argv = c.master(new SshTarget("deploy", "web1", 2222), Path.of("/run/t/m"), true);
    assertEquals(
        List.of(
            "ssh",
            "-F",
            "cfg",
            "-o",
            "ControlMaster=yes",
            "-o",
            "ControlPath=/run/t/m",
            "-o",
            "ControlPersist=no",
            "-o",
            "ClearAllForwardings=yes",
            "-o",
            "ExitOnForwardFailure=yes",
            "-o",
            "BatchMode=yes",
            "-N",
            "-l",
            "deploy",
            "-p",
            "2222",
            "web1"),
        argv);
    List<String> asking = c.master(new SshTarget(null, "web1", 0), Path.of("/run/t/m"), false);
    assertEquals(false, asking.contains("BatchMode=yes"), "a person may answer");
    assertEquals("web1", asking.get(asking.size() - 1));
  }

  @Test
  void clientsOfTheMasterNeverBecomeOneOrAsk() {
    SshCommand c = SshCommand.parse("ssh");
    SshTarget t = new SshTarget(null, "web1", 0);
    assertEquals(
        List.of(
            "ssh",
            "-o",
            "ControlMaster=no",
            "-o",
            "ControlPath=/d/m",
            "-o",
            "BatchMode=yes",
            "-O",
            "forward",
            "-L",
            "/d/s1:/tmp/supervisor.sock",
            "web1"),
        c.forward(
            t,
            Path.of("/d/m"),
            List.of(Path.of("/d/s1")),
            List.of(new RemoteSocket.Unix("/tmp/supervisor.sock"))));
    List<String> two =
        c.forward(
            t,
            Path.of("/d/m"),
            List.of(Path.of("/d/s2"), Path.of("/d/s3")),
            List.of(new RemoteSocket.Tcp("localhost", 9001), new RemoteSocket.Unix("/x.sock")));
    assertEquals(
        List.of("-L", "/d/s2:localhost:9001", "-L", "/d/s3:/x.sock", "web1"),
        two.subList(two.size() - 5, two.size()),
        "one client for several forwards");
    List<String> run = c.remote(t, Path.of("/d/m"), "echo hi");
    assertEquals(List.of("-T", "web1", "echo hi"), run.subList(run.size() - 3, run.size()));
  }
}
