package dev.tend.bench;

import dev.tend.api.ConnectionException;
import dev.tend.api.FaultException;
import dev.tend.api.SupervisorState;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import java.time.Duration;

/** A client on a daemon's control socket, once it answers RUNNING. */
final class Control {
  private Control() {}

  static RemoteSupervisor connect(DaemonRun d, BenchConfig cfg, Duration timeout)
      throws InterruptedException {
    RemoteSupervisor client =
        RemoteSupervisor.connect(
            ServerUrl.parse("unix://" + cfg.socket()), ClientSettings.defaults());
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      try {
        if (client.getState() == SupervisorState.RUNNING) {
          return client;
        }
        last = "state not RUNNING";
      } catch (ConnectionException | FaultException e) {
        last = e.getMessage();
      }
      if (d.sample().threads() < 0) { // the daemon is gone
        break;
      }
      Thread.sleep(20);
    }
    client.close();
    throw new BenchException(
        d
            + ": control socket "
            + cfg.socket()
            + " did not answer in "
            + timeout.toSeconds()
            + " s ("
            + last
            + ")"
            + "; "
            + d.tail());
  }
}
