package dev.tend.app;

import dev.tend.control.client.ssh.SshCommand;

/** Test fixture: a daemon class that reaches the ssh transport, which the rules must reject. */
public final class DaemonThatOpensSsh {
  public SshCommand ssh() {
    return SshCommand.parse("ssh");
  }
}
