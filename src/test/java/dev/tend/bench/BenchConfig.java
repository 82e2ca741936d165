package dev.tend.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One supervisord.conf that both daemons run: a control socket, a main log at info level, and the
 * programs. Every program carries {@code TEND_BENCH_RUN=<dir>} in its environment, so whatever a
 * run leaves behind can be found and killed even after its daemon died.
 */
final class BenchConfig {
  static final String MARKER = "TEND_BENCH_RUN";

  private final Path dir;
  private final List<String> programs = new ArrayList<>(); // rendered [program:x] sections
  private int inetPort; // an [inet_http_server] on 127.0.0.1 at this port; 0: none
  private int minfds = 8192; // [supervisord] minfds

  BenchConfig(Path dir) {
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  Path file() {
    return dir.resolve("supervisord.conf");
  }

  Path mainLog() {
    return dir.resolve("main.log");
  }

  Path socket() {
    return dir.resolve("supervisor.sock");
  }

  Path childLog(String name) {
    return dir.resolve(name + ".log");
  }

  /**
   * Adds {@code [program:NAME]} with {@code command} and extra {@code key=value} lines; stdout goes
   * to {@link #childLog} with stderr redirected into it, and the program starts RUNNING at once
   * (startsecs=0) unless {@code options} say otherwise.
   */
  BenchConfig program(String name, String command, String... options) {
    StringBuilder s = new StringBuilder();
    s.append("[program:").append(name).append("]\ncommand=").append(command).append('\n');
    s.append("environment=").append(MARKER).append("=\"").append(dir).append("\"\n");
    boolean startsecs = false;
    boolean logfile = false;
    for (String o : options) {
      s.append(o).append('\n');
      startsecs |= o.startsWith("startsecs=");
      logfile |= o.startsWith("stdout_logfile=");
    }
    if (!startsecs) {
      s.append("startsecs=0\n");
    }
    if (!logfile) {
      s.append("stdout_logfile=").append(childLog(name)).append('\n');
    }
    s.append("redirect_stderr=true\nstopwaitsecs=5\n");
    programs.add(s.toString());
    return this;
  }

  /** {@code count} programs {@code p0000...} each running {@code command}. */
  BenchConfig programs(int count, String command, String... options) {
    for (int i = 0; i < count; i++) {
      program(String.format("p%04d", i), command, options);
    }
    return this;
  }

  /** Adds an {@code [inet_http_server]} on 127.0.0.1 at {@code port}. */
  BenchConfig inet(int port) {
    this.inetPort = port;
    return this;
  }

  /** The {@code minfds} the daemon asks for (a lower one lets it run under a small limit). */
  BenchConfig minfds(int n) {
    this.minfds = n;
    return this;
  }

  int inetPort() {
    return inetPort;
  }

  int programCount() {
    return programs.size();
  }

  BenchConfig write() throws IOException {
    Files.createDirectories(dir);
    StringBuilder c = new StringBuilder();
    c.append("[unix_http_server]\nfile=").append(socket()).append("\nchmod=0700\n\n");
    if (inetPort > 0) {
      c.append("[inet_http_server]\nport=127.0.0.1:").append(inetPort).append("\n\n");
    }
    c.append("[supervisord]\nlogfile=").append(mainLog()).append('\n');
    c.append("loglevel=info\npidfile=").append(dir.resolve("daemon.pid")).append('\n');
    c.append("childlogdir=").append(dir).append("\nminfds=").append(minfds);
    c.append("\nminprocs=200\n\n");
    c.append("[rpcinterface:supervisor]\n");
    c.append(
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n\n");
    c.append("[supervisorctl]\nserverurl=unix://").append(socket()).append("\n\n");
    for (String p : programs) {
      c.append(p).append('\n');
    }
    Files.writeString(file(), c, StandardCharsets.UTF_8);
    return this;
  }
}
