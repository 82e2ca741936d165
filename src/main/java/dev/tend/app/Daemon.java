package dev.tend.app;

import dev.tend.config.ConfigException;
import dev.tend.config.ConfigLoader;
import dev.tend.config.Diagnostic;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.SupervisordConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.control.server.ControlServer;
import dev.tend.control.server.ControlServerException;
import dev.tend.core.CapturedOutputs;
import dev.tend.core.CoreClock;
import dev.tend.core.CoreServices;
import dev.tend.core.MainLog;
import dev.tend.core.ProcTrees;
import dev.tend.core.ResolvingCommandPreparer;
import dev.tend.core.SampledStats;
import dev.tend.core.Supervisor;
import dev.tend.core.ThreadCoreLoop;
import dev.tend.logs.AutoLogCleaner;
import dev.tend.logs.LogSettings;
import dev.tend.logs.SyslogWriter;
import dev.tend.platform.Detacher;
import dev.tend.platform.NativeProcessLauncher;
import dev.tend.platform.NativeUserDatabase;
import dev.tend.platform.Privileges;
import dev.tend.platform.ProcessUmask;
import dev.tend.platform.Rlimits;
import dev.tend.platform.SelectorNetworkChecks;
import dev.tend.platform.Signal;
import dev.tend.platform.SignalWatcher;
import dev.tend.platform.UserAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;

/**
 * A running daemon, start to exit, in supervisord's order (spec §5.2): privileges, limits, main
 * log, AUTO log cleanup, the supervisor, signals, pidfile, autostart; then it waits for a shutdown
 * and cleans up. Foreground with {@code -n}; otherwise the detached copy a daemonizing parent
 * started, which tells the parent when it is up.
 */
final class Daemon {
  private static final MainLog log = MainLog.of(Daemon.class);

  private final SupervisorConfig config;
  private final Path configPath;
  private final DaemonOptions options;
  private final ConfigLoader loader;
  private final PrintStream out;
  private final PrintStream err;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private final Semaphore signalled = new Semaphore(0);

  Daemon(
      SupervisorConfig config,
      Path configPath,
      DaemonOptions options,
      ConfigLoader loader,
      PrintStream out,
      PrintStream err) {
    this.config = config;
    this.configPath = configPath;
    this.options = options;
    this.loader = loader;
    this.out = out;
    this.err = err;
  }

  /** Runs until shut down; returns the exit status. */
  int serve(Detacher.@Nullable Readiness readiness) throws StartupException {
    SupervisordConfig sd = config.supervisord();
    if (options.daemonizedChild()) {
      ProcessUmask.set(sd.umask());
    }
    NativeUserDatabase users = new NativeUserDatabase();
    String privilegeNote = dropPrivileges(sd, users);
    List<String> limitNotes = raiseLimits(sd);
    MainLogBackend mainLog = installMainLog(sd);
    try (mainLog) {
      if (privilegeNote != null) {
        log.critical(privilegeNote);
      }
      limitNotes.forEach(log::info);
      logDiagnostics();
      PidFile pidfile = new PidFile(sd.pidfile());
      var owner = pidfile.liveOwner();
      if (owner.isPresent()) {
        throw new StartupException(
            "another tend daemon (pid " + owner.get() + ") uses the pidfile " + pidfile.path());
      }
      if (!sd.nocleanup()) {
        AutoLogCleaner.clean(sd.childlogdir(), sd.identifier());
      }
      return run(users, mainLog, pidfile, readiness);
    }
  }

  private static NativeProcessLauncher openLauncher() throws StartupException {
    try {
      return NativeProcessLauncher.openAsSubreaper(
          (pid, status) -> log.info("reaped unknown pid " + pid + " (" + status.describe() + ")"));
    } catch (IOException e) {
      throw new StartupException("cannot start the I/O loop: " + e.getMessage(), e);
    }
  }

  /** A restart ({@code reload}) removes the AUTO logs of the old config, as a start does. */
  private static void cleanAutoLogsOnRestart(Supervisor supervisor) {
    supervisor.beforeRestartAdds(
        next -> {
          if (!next.supervisord().nocleanup()) {
            AutoLogCleaner.clean(next.supervisord().childlogdir(), next.supervisord().identifier());
          }
        });
  }

