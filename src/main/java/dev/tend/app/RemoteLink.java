package dev.tend.app;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import dev.tend.cli.Connector;
import dev.tend.cli.ServerLink;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.control.client.ssh.SshConnections;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ServerLink} over XML-RPC to a tend daemon or a real supervisord: the app wires it into
 * the ctl session, which knows only the {@link ServerLink} interface.
 */
final class RemoteLink implements ServerLink {
  private final RemoteSupervisor remote;

  private RemoteLink(RemoteSupervisor remote) {
    this.remote = remote;
  }

  /**
   * Connects as supervisorctl does: a URL that is neither {@code http://} nor {@code unix://} is
   * refused with its {@code Unknown protocol for serverurl} message.
   */
  static Connector connector(ClientSettings settings) {
    return connector(settings, null);
  }

  /**
   * As {@link #connector(ClientSettings)}, and {@code ssh://} URLs through the ssh connections
   * {@code ssh} gives (asked for on the first such URL; the caller closes them).
   */
  static Connector connector(ClientSettings settings, @Nullable Supplier<SshConnections> ssh) {
    // a class, not a lambda: a lambda's bootstrap costs tend ctl start-up time
    return new Connector() {
      @Override
      public ServerLink open(
          String serverurl, @Nullable String username, @Nullable String password) {
        return RemoteLink.open(serverurl, username, password, settings, ssh);
      }
    };
  }

  static RemoteLink open(
      String serverurl,
      @Nullable String username,
      @Nullable String password,
      ClientSettings settings,
      @Nullable Supplier<SshConnections> ssh) {
    ClientSettings s = settings.withCredentials(username, password);
    if (ssh != null && serverurl.startsWith("ssh://")) {
      return new RemoteLink(RemoteSupervisor.connect(ServerUrl.parse(serverurl), s, ssh.get()));
    }
    if (!serverurl.startsWith("http://") && !serverurl.startsWith("unix://")) {
      throw new IllegalArgumentException("Unknown protocol for serverurl " + serverurl);
    }
    return new RemoteLink(RemoteSupervisor.connect(ServerUrl.parse(serverurl), s));
  }

  @Override
  public SupervisorApi api() {
    return remote;
  }

  @Override
  public LogFollow logtail(String namespec, LogStream stream, LogListener listener) {
    return remote.logtail(namespec, stream, listener);
  }

  @Override
  public LogFollow mainLogtail(LogListener listener) {
    return remote.mainLogtail(listener);
  }

  @Override
  public void close() {
    remote.close();
  }
}
