package dev.tend.core;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.ProcessInfo;
import dev.tend.api.ProcessState;
import dev.tend.config.ConfigException;
import dev.tend.config.SupervisorConfig;
import dev.tend.platform.ExitStatus;
import dev.tend.testing.FakeLauncher;
import dev.tend.testing.FakeNetworkChecks;
import dev.tend.testing.FakeOutputs;
import dev.tend.testing.FakeUserDatabase;
import dev.tend.testing.ManualLoop;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A supervisor on a manual loop and a fake launcher: everything a state-machine test needs, with
 * time that moves only when the test says so.
 */
final class CoreHarness {
  final ManualLoop loop = new ManualLoop();
  final FakeLauncher launcher = new FakeLauncher();
  final FakeUserDatabase users = new FakeUserDatabase();
  final FakeNetworkChecks network = new FakeNetworkChecks();
  final List<StateChange> changes = new ArrayList<>();
  final Map<String, FakeOutputs> outputs = new HashMap<>();
  // The config a reread/restart will find; tests replace it.
  SupervisorConfig nextConfig;
  // When set, the next config load fails with this message.
  String configError;
  // Commands starting with these prefixes fail preparation with this kind.
  final Map<String, CommandPreparer.CommandException> badCommands = new HashMap<>();
  final Supervisor supervisor;
  // What the fake process trees were asked to signal ("pid:SIG"), and how many each time "remain".
  final List<String> treeSignals = new ArrayList<>();
  int treeSurvivors;
  boolean shutDown;

  CoreHarness(SupervisorConfig config) {
    this(config, StartRetryPolicy::of);
  }

  /** With each process's retry policy chosen by {@code retryPolicies}. */
  CoreHarness(
      SupervisorConfig config,
      java.util.function.Function<dev.tend.config.ProcessConfig, StartRetryPolicy> retryPolicies) {
    nextConfig = config;
    CoreServices services =
        CoreServices.builder()
            .loop(loop)
            .clock(loop)
            .launcher(launcher)
            .preparer(
                (process, env) -> {
                  CommandPreparer.CommandException bad = badCommands.get(process.command());
                  if (bad != null) {
                    throw bad;
                  }
                  List<String> argv = List.of(process.command().split(" "));
                  return new PreparedCommand(Path.of("/usr/bin/" + argv.get(0)), argv);
                })
            .users(users)
            .network(network)
            .outputs(
                (group, process, events) -> {
                  FakeOutputs o = new FakeOutputs(process.redirectStderr());
                  outputs.put(ProcessInfo.namespec(group.name(), process.name()), o);
                  return o;
                })
            .configSource(
                () -> {
                  if (configError != null) {
                    throw new ConfigException(
                        List.of(
                            new dev.tend.config.Diagnostic(
                                dev.tend.config.Diagnostic.Severity.ERROR,
                                configError,
                                null,
                                0,
                                null,
                                null,
                                null)));
                  }
                  return nextConfig;
                })
            .mainLog(
                new MainLogAccess() {
                  @Override
                  public byte[] read(long offset, long length) {
                    throw new FaultException(Fault.NO_FILE, "none");
                  }

                  @Override
                  public void clear() {}
                })
            .daemonEnvironment(Map.of("PATH", "/usr/bin:/bin", "LANG", "C"))
            .serverUrl("unix:///tmp/test.sock")
            .zone(ZoneOffset.UTC)
            .version("test")
            .trees(
                pid ->
                    signal -> {
                      treeSignals.add(pid + ":" + signal.name());
                      return treeSurvivors;
                    })
            .build();
    supervisor = new Supervisor(config, services, retryPolicies);
    supervisor.addStateListener(changes::add);
    supervisor.onShutdownComplete(() -> shutDown = true);
  }

  CoreHarness start() {
    supervisor.start();
    loop.runPending();
    return this;
  }

  ProcessInfo info(String namespec) {
    return supervisor.getProcessInfo(namespec);
  }

  ProcessState state(String namespec) {
    return info(namespec).state();
  }

  int pid(String namespec) {
    return info(namespec).pid();
  }

  /** The process exits with a code; the loop then handles it. */
  void exit(String namespec, int code) {
    launcher.exit(pid(namespec), ExitStatus.exited(code));
    loop.runPending();
  }

  void killedBy(String namespec, int signal) {
    launcher.exit(pid(namespec), ExitStatus.killed(signal, false));
    loop.runPending();
  }

  FakeLauncher.FakeChild child(String namespec) {
    return launcher.child(pid(namespec));
  }

  /** The transitions of one process, as "FROM->TO". */
  List<String> transitions(String namespec) {
    List<String> out = new ArrayList<>();
    for (StateChange c : changes) {
      if (c.info().namespec().equals(namespec)) {
        out.add(c.from() + "->" + c.to());
      }
    }
    return out;
  }

  SupervisorCore core() {
    return supervisor.core();
  }
}