  /** The real parts the core is built from. */
  private CoreServices services(
      SupervisordConfig sd,
      ThreadCoreLoop loop,
      NativeProcessLauncher launcher,
      NativeUserDatabase users,
      MainLogBackend mainLog,
      Succession succession,
      SelectorNetworkChecks network) {
    // the user's environment, as supervisord's children get it: not the launcher's additions, nor
    // systemd's socket handover
    Map<String, String> env = withoutSystemdHandover(loader.context().environment());
    return CoreServices.builder()
        .loop(loop)
        .clock(CoreClock.SYSTEM)
        .launcher(launcher)
        .preparer(new ResolvingCommandPreparer(env.get("PATH")))
        .users(users)
        .outputs(CapturedOutputs.factory(LogSettings.of(sd), SyslogWriter.NONE))
        .configSource(() -> loader.load(configPath, options.overrides()))
        .mainLog(mainLog)
        .stats(new SampledStats())
        .daemonEnvironment(env)
        .serverUrl(serverUrl(config))
        .zone(ZoneId.systemDefault())
        .version(Version.get())
        .trees(new ProcTrees())
        .roster(succession.roster())
        .orphans(succession.orphans())
        .network(network)
        .build();
  }

  private int run(
      NativeUserDatabase users,
      MainLogBackend mainLog,
      PidFile pidfile,
      Detacher.@Nullable Readiness readiness)
      throws StartupException {
    SupervisordConfig sd = config.supervisord();
    ThreadCoreLoop loop = new ThreadCoreLoop(CoreClock.SYSTEM, "tend-core");
    NativeProcessLauncher launcher = openLauncher();
    PipeCustody custody = custody(launcher);
    Succession succession = succession(custody);
    SelectorNetworkChecks network = new SelectorNetworkChecks();
    Supervisor supervisor =
        new Supervisor(config, services(sd, loop, launcher, users, mainLog, succession, network));
    supervisor.onShutdownComplete(
        () -> {
          stopped.countDown();
          signalled.release(); // the signal loop exits now, not at its next wake-up
        });
    cleanAutoLogsOnRestart(supervisor);
    loop.start();
    new HeapGiveBack(loop, HeapGiveBack.Heap.RUNTIME).start();
    ControlServer server = openServer(supervisor, launcher, loop);
    // Off the loop: closing the old listeners waits for the answers they owe (the one to the
    // restart call among them), and some of those need the loop to be computed.
    supervisor.onRestarted(
        next ->
            Thread.ofVirtual()
                .name("tend-reopen")
                .start(
                    () -> {
                      try {
                        server.reopen(next);
                      } catch (ControlServerException e) {
                        log.critical(
                            "cannot reopen the control socket after the reload: " + e.getMessage());
                      } catch (IllegalStateException e) {
                        // shut down meanwhile: nothing to reopen
                      }
                    }));
    try (SignalWatcher signals = watchSignals();
        launcher;
        network;
        loop;
        server;
        succession) {
      writePidfile(pidfile);
      log.info("supervisord started with pid " + ProcessHandle.current().pid());
      if (readiness != null) {
        readiness.ready();
      }
      supervisor.start();
      custody.ready();
      handleSignalsUntilStopped(signals, supervisor, mainLog);
      if (stopped.getCount() == 0) {
        custody.close(); // everything stopped: the keeper can go
      }
      pidfile.remove();
      return 0;
    }
  }

  /** Who holds the programs' pipes across a crash from now on (docs/CRASH.md). */
  private PipeCustody custody(NativeProcessLauncher launcher) {
    PipeCustody custody = PipeCustody.arrange(config.supervisord(), System.getenv());
    launcher.keepPipesWith(custody.keeper());
    return custody;
  }

  /** Takes over what a dead predecessor left; what no program takes is dropped from custody. */
  private Succession succession(PipeCustody custody) {
    Succession succession = Succession.begin(config, custody.handedBack());
    custody.dropAllBut(succession.orphans().keys());
    return succession;
  }

  private ControlServer openServer(
      Supervisor supervisor, NativeProcessLauncher launcher, ThreadCoreLoop loop)
      throws StartupException {
    try {
      return ControlServer.start(
          supervisor,
          config,
          message -> {
            err.println(message);
            log.info(message);
          });
    } catch (ControlServerException e) {
      launcher.close();
      loop.close();
      throw new StartupException(String.valueOf(e.getMessage()), e);
    }
  }

  private void writePidfile(PidFile pidfile) {
    try {
      pidfile.write(ProcessHandle.current().pid());
    } catch (IOException e) {
      log.critical("could not write pidfile " + pidfile.path());
    }
  }

