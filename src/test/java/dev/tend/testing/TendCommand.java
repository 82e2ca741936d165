package dev.tend.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The built tend ({@code target/tend.jar}, as {@code mvn verify} packages it before the integration
 * tests) as a separate process, run with the JVM running the tests. Only for tests whose own JVM
 * reaps nothing with waitpid(-1).
 */
public final class TendCommand {
  private TendCommand() {}

  public static Path jar() {
    Path jar = Path.of("target", "tend.jar").toAbsolutePath();
    if (!Files.exists(jar)) {
      throw new IllegalStateException("run the integration tests through mvn verify: no " + jar);
    }
    return jar;
  }

  /** {@code java ... -cp target/tend.jar dev.tend.app.Main ARGS} */
  public static List<String> command(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("--enable-native-access=ALL-UNNAMED");
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-cp");
    cmd.add(jar().toString());
    cmd.add("dev.tend.app.Main");
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** Starts it with stdout and stderr going to files in {@code dir}. */
  public static Process start(Path dir, String... args) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command(args));
    pb.redirectOutput(dir.resolve("tend.out").toFile());
    pb.redirectError(dir.resolve("tend.err").toFile());
    pb.directory(dir.toFile());
    return pb.start();
  }

  /** Runs it to completion; returns exit code, stdout and stderr. */
  public static Result run(Path dir, String... args) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command(args));
    pb.directory(dir.toFile());
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("tend " + String.join(" ", args) + " did not finish in 60 s");
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** A finished run. */
  public record Result(int exit, String out, String err) {}
}
