package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogStream;
import dev.tend.api.ProcessInfo;
import dev.tend.config.HttpAuth;
import dev.tend.config.InetHttpServerConfig;
import dev.tend.config.SupervisorConfig;
import dev.tend.config.SupervisordConfig;
import dev.tend.config.UnixHttpServerConfig;
import dev.tend.core.CoreClock;
import dev.tend.core.CoreServices;
import dev.tend.core.MainLogAccess;
import dev.tend.core.PreparedCommand;
import dev.tend.core.Supervisor;
import dev.tend.core.ThreadCoreLoop;
import dev.tend.testing.FakeUserDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * A real supervisor core (its own loop thread, real clock) over {@link FakeChildren} and {@link
 * FakeLogOutputs}, served by a {@link ControlServer} on a unix socket in a test directory (and on
 * TCP when asked): what supervisorctl and the HTTP tests talk to. Nothing is forked.
 */
final class ServerHarness implements AutoCloseable {
  final Path dir;
  final Path socket;
  final Path mainLog;
  final FakeChildren children = new FakeChildren();
  final Map<String, FakeLogOutputs> outputs = new ConcurrentHashMap<>();
  final List<String> messages = new CopyOnWriteArrayList<>();
  final ThreadCoreLoop loop = new ThreadCoreLoop(CoreClock.SYSTEM, "test-core");
  final Supervisor supervisor;
  final ControlServer server;
  // What the next reread finds; tests replace it.
  volatile SupervisorConfig nextConfig;

  private ServerHarness(
      Path dir, SupervisorConfig base, @Nullable HttpAuth auth, boolean inet, ServerLimits limits)
      throws IOException, ControlServerException {
    this.dir = dir;
    this.socket = dir.resolve("tend.sock");
    this.mainLog = dir.resolve("supervisord.log");
    Files.createDirectories(dir);
    Files.writeString(mainLog, "2026-01-01 00:00:00,000 INFO supervisord started\n");
    SupervisorConfig config = withServers(base, socket, mainLog, auth, inet);
    this.nextConfig = config;
    CoreServices services =
        CoreServices.builder()
            .loop(loop)
            .clock(CoreClock.SYSTEM)
            .launcher(children)
            .preparer(
                (process, env) -> {
                  List<String> argv = List.of(process.command().split(" "));
                  return new PreparedCommand(Path.of("/usr/bin/" + argv.get(0)), argv);
                })
            .users(new FakeUserDatabase())
            .outputs(
                (group, process, events) -> {
                  String namespec = ProcessInfo.namespec(group.name(), process.name());
                  FakeLogOutputs o = new FakeLogOutputs(namespec, process.redirectStderr());
                  outputs.put(namespec, o);
                  return o;
                })
            .configSource(() -> nextConfig)
            .mainLog(new FileMainLog(mainLog))
            .daemonEnvironment(Map.of("PATH", "/usr/bin:/bin"))
            .serverUrl("unix://" + socket)
            .zone(ZoneId.systemDefault())
            .version("9.9.9-test")
            .build();
    this.supervisor = new Supervisor(config, services);
    loop.start();
    supervisor.start();
    this.server = ControlServer.start(supervisor, config, messages::add, limits);
  }

  static ServerHarness start(Path dir, SupervisorConfig base) throws Exception {
    return new ServerHarness(dir, base, null, false, ServerLimits.DEFAULTS);
  }

  static ServerHarness start(
      Path dir, SupervisorConfig base, @Nullable HttpAuth auth, boolean inet, ServerLimits limits)
      throws Exception {
    return new ServerHarness(dir, base, auth, inet, limits);
  }

  /** The base config with a unix server at {@code socket} (and TCP on a free port). */
  static SupervisorConfig withServers(
      SupervisorConfig base, Path socket, Path mainLog, @Nullable HttpAuth auth, boolean inet) {
    List<InetHttpServerConfig> inets = new ArrayList<>();
    if (inet) {
      inets.add(new InetHttpServerConfig("inet_http_server", "127.0.0.1", 0, auth));
    }
    SupervisordConfig s = base.supervisord();
    SupervisordConfig sd =
        new SupervisordConfig(
            mainLog,
            s.logToSyslog(),
            s.logfileMaxbytes(),
            s.logfileBackups(),
            s.loglevel(),
            s.pidfile(),
            s.umask(),
            s.nodaemon(),
            s.silent(),
            s.minfds(),
            s.minprocs(),
            s.nocleanup(),
            s.childlogdir(),
            s.uid(),
            s.user(),
            s.directory(),
            s.stripAnsi(),
            s.environment(),
            s.identifier(),
            s.profileOptions());
    return new SupervisorConfig(
        base.file(),
        base.includedFiles(),
        sd,
        List.of(new UnixHttpServerConfig("unix_http_server", socket, 0700, null, null, auth)),
        inets,
        base.ctl(),
        base.rpcInterfaces(),
        base.groups(),
        base.diagnostics());
  }

  /** The next reread finds these groups (servers as now). */
  void rereadFinds(SupervisorConfig groups) {
    SupervisorConfig now = nextConfig;
    nextConfig =
        new SupervisorConfig(
            now.file(),
            now.includedFiles(),
            now.supervisord(),
            now.unixHttpServers(),
            now.inetHttpServers(),
            now.ctl(),
            now.rpcInterfaces(),
            groups.groups(),
            now.diagnostics());
  }

  String unixUrl() {
    return "unix://" + socket;
  }

  String tcpUrl() {
    return server.urls().stream().filter(u -> u.startsWith("http")).findFirst().orElseThrow();
  }

  void write(String namespec, LogStream stream, String text) {
    outputs.get(namespec).write(stream, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.close();
    loop.close();
    children.close();
  }

  /** The main log as a file, read with supervisord's readLog semantics. */
  private record FileMainLog(Path file) implements MainLogAccess {
    @Override
    public byte[] read(long offset, long length) {
      try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
        long size = f.length();
        long from;
        long n;
        if (offset < 0) {
          if (length != 0) {
            throw new FaultException(Fault.BAD_ARGUMENTS);
          }
          from = Math.max(0, size + offset);
          n = size - from;
        } else {
          if (length < 0) {
            throw new FaultException(Fault.BAD_ARGUMENTS);
          }
          from = Math.min(offset, size);
          n = length == 0 ? size - from : Math.min(length, size - from);
        }
        byte[] b = new byte[(int) n];
        f.seek(from);
        f.readFully(b);
        return b;
      } catch (IOException e) {
        throw new FaultException(Fault.NO_FILE, file.toString());
      }
    }

    @Override
    public void clear() {
      try {
        Files.writeString(file, "");
      } catch (IOException e) {
        throw new FaultException(Fault.FAILED, e.toString());
      }
    }
  }
}
