package dev.tend.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One daemon started on a {@link BenchConfig}: its pid, its main log, /proc samples, a timed
 * SIGTERM, and {@link #close} that kills it and everything it started, whatever state it is in.
 */
final class DaemonRun implements AutoCloseable {
  private static final Set<DaemonRun> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(() -> List.copyOf(LIVE).forEach(DaemonRun::close)));
  }

  private final Contender contender;
  private final BenchConfig config;
  private final Process process;
  private final long startNanos;
  private final MainLogWatch log;

  private DaemonRun(Contender contender, BenchConfig config, Process process, long startNanos) {
    this.contender = contender;
    this.config = config;
    this.process = process;
    this.startNanos = startNanos;
    this.log = new MainLogWatch(config.mainLog());
  }

  /** Writes nothing: {@code config} must be written. Output goes to {@code daemon.out}. */
  static DaemonRun start(Contender c, Path root, BenchConfig config) throws IOException {
    return start(c, c.daemon(root, config.file()), config);
  }

  /** The same with the daemon started by {@code command}. */
  static DaemonRun start(Contender c, List<String> command, BenchConfig config) throws IOException {
    Files.deleteIfExists(config.mainLog());
    Files.deleteIfExists(config.socket());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.directory(config.dir().toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(config.dir().resolve("daemon.out").toFile());
    // the daemon carries the marker too: a harness killed mid-start still finds it afterwards
    pb.environment().put(BenchConfig.MARKER, config.dir().toString());
    long t0 = System.nanoTime();
    DaemonRun run = new DaemonRun(c, config, pb.start(), t0);
    LIVE.add(run);
    return run;
  }

  long pid() {
    return process.pid();
  }

  long startNanos() {
    return startNanos;
  }

  MainLogWatch log() {
    return log;
  }

  ProcStats.Sample sample() {
    return ProcStats.sample(process.pid());
  }

  /**
   * Waits until the main log holds {@code n} lines with {@code marker}; returns when (nanoTime).
   */
  long await(String marker, int n, Duration timeout) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      log.poll();
      long now = System.nanoTime();
      if (log.count(marker) >= n) {
        return now;
      }
      if (!process.isAlive()) {
        throw new BenchException(this + " exited with " + process.exitValue() + "; " + tail());
      }
      if (now > deadline) {
        throw new BenchException(
            this
                + ": "
                + log.count(marker)
                + " of "
                + n
                + " '"
                + marker.trim()
                + "' lines in "
                + timeout.toSeconds()
                + " s; "
                + tail());
      }
      Thread.sleep(2);
    }
  }

  /** Waits until the daemon logged its start (both write "supervisord started with pid"). */
  long awaitStarted(Duration timeout) throws IOException, InterruptedException {
    return await("started with pid", 1, timeout);
  }

  /** Sends SIGTERM and waits for the daemon to exit; returns the nanoseconds it took. */
  long terminate(Duration timeout) throws InterruptedException {
    long t0 = System.nanoTime();
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new BenchException(this + " still running " + timeout.toSeconds() + " s after SIGTERM");
    }
    return System.nanoTime() - t0;
  }

  /** The last lines of its output, for error messages. */
  String tail() {
    try {
      List<String> out = Files.readAllLines(config.dir().resolve("daemon.out"));
      return String.join(" | ", out.subList(Math.max(0, out.size() - 5), out.size()));
    } catch (IOException e) {
      return "(no output: " + e.getMessage() + ")";
    }
  }

  /** Kills the daemon (SIGKILL) and every process it started; safe to call twice. */
  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Leftovers.kill(config.dir());
    LIVE.remove(this);
  }

  @Override
  public String toString() {
    return contender.label()
        + " (pid "
        + process.pid()
        + ", "
        + config.programCount()
        + " programs)";
  }
}
