package dev.tend.app;

import dev.tend.control.client.ssh.SshConnections;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * tend's ssh connections, made when the first {@code ssh://} server is opened (most runs never need
 * them, and {@code tend ctl} pays for every class it loads) and closed with this.
 */
final class SshOnDemand implements Supplier<SshConnections>, AutoCloseable {
  private final Map<String, String> environment;
  private @Nullable SshConnections connections; // guarded by this; made on the first get()

  SshOnDemand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public synchronized SshConnections get() {
    SshConnections c = connections;
    if (c == null) {
      c = SshConnections.fromEnvironment(environment);
      connections = c;
    }
    return c;
  }

  @Override
  public void close() {
    SshConnections c;
    synchronized (this) {
      c = connections;
      connections = null;
    }
    if (c != null) {
      c.close();
    }
  }
}
