package dev.tend.core;

import dev.tend.config.Probe;
import dev.tend.config.ProcessConfig;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.NetworkChecks;
import dev.tend.platform.OutputSink;
import dev.tend.platform.Signal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Runs the probes of readiness and health checks without blocking the loop: connections on the
 * {@link NetworkChecks} thread, commands as children of the launcher (reaped by its one reaper,
 * killed with their process group when they overrun). Every attempt ends once, on the loop, unless
 * it was cancelled first. Loop thread only. Log-line probes are not run here: they watch the
 * process's own output ({@link ProcessChecks}).
 */
final class Probes {
  private static final int OUTPUT_KEPT = 240;

  private final CoreLoop loop;
  private final NetworkChecks network;
  private final Spawner spawner;

  Probes(CoreLoop loop, NetworkChecks network, Spawner spawner) {
    this.loop = loop;
    this.network = network;
    this.spawner = spawner;
  }

  /** An attempt in flight; cancelling it drops its result (and kills a probe command). */
  interface Attempt {
    void cancel();
  }

  /**
   * Starts one attempt of {@code probe} for the process {@code config} of {@code group}.
   *
   * @param done called on the loop with the result, unless the attempt was cancelled
   */
  Attempt run(
      Probe probe,
      ProcessConfig config,
      String group,
      long timeoutMillis,
      Consumer<ProbeResult> done) {
    return switch (probe) {
      case Probe.Tcp t -> {
        NetworkAttempt a = new NetworkAttempt(done);
        network.connect(t.host(), t.port(), timeoutMillis, a::outcome);
        yield a;
      }
      case Probe.Http h -> {
        NetworkAttempt a = new NetworkAttempt(done);
        network.httpGet(h.host(), h.port(), h.path(), timeoutMillis, a::outcome);
        yield a;
      }
      case Probe.Command c -> command(c.command(), config, group, timeoutMillis, done);
      case Probe.LogLine l -> throw new IllegalArgumentException("a log probe is not run");
    };
  }

  /** A TCP or HTTP check: its outcome comes from the checks' thread and is posted to the loop. */
  private final class NetworkAttempt implements Attempt {
    private final Consumer<ProbeResult> done;
    // Loop thread only.
    private boolean cancelled;

    NetworkAttempt(Consumer<ProbeResult> done) {
      this.done = done;
    }

    void outcome(NetworkChecks.Outcome o) {
      loop.execute(
          () -> {
            if (!cancelled) {
              cancelled = true;
              done.accept(new ProbeResult(o.ok(), o.message()));
            }
          });
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private Attempt command(
      String command,
      ProcessConfig config,
      String group,
      long timeoutMillis,
      Consumer<ProbeResult> done) {
    CommandAttempt a = new CommandAttempt(done, timeoutMillis);
    try {
      ProcessConfig probe = config.withCommand(command);
      Spawner.Plan plan = spawner.prepare(probe, group);
      a.child =
          spawner.launch(
              probe,
              plan,
              a.output,
              null,
              (pid, status) -> loop.execute(() -> a.exited(status.code(), status.describe())));
      a.timer = loop.schedule(timeoutMillis, a::timedOut);
    } catch (Spawner.Refused e) {
      loop.execute(() -> a.end(new ProbeResult(false, e.spawnerr())));
    }
    return a;
  }

  /** A probe command: its exit, or its timeout, whichever comes first. */
  private static final class CommandAttempt implements Attempt {
    private final Consumer<ProbeResult> done;
    private final long timeoutMillis;
    // Written on the I/O thread, read on the loop after the exit (the exit follows the output).
    final LastBytes output = new LastBytes(OUTPUT_KEPT);
    // Loop thread only.
    @Nullable ChildProcess child;
    CoreLoop.@Nullable Timer timer;
    boolean ended;

    CommandAttempt(Consumer<ProbeResult> done, long timeoutMillis) {
      this.done = done;
      this.timeoutMillis = timeoutMillis;
    }

    void exited(int code, String how) {
      child = null;
      String said = output.lastLine();
      end(new ProbeResult(code == 0, how + (said.isEmpty() ? "" : ": " + said)));
    }

    void timedOut() {
      timer = null;
      kill();
      end(new ProbeResult(false, "no answer in " + timeoutMillis / 1000 + " s"));
    }

    void end(ProbeResult r) {
      if (!ended) {
        ended = true;
        if (timer != null) {
          timer.cancel();
          timer = null;
        }
        done.accept(r);
      }
    }

    private void kill() {
      ChildProcess c = child;
      if (c != null) {
        c.signal(Signal.KILL, true);
      }
    }

    @Override
    public void cancel() {
      ended = true;
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
      kill();
    }
  }

  /** The last bytes a probe command wrote, for the result's message. */
  static final class LastBytes implements OutputSink {
    private final byte[] ring;
    // Guarded by this.
    private int length;

    LastBytes(int size) {
      this.ring = new byte[size];
    }

    @Override
    public synchronized void onData(ByteBuffer data) {
      int n = data.remaining();
      if (n >= ring.length) {
        data.position(data.limit() - ring.length);
        data.get(ring);
        length = ring.length;
        return;
      }
      int keep = Math.min(length, ring.length - n);
      System.arraycopy(ring, length - keep, ring, 0, keep);
      data.get(ring, keep, n);
      length = keep + n;
    }

    @Override
    public void onEof() {}

    /** The last non-empty line, trimmed. */
    synchronized String lastLine() {
      String text = new String(ring, 0, length, StandardCharsets.UTF_8).strip();
      int nl = text.lastIndexOf('\n');
      return nl < 0 ? text : text.substring(nl + 1).strip();
    }
  }
}
