package dev.tend.bench;

import dev.tend.testing.TendCommand;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

/** What a fault case runs with: the supervisor under test, a scratch folder, the scale. */
final class FaultContext {
  private final RunContext run;
  private final Contender contender;
  private final boolean jar;

  /**
   * @param jar tend runs as {@code java -cp target/tend.jar} (the integration tests) rather than
   *     through {@code bin/tend} (as a user runs it)
   */
  FaultContext(RunContext run, Contender contender, boolean jar) {
    this.run = run;
    this.contender = contender;
    this.jar = jar;
  }

  Contender contender() {
    return contender;
  }

  /** The tend checkout whose scripts and {@code bin/tend} run. */
  java.nio.file.Path root() {
    return run.root();
  }

  boolean quick() {
    return run.quick();
  }

  <T> T pick(T full, T quick) {
    return run.pick(full, quick);
  }

  /** A fresh config in a folder of its own. */
  BenchConfig config(String caseId) throws IOException {
    return run.config(caseId, contender);
  }

  /** Starts the daemon on a written config and waits until it answers on its socket. */
  DaemonRun start(BenchConfig config, int programs) throws IOException, InterruptedException {
    return start(config, programs, List.of());
  }

  /** The same, the command prefixed (e.g. by {@code prlimit}). */
  DaemonRun start(BenchConfig config, int programs, List<String> prefix)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(prefix);
    command.addAll(
        contender == Contender.TEND && jar
            ? TendCommand.command("daemon", "-n", "-c", config.file().toString())
            : contender.daemon(run.root(), config.file()));
    DaemonRun d = DaemonRun.start(contender, command, config);
    try {
      d.awaitStarted(Duration.ofSeconds(120));
      if (programs > 0) {
        d.await(MainLogWatch.SUCCESS, programs, Duration.ofSeconds(120));
      }
      WireCall.Target t = new WireCall.Target(config.socket(), config.inetPort());
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (WireCall.once(t, false, WireCall.rpc("supervisor.getState", false), ONE_SECOND, false)
              .outcome()
          != WireCall.Outcome.ANSWERED) {
        if (System.nanoTime() > deadline) {
          throw new BenchException(d + " does not answer on " + config.socket());
        }
        Thread.sleep(20);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      d.close();
      throw e;
    }
    return d;
  }

  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /** A free TCP port on loopback (bound and released: another process could take it first). */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
