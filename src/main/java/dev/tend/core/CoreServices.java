package dev.tend.core;

import dev.tend.platform.NetworkChecks;
import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.UserDatabase;
import java.time.ZoneId;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Everything the supervisor is built from: the loop and clock, the OS seam, the log factory, and
 * where the config comes from. The app wires real ones, tests wire fakes, each by name through
 * {@link #builder()}; {@link Supervisor} then builds the core from them in dependency order.
 * Immutable.
 */
public final class CoreServices {
  private final CoreLoop loop;
  private final CoreClock clock;
  private final ProcessLauncher launcher;
  private final CommandPreparer preparer;
  private final UserDatabase users;
  private final ProcessOutputsFactory outputs;
  private final ConfigSource configSource;
  private final MainLogAccess mainLog;
  private final StatsSource stats;
  private final Map<String, String> daemonEnvironment;
  private final @Nullable String serverUrl;
  private final ZoneId zone;
  private final String version;
  private final ProcessTrees trees;
  private final NetworkChecks network;

  private CoreServices(Builder b) {
    this.loop = required(b.loop, "loop");
    this.clock = required(b.clock, "clock");
    this.launcher = required(b.launcher, "launcher");
    this.preparer = required(b.preparer, "preparer");
    this.users = required(b.users, "users");
    this.outputs = required(b.outputs, "outputs");
    this.configSource = required(b.configSource, "configSource");
    this.mainLog = required(b.mainLog, "mainLog");
    this.daemonEnvironment = Map.copyOf(required(b.daemonEnvironment, "daemonEnvironment"));
    this.zone = required(b.zone, "zone");
    this.version = required(b.version, "version");
    this.stats = b.stats;
    this.serverUrl = b.serverUrl;
    this.trees = b.trees;
    this.network = b.network;
  }

  private static <T> T required(@Nullable T value, String name) {
    if (value == null) {
      throw new IllegalStateException("CoreServices needs " + name);
    }
    return value;
  }

  public static Builder builder() {
    return new Builder();
  }

  public CoreLoop loop() {
    return loop;
  }

  public CoreClock clock() {
    return clock;
  }

  public ProcessLauncher launcher() {
    return launcher;
  }

  public CommandPreparer preparer() {
    return preparer;
  }

  public UserDatabase users() {
    return users;
  }

  public ProcessOutputsFactory outputs() {
    return outputs;
  }

  public ConfigSource configSource() {
    return configSource;
  }

  public MainLogAccess mainLog() {
    return mainLog;
  }

  public StatsSource stats() {
    return stats;
  }

  /** The environment the children inherit (the daemon's own). */
  public Map<String, String> daemonEnvironment() {
    return daemonEnvironment;
  }

  /** SUPERVISOR_SERVER_URL for children, or null when the daemon has no server. */
  public @Nullable String serverUrl() {
    return serverUrl;
  }

  public ZoneId zone() {
    return zone;
  }

  /** tend's version, reported by tend.getCapabilities. */
  public String version() {
    return version;
  }

  /** Descendants tracking for stopasgroup/killasgroup stops. */
  public ProcessTrees trees() {
    return trees;
  }

  /** The connections of readiness and health checks ({@code ready_tcp}, {@code health_http}). */
  public NetworkChecks network() {
    return network;
  }

  /**
   * Names each part; {@link #build} fails naming the first required one missing. Optional: {@code
   * stats} (none), {@code serverUrl} (none), {@code trees} (no tree tracking), {@code network}
   * (every network check fails). One thread.
   */
  public static final class Builder {
    private @Nullable CoreLoop loop;
    private @Nullable CoreClock clock;
    private @Nullable ProcessLauncher launcher;
    private @Nullable CommandPreparer preparer;
    private @Nullable UserDatabase users;
    private @Nullable ProcessOutputsFactory outputs;
    private @Nullable ConfigSource configSource;
    private @Nullable MainLogAccess mainLog;
    private StatsSource stats = StatsSource.NONE;
    private @Nullable Map<String, String> daemonEnvironment;
    private @Nullable String serverUrl;
    private @Nullable ZoneId zone;
    private @Nullable String version;
    private ProcessTrees trees = ProcessTrees.NONE;
    private NetworkChecks network = NetworkChecks.NONE;

    private Builder() {}

    public Builder loop(CoreLoop loop) {
      this.loop = loop;
      return this;
    }

    public Builder clock(CoreClock clock) {
      this.clock = clock;
      return this;
    }

    public Builder launcher(ProcessLauncher launcher) {
      this.launcher = launcher;
      return this;
    }

    public Builder preparer(CommandPreparer preparer) {
      this.preparer = preparer;
      return this;
    }

    public Builder users(UserDatabase users) {
      this.users = users;
      return this;
    }

    public Builder outputs(ProcessOutputsFactory outputs) {
      this.outputs = outputs;
      return this;
    }

    public Builder configSource(ConfigSource configSource) {
      this.configSource = configSource;
      return this;
    }

    public Builder mainLog(MainLogAccess mainLog) {
      this.mainLog = mainLog;
      return this;
    }

    public Builder stats(StatsSource stats) {
      this.stats = stats;
      return this;
    }

    public Builder daemonEnvironment(Map<String, String> daemonEnvironment) {
      this.daemonEnvironment = daemonEnvironment;
      return this;
    }

    public Builder serverUrl(@Nullable String serverUrl) {
      this.serverUrl = serverUrl;
      return this;
    }

    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    public Builder version(String version) {
      this.version = version;
      return this;
    }

    public Builder trees(ProcessTrees trees) {
      this.trees = trees;
      return this;
    }

    public Builder network(NetworkChecks network) {
      this.network = network;
      return this;
    }

    public CoreServices build() {
      return new CoreServices(this);
    }
  }
}
