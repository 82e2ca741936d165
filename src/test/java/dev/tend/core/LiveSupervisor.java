package dev.tend.core;

import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.config.ConfigContext;
import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLoader;
import dev.tend.config.SupervisorConfig;
import dev.tend.logs.LogSettings;
import dev.tend.logs.SyslogWriter;
import dev.tend.platform.NativeProcessLauncher;
import dev.tend.platform.NativeUserDatabase;
import dev.tend.platform.SelectorNetworkChecks;
import dev.tend.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A real supervisor in the test JVM: a config file in a temp dir, the native launcher (reaping only
 * its own children, so other tests' processes are safe), real logs. {@code %(here)s} is the temp
 * dir. Close it to shut everything down.
 */
final class LiveSupervisor implements AutoCloseable {
  final Path dir;
  final SupervisorConfig config;
  final Supervisor supervisor;
  final List<StateChange> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
  private final ThreadCoreLoop loop;
  private final NativeProcessLauncher launcher;
  private final SelectorNetworkChecks network = new SelectorNetworkChecks();
  private final CountDownLatch stopped = new CountDownLatch(1);

  LiveSupervisor(Path dir, String programSections) throws IOException, ConfigException {
    this.dir = dir;
    Path conf = dir.resolve("supervisord.conf");
    Files.createDirectories(dir.resolve("logs"));
    Files.writeString(
        conf,
        "[supervisord]\nchildlogdir=%(here)s/logs\nlogfile=%(here)s/logs/main.log\n"
            + "pidfile=%(here)s/pid\nnodaemon=true\n\n"
            + programSections);
    ConfigLoader loader = new ConfigLoader(ConfigContext.system(new NativeUserDatabase()));
    this.config = loader.load(conf);
    this.loop = new ThreadCoreLoop(CoreClock.SYSTEM, "test-core");
    this.launcher = NativeProcessLauncher.open();
    CoreServices services =
        CoreServices.builder()
            .loop(loop)
            .clock(CoreClock.SYSTEM)
            .launcher(launcher)
            .preparer(new ResolvingCommandPreparer(System.getenv("PATH")))
            .users(new NativeUserDatabase())
            .outputs(
                CapturedOutputs.factory(LogSettings.of(config.supervisord()), SyslogWriter.NONE))
            .configSource(() -> loader.load(conf))
            .mainLog(
                new MainLogAccess() {
                  @Override
                  public byte[] read(long offset, long length) {
                    return new byte[0];
                  }

                  @Override
                  public void clear() {}
                })
            .stats(new SampledStats())
            .daemonEnvironment(System.getenv())
            .zone(ZoneId.systemDefault())
            .version("test")
            .trees(new ProcTrees())
            .network(network)
            .build();
    this.supervisor = new Supervisor(config, services);
    supervisor.addStateListener(changes::add);
    supervisor.onShutdownComplete(stopped::countDown);
    loop.start();
    supervisor.start();
  }

  ProcessInfo info(String namespec) {
    return supervisor.getProcessInfo(namespec);
  }

  ProcessInfo awaitState(String namespec, ProcessState state) {
    return awaitState(namespec, state, Duration.ofSeconds(20));
  }

  ProcessInfo awaitState(String namespec, ProcessState state, Duration timeout) {
    return Await.value(
        namespec + " in " + state, timeout, () -> info(namespec), i -> i.state() == state);
  }

  /** The transitions of one process so far, as "FROM->TO". */
  List<String> transitions(String namespec) {
    List<String> out = new ArrayList<>();
    for (StateChange c : changes) {
      if (c.info().namespec().equals(namespec)) {
        out.add(c.from() + "->" + c.to());
      }
    }
    return out;
  }

  String log(String name) throws IOException {
    Path p = Path.of(info(name).stdoutLogfile());
    return Files.readString(p);
  }

  @Override
  public void close() {
    supervisor.shutdown();
    try {
      if (!stopped.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("the supervisor did not stop in 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while stopping", e);
    }
    launcher.close();
    network.close();
    loop.close();
  }
}
