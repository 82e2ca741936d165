package dev.tend.control.client.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.ConnectionException;
import dev.tend.api.ProcessInfo;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.PrivateSshd;
import dev.tend.testing.RealSupervisord;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The ssh transport against a real sshd and a real supervisord behind it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshTransportIT {
  @TempDir static Path dir;
  private PrivateSshd sshd;
  private RealSupervisord sd;

  @BeforeAll
  void start() throws Exception {
    sshd = PrivateSshd.start(dir.resolve("sshd"));
    sd =
        RealSupervisord.in(dir.resolve("sd"))
            .program("cat", "command=/bin/cat")
            .program("sleeper", "command=sleep 1000", "autostart=false")
            .start();
  }

  @AfterAll
  void stop() {
    if (sd != null) {
      sd.close();
    }
    if (sshd != null) {
      sshd.close();
    }
  }

  private SshConnections connections() {
    return new SshConnections(
        SshCommand.parse(sshd.tendSsh()),
        SshConnections.Settings.defaults(System.getenv()),
        false,
        InstantSource.system());
  }

  @Test
  void statusThroughTheForwardEqualsTheLocalSocket() {
    try (SshConnections ssh = connections();
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://web1" + sd.socket()), ClientSettings.defaults(), ssh);
        RemoteSupervisor local =
            RemoteSupervisor.connect(ServerUrl.parse(sd.serverUrl()), ClientSettings.defaults())) {
      List<ProcessInfo> there = remote.getAllProcessInfo();
      List<ProcessInfo> here = local.getAllProcessInfo();
      assertEquals(names(here), names(there));
      assertEquals(SshState.Phase.UP, ssh.state(new SshTarget(null, "web1", 0)).phase());
    }
    Await.until("no ssh left", () -> sshd.clients().isEmpty());
  }

  @Test
  void aMissingSocketIsNoSuchFile() {
    try (SshConnections ssh = connections();
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://web1" + dir.resolve("nosuch.sock")),
                ClientSettings.defaults(),
                ssh)) {
      ConnectionException e = assertThrows(ConnectionException.class, remote::getState);
      assertEquals(ConnectionException.Kind.NO_SUCH_FILE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("No such file or directory"), e.getMessage());
    }
  }

  @Test
  void anUnreachableHostSaysSoInSshsWords() {
    try (SshConnections ssh = connections();
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://" + PrivateSshd.UNREACHABLE + sd.socket()),
                ClientSettings.defaults(),
                ssh)) {
      ConnectionException e = assertThrows(ConnectionException.class, remote::getState);
      SshFailure f = (SshFailure) e.getCause();
      assertEquals(SshFailure.Kind.UNREACHABLE, f.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
    }
  }

  @Test
  void aRefusedLoginSaysSoInSshsWords() {
    try (SshConnections ssh = connections();
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://" + PrivateSshd.WRONG_KEY + sd.socket()),
                ClientSettings.defaults(),
                ssh)) {
      ConnectionException e = assertThrows(ConnectionException.class, remote::getState);
      SshFailure f = (SshFailure) e.getCause();
      assertEquals(SshFailure.Kind.AUTH_REFUSED, f.kind(), e.getMessage());
      assertTrue(e.getMessage().contains("Permission denied (publickey)"), e.getMessage());
    }
  }

  @Test
  void withoutAPathTheServerIsFoundInTheNamedConfig() {
    try (SshConnections ssh = connections();
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://web1?c=" + sd.confPath()), ClientSettings.defaults(), ssh)) {
      assertEquals(2, remote.getAllProcessInfo().size());
    }
  }

  private static List<String> names(List<ProcessInfo> infos) {
    return infos.stream().map(i -> i.group() + ":" + i.name() + " " + i.statename()).toList();
  }

  @Test
  void aHostThatGoesAwayIsReportedLostAndComesBackOnTheNextCall() throws Exception {
    List<SshState.Phase> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
    SshTarget host = new SshTarget(null, "web1", 0);
    try (PrivateSshd own = PrivateSshd.start(dir.resolve("own-sshd"));
        SshConnections ssh =
            new SshConnections(
                SshCommand.parse(own.tendSsh()),
                SshConnections.Settings.defaults(System.getenv()),
                false,
                InstantSource.system());
        RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://web1" + sd.socket()), ClientSettings.defaults(), ssh)) {
      ssh.listen((target, state) -> phases.add(state.phase()));
      assertEquals(Map.of(), ssh.connectAll(List.of(host)));
      assertEquals(2, remote.getAllProcessInfo().size());
      own.stop();
      Await.until(
          "the master's end is noticed", () -> ssh.state(host).phase() == SshState.Phase.LOST);
      ConnectionException gone = assertThrows(ConnectionException.class, remote::getState);
      assertTrue(gone.getCause() instanceof SshFailure, gone.toString());
      own.restart();
      assertEquals(2, remote.getAllProcessInfo().size(), "a new master, a new forward");
      assertEquals(SshState.Phase.UP, ssh.state(host).phase());
      assertEquals(
          List.of(
              SshState.Phase.CONNECTING,
              SshState.Phase.UP,
              SshState.Phase.LOST,
              SshState.Phase.CONNECTING),
          phases.subList(0, 4));
      assertEquals(SshState.Phase.UP, phases.get(phases.size() - 1));
    }
    Await.until("no ssh left", () -> sshd.clients().isEmpty());
  }

  @Test
  void connectAllSaysWhichHostsFailed() {
    try (SshConnections ssh = connections()) {
      SshTarget good = new SshTarget(null, "web2", 0);
      SshTarget bad = new SshTarget(null, PrivateSshd.UNREACHABLE, 0);
      Map<SshTarget, SshFailure> failed = ssh.connectAll(List.of(good, bad));
      assertEquals(List.of(bad), List.copyOf(failed.keySet()));
      assertEquals(SshFailure.Kind.UNREACHABLE, failed.get(bad).kind());
      assertEquals(SshState.Phase.UP, ssh.state(good).phase());
      assertEquals(SshState.Phase.FAILED, ssh.state(bad).phase());
    }
  }
}
