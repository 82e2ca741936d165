package dev.tend.app;

import dev.tend.testing.Await;
import dev.tend.testing.TendCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A site for daemon crash tests: a config of small shell programs in a temporary directory, the
 * tend daemon on it as a separate process (killed with SIGKILL and started again at will), and what
 * the tests look at: the main log, the programs' live processes (found by their command line, which
 * names this directory), their logs. Leaves nothing running when closed.
 */
final class CrashSite {
  final Path dir;
  private Process daemon;

  CrashSite(Path dir) throws IOException {
    this.dir = dir;
    Path prog = dir.resolve("prog.sh");
    // $1 the program's name; with $2, a numbered line every $2 seconds; TERM ends it and its sleep
    Files.writeString(
        prog,
        """
        #!/bin/sh
        trap 'kill $! 2>/dev/null; exit 0' TERM
        i=0
        while :; do
          if [ -n "$2" ]; then i=$((i+1)); echo "$1 $i"; fi
          sleep ${2:-1} & wait
        done
        """);
    Files.setPosixFilePermissions(prog, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path writer = dir.resolve("writer.sh");
    // $1 the program's name: "$1 1", "$1 2", ... one write(2) each, without a pause; a write to a
    // pipe nothing reads any more kills it (SIGPIPE, the shell's default)
    Files.writeString(
        writer,
        """
        #!/bin/sh
        i=0
        while :; do i=$((i+1)); echo "$1 $i"; done
        """);
    Files.setPosixFilePermissions(writer, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /** Writes the config: {@code [supervisord]} extras, then the program sections as given. */
  Path config(String supervisordExtra, String programs) throws IOException {
    Path conf = dir.resolve("site.conf");
    Files.writeString(
        conf,
        """
        [supervisord]
        logfile = %1$s/main.log
        pidfile = %1$s/site.pid
        childlogdir = %1$s
        loglevel = info
        %2$s

        [unix_http_server]
        file = %1$s/s.sock

        [supervisorctl]
        serverurl = unix://%1$s/s.sock

        [rpcinterface:supervisor]
        supervisor.rpcinterface_factory=supervisor.rpcinterface:make_main_rpcinterface

        %3$s
        """
            .formatted(dir, supervisordExtra, programs));
    return conf;
  }

  /** A program section running prog.sh (silent, or a numbered line every {@code every} s). */
  String program(String name, String every) {
    return """
        [program:%1$s]
        command = %2$s/prog.sh %1$s %3$s
        startsecs = 1
        autorestart = true
        stdout_logfile = %2$s/%1$s.log
        stderr_logfile = %2$s/%1$s.err

        """
        .formatted(name, dir, every);
  }

  /** A program section running writer.sh: numbered lines as fast as its pipe takes them. */
  String writer(String name) {
    return program(name, "").replace("prog.sh " + name + " ", "writer.sh " + name);
  }

  /** The bytes of a program's stdout log. */
  byte[] log(String name) throws IOException {
    return Files.readAllBytes(dir.resolve(name + ".log"));
  }

  long logSize(String name) {
    try {
      return Files.size(dir.resolve(name + ".log"));
    } catch (IOException e) {
      return 0;
    }
  }

  void awaitLogSize(String name, long bytes) {
    Await.until(
        bytes + " bytes in " + name + ".log", Duration.ofSeconds(60), () -> logSize(name) >= bytes);
  }

  /** Starts the daemon in the foreground on the config. */
  void startDaemon() throws IOException {
    daemon = TendCommand.start(dir, "daemon", "-n", "-c", dir.resolve("site.conf").toString());
  }

  long daemonPid() {
    return daemon.pid();
  }

  /** SIGKILL to the daemon, and waits until it is gone. */
  void killDaemon() throws InterruptedException {
    daemon.destroyForcibly();
    if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the daemon did not die of SIGKILL");
    }
  }

  /** SIGTERM, and waits for the daemon's clean exit. */
  int stopDaemon() throws InterruptedException {
    daemon.destroy();
    if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the daemon did not exit on SIGTERM");
    }
    return daemon.exitValue();
  }

  String mainLog() {
    try {
      return Files.readString(dir.resolve("main.log"));
    } catch (IOException e) {
      return "";
    }
  }

  /** How often the main log holds {@code text}. */
  int count(String text) {
    return mainLog().split(Pattern.quote(text), -1).length - 1;
  }

  void awaitLog(String text, int times) {
    Await.until(
        times + " x '" + text + "' in the main log",
        Duration.ofSeconds(60),
        () -> count(text) >= times);
  }

  /** The pids the main log gives for {@code verb} ('spawned', 'adopted') of a program. */
  List<Integer> pids(String verb, String name) {
    Matcher m = Pattern.compile(verb + ": '" + name + "' with pid (\\d+)").matcher(mainLog());
    List<Integer> pids = new ArrayList<>();
    while (m.find()) {
      pids.add(Integer.parseInt(m.group(1)));
    }
    return pids;
  }

  /** The live processes of a program: by their command line, which names this directory. */
  List<Integer> live(String name) {
    String marker = "\0" + name + "\0";
    List<Integer> found = new ArrayList<>();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : proc) {
        try {
          String cmd = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
          String stat = Files.readString(p.resolve("stat"));
          boolean zombie = stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
          boolean ours = cmd.contains(dir.toString()) && (cmd + "\0").contains(marker);
          if (ours && !zombie) {
            found.add(Integer.parseInt(p.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // it ended while we looked
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  /** The numbers of a program's lines (its stdout log: "NAME N" each), in order. */
  List<Integer> lines(String name) {
    List<Integer> numbers = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve(name + ".log"))) {
        if (line.startsWith(name + " ")) {
          numbers.add(Integer.parseInt(line.substring(name.length() + 1).trim()));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not there yet, or a line being written: the caller waits again
    }
    return numbers;
  }

  void awaitLines(String name, int count) {
    Await.until(
        count + " lines of " + name, Duration.ofSeconds(60), () -> lines(name).size() >= count);
  }

  /** Lets time pass with no daemon: waits until the pidfile's daemon is gone for {@code d}. */
  void awaitNoDaemonFor(Duration d) {
    long until = System.nanoTime() + d.toNanos();
    Await.until("time without a daemon", d.plusSeconds(5), () -> System.nanoTime() >= until);
  }

  /** The live keeper processes of this site (their command line names the keeper). */
  List<Integer> keepers() {
    return processesWith("keeper\0@tend-keeper-");
  }

  private List<Integer> processesWith(String regex) {
    List<Integer> found = new ArrayList<>();
    Pattern p = Pattern.compile(regex);
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path d : proc) {
        try {
          String cmd = new String(Files.readAllBytes(d.resolve("cmdline")), StandardCharsets.UTF_8);
          if (p.matcher(cmd).find() && cmd.contains(keeperName())) {
            found.add(Integer.parseInt(d.getFileName().toString()));
          }
        } catch (IOException | RuntimeException e) {
          // gone meanwhile
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return found;
  }

  private String keeperName() {
    return dev.tend.platform.KeeperLink.nameFor(dir.resolve("site.pid"));
  }

  /** {@code tend ctl} on the site. */
  TendCommand.Result ctl(String... args) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("ctl", "-c", dir.resolve("site.conf").toString()));
    all.addAll(List.of(args));
    return TendCommand.run(dir, all.toArray(String[]::new));
  }

  static void kill(int pid, String signal) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Integer.toString(pid)).start();
    kill.waitFor();
  }

  /** Stops the daemon if it runs, then kills whatever of the site is left. */
  void cleanUp() throws Exception {
    if (daemon != null && daemon.isAlive()) {
      stopDaemon();
    }
    for (int pid : keepers()) {
      kill(pid, "KILL");
    }
    for (String line : Files.readString(dir.resolve("site.conf")).split("\n")) {
      if (line.startsWith("[program:")) {
        for (int pid : live(line.substring(9, line.length() - 1))) {
          kill(pid, "KILL");
        }
      }
    }
  }
}
