package dev.tend.control.server;

import dev.tend.testing.RealSupervisorctl;
import dev.tend.testing.TestDependency;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real supervisorctl (Debian's supervisor 4.2.5), run one command at a time against a server
 * URL through a config file of its own, so nothing of the machine's /etc is read. Tests only: it
 * forks with ProcessBuilder, which is fine where no reaper runs.
 */
final class Supervisorctl {
  private final Path conf;

  /** The output (stdout and stderr together) and the exit code of one command. */
  record Result(String command, int exit, String output) {
    @Override
    public String toString() {
      return "$ supervisorctl " + command + "  (exit " + exit + ")\n" + output;
    }
  }

  Supervisorctl(Path dir, String serverUrl, String... extraLines) throws IOException {
    TestDependency.require("supervisor");
    this.conf = dir.resolve("supervisorctl-" + Integer.toHexString(serverUrl.hashCode()) + ".conf");
    StringBuilder b = new StringBuilder("[supervisorctl]\nserverurl=" + serverUrl + "\n");
    for (String l : extraLines) {
      b.append(l).append('\n');
    }
    Files.writeString(conf, b);
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(List.of(RealSupervisorctl.SUPERVISORCTL.toString(), "-c", conf.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LANG", "C.UTF-8");
    Process p = pb.start();
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("supervisorctl " + String.join(" ", args) + " did not finish");
    }
    return new Result(
        String.join(" ", args), p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  /** Starts a long-running command (tail -f); the caller reads its output and destroys it. */
  Process start(String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(List.of(RealSupervisorctl.SUPERVISORCTL.toString(), "-c", conf.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().put("PYTHONUNBUFFERED", "1");
    return pb.start();
  }
}