  private SignalWatcher watchSignals() {
    SignalWatcher w =
        SignalWatcher.install(
            List.of(Signal.TERM, Signal.INT, Signal.QUIT, Signal.HUP, Signal.USR2),
            signalled::release);
    w.refused().forEach((s, why) -> log.debug("not handling " + s.fullName() + ": " + why));
    return w;
  }

  private void handleSignalsUntilStopped(
      SignalWatcher signals, Supervisor supervisor, MainLogBackend mainLog) {
    while (stopped.getCount() > 0) {
      try {
        // no timeout: a signal or the end of shutdown releases it, and an idle daemon stays asleep
        signalled.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (Signal s : signals.drain()) {
        handle(s, supervisor, mainLog);
      }
    }
  }

  private static void handle(Signal s, Supervisor supervisor, MainLogBackend mainLog) {
    if (s.equals(Signal.TERM) || s.equals(Signal.INT) || s.equals(Signal.QUIT)) {
      log.warn("received " + s.fullName() + " indicating exit request");
      supervisor.shutdownFromSignal();
    } else if (s.equals(Signal.HUP)) {
      log.warn("received SIGHUP indicating restart request");
      supervisor.restartFromSignal();
    } else if (s.equals(Signal.USR2)) {
      log.info("received SIGUSR2 indicating log reopen request");
      try {
        mainLog.reopen();
      } catch (IOException e) {
        log.error("cannot reopen the main log: " + e.getMessage());
      }
      supervisor.reopenLogs();
      log.info("supervisord logreopen");
    }
  }

  private @Nullable String dropPrivileges(SupervisordConfig sd, NativeUserDatabase users)
      throws StartupException {
    Integer uid = sd.uid();
    if (uid == null) {
      return users.currentUid() == 0
          ? "Supervisor is running as root.  Privileges were not dropped because no user is"
              + " specified in the config file.  If you intend to run as root, you can set"
              + " user=root in the config file to avoid this message."
          : null;
    }
    UserAccount account =
        users.byUid(uid).orElseThrow(() -> new StartupException("Invalid user id " + uid));
    try {
      Privileges.dropTo(account);
    } catch (Privileges.PrivilegeException e) {
      throw new StartupException(e.getMessage());
    }
    return null;
  }

  private static List<String> raiseLimits(SupervisordConfig sd) throws StartupException {
    List<String> notes = new ArrayList<>();
    try {
      Rlimits.raiseOpenFiles(sd.minfds()).ifPresent(notes::add);
      Rlimits.raiseProcesses(sd.minprocs()).ifPresent(notes::add);
    } catch (Rlimits.LimitException e) {
      throw new StartupException(e.getMessage());
    }
    return notes;
  }

  private MainLogBackend installMainLog(SupervisordConfig sd) throws StartupException {
    boolean echo = sd.nodaemon() && !sd.silent() && !options.daemonizedChild();
    try {
      return MainLogBackend.install(sd, echo ? out : null);
    } catch (IOException e) {
      throw new StartupException(
          "cannot open the log file " + sd.logfile() + ": " + e.getMessage());
    }
  }

  private void logDiagnostics() {
    for (Diagnostic d : config.diagnostics()) {
      switch (d.severity()) {
        case WARNING -> log.warn(d.describe());
        case INFO -> log.info(d.message());
        case ERROR -> log.error(d.describe());
      }
    }
  }

  /** The environment without systemd's fd handover to the daemon, which is not the children's. */
  static Map<String, String> withoutSystemdHandover(Map<String, String> env) {
    Map<String, String> copy = new java.util.HashMap<>(env);
    copy.keySet().removeAll(List.of("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"));
    return copy;
  }

  /** SUPERVISOR_SERVER_URL for children: the first unix server, else the first inet one. */
  static @Nullable String serverUrl(SupervisorConfig config) {
    for (UnixHttpServerConfig u : config.unixHttpServers()) {
      return "unix://" + u.file();
    }
    for (InetHttpServerConfig i : config.inetHttpServers()) {
      return "http://" + (i.host().isEmpty() ? "localhost" : i.host()) + ":" + i.port();
    }
    return null;
  }

  static SupervisorConfig load(ConfigLoader loader, Path path, DaemonOptions options)
      throws ConfigException {
    return loader.load(path, options.overrides());
  }
}
