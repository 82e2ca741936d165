package dev.tend.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The installed supervisorctl 4.x as a separate process, for tests that compare tend ctl with it
 * byte for byte. Fails the test when it is not installed, unless its tests are skipped by name
 * ({@link TestDependency}).
 */
public final class RealSupervisorctl {
  public static final Path SUPERVISORCTL = Path.of("/usr/bin/supervisorctl");

  private RealSupervisorctl() {}

  /**
   * Runs {@code supervisorctl ARGS} in {@code dir} with {@code stdin} as its input (none: an empty
   * input), to completion.
   */
  public static CtlResult run(Path dir, String stdin, List<String> args)
      throws IOException, InterruptedException {
    TestDependency.require("supervisor");
    List<String> cmd = new ArrayList<>();
    cmd.add(SUPERVISORCTL.toString());
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().put("LANG", "C.UTF-8");
    pb.environment().put("PYTHONHASHSEED", "0");
    Path in = Files.createTempFile(dir, "in", ".txt");
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Files.writeString(in, stdin, StandardCharsets.UTF_8);
    pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("supervisorctl " + args + " did not finish in 60 s");
    }
    return new CtlResult(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** A finished run of a ctl: its exit status and what it printed. */
  public record CtlResult(int exit, String out, String err) {
    /** All three, for one assertEquals that shows every difference. */
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
  }
}
