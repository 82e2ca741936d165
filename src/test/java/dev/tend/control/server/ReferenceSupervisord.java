package dev.tend.control.server;

import dev.tend.testing.Await;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.TendCommand;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real supervisord 4.2.5 ({@code /usr/bin/supervisord -n}) on a unix socket in a test directory,
 * with the given program sections: the reference tend's server is compared against. Its children
 * are real processes; closing it sends SIGTERM, which makes supervisord stop them, and waits.
 */
final class ReferenceSupervisord implements AutoCloseable {
  final Path dir;
  final Path conf;
  final Path socket;
  private final Process process;

  private ReferenceSupervisord(Path dir, String programs, String serverSections, boolean tend)
      throws IOException {
    this.dir = dir;
    this.conf = dir.resolve("supervisord.conf");
    this.socket = dir.resolve("sv.sock");
    if (!tend) {
      TestDependency.require("supervisor");
    }
    writeConfig(programs, serverSections);
    List<String> command =
        tend
            ? TendCommand.command("daemon", "-n", "-c", conf.toString())
            : List.of(RealSupervisord.SUPERVISORD.toString(), "-n", "-c", conf.toString());
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("supervisord.out").toFile());
    this.process = pb.start();
  }

  /** Starts supervisord with these program sections and waits until it answers. */
  static ReferenceSupervisord start(Path dir, String programs) throws IOException {
    return start(dir, programs, "");
  }

  static ReferenceSupervisord start(Path dir, String programs, String serverSections)
      throws IOException {
    return start(dir, programs, serverSections, false);
  }

  /** The same, but the daemon is {@code tend daemon -n} (the built jar), not supervisord. */
  static ReferenceSupervisord startTend(Path dir, String programs) throws IOException {
    return start(dir, programs, "", true);
  }

  private static ReferenceSupervisord start(
      Path dir, String programs, String serverSections, boolean tend) throws IOException {
    Files.createDirectories(dir);
    ReferenceSupervisord s = new ReferenceSupervisord(dir, programs, serverSections, tend);
    try {
      Await.until(
          "supervisord to answer on " + s.socket,
          Duration.ofSeconds(30),
          () -> {
            if (!s.process.isAlive()) {
              throw new AssertionError("supervisord exited: " + s.output());
            }
            return Files.exists(s.socket) && UnixSocketFile.answers(s.socket);
          });
    } catch (RuntimeException | Error e) {
      s.close();
      throw e;
    }
    return s;
  }

  /** Replaces the program sections; takes effect at the next reread. */
  void rewritePrograms(String programs) throws IOException {
    writeConfig(programs, "");
  }

  private void writeConfig(String programs, String serverSections) throws IOException {
    Files.writeString(
        conf,
        "[unix_http_server]\n"
            + "file="
            + socket
            + "\n"
            + serverSections
            + "[supervisord]\n"
            + "logfile="
            + dir.resolve("supervisord.log")
            + "\npidfile="
            + dir.resolve("supervisord.pid")
            + "\nchildlogdir="
            + dir
            + "\nnodaemon=true\n"
            + "[rpcinterface:supervisor]\n"
            + "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n"
            + "[supervisorctl]\n"
            + "serverurl=unix://"
            + socket
            + "\n"
            + programs);
  }

  String url() {
    return "unix://" + socket;
  }

  String output() {
    try {
      return Files.readString(dir.resolve("supervisord.out"));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
