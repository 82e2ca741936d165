package dev.tend.control.server;

import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitStatus;
import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.Signal;
import dev.tend.platform.SpawnRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A launcher that forks nothing but whose children behave like simple daemons: each says {@code
 * <argv> started} on stdout, echoes its stdin to stdout, reports other signals on stdout, and exits
 * (killed by the signal) on TERM, INT, QUIT, HUP or KILL. Exits and output are reported from
 * another thread, as the platform's I/O thread would. Thread-safe.
 */
final class FakeChildren implements ProcessLauncher, AutoCloseable {
  private static final Set<String> FATAL = Set.of("TERM", "INT", "QUIT", "HUP", "KILL");

  private final AtomicInteger nextPid = new AtomicInteger(40_000);
  private final Map<Integer, Child> live = new ConcurrentHashMap<>();
  private final List<String> signals = new CopyOnWriteArrayList<>();
  private final ExecutorService io =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-io"));

  @Override
  public ChildProcess spawn(SpawnRequest request) {
    Child c = new Child(nextPid.getAndIncrement(), request);
    live.put(c.pid, c);
    c.say(String.join(" ", request.argv()) + " started\n");
    return c;
  }

  /** "pid:SIGNAME" of every signal any child got, in order. */
  List<String> signals() {
    return signals;
  }

  int liveCount() {
    return live.size();
  }

  /** The child exits with a code, as if it ended by itself. */
  void exit(int pid, int code) {
    Child c = live.remove(pid);
    if (c != null) {
      io.execute(() -> c.request.onExit().onExit(pid, ExitStatus.exited(code)));
    }
  }

  @Override
  public void close() {
    io.shutdownNow();
  }

  private final class Child implements ChildProcess {
    final int pid;
    final SpawnRequest request;

    Child(int pid, SpawnRequest request) {
      this.pid = pid;
      this.request = request;
    }

    void say(String text) {
      byte[] b = text.getBytes(StandardCharsets.UTF_8);
      io.execute(() -> request.stdout().onData(ByteBuffer.wrap(b)));
    }

    @Override
    public int pid() {
      return pid;
    }

    @Override
    public int signal(Signal signal, boolean toGroup) {
      if (!live.containsKey(pid)) {
        return 3; // ESRCH
      }
      signals.add(pid + ":" + signal.fullName());
      if (FATAL.contains(signal.name())) {
        live.remove(pid);
        io.execute(() -> request.onExit().onExit(pid, ExitStatus.killed(signal.number(), false)));
      } else {
        say("got " + signal.fullName() + "\n");
      }
      return 0;
    }

    @Override
    public void writeStdin(byte[] data) {
      say(new String(data, StandardCharsets.UTF_8));
    }
  }
}
