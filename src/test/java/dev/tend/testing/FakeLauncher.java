package dev.tend.testing;

import dev.tend.platform.AdoptRequest;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.ExitListener;
import dev.tend.platform.ExitStatus;
import dev.tend.platform.ProcessLauncher;
import dev.tend.platform.Signal;
import dev.tend.platform.SpawnException;
import dev.tend.platform.SpawnRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A launcher that forks nothing: records every request, hands out pids, and lets the test decide
 * when each child exits and what signals do.
 */
public final class FakeLauncher implements ProcessLauncher {
  private int nextPid = 1000;
  private final List<SpawnRequest> requests = new ArrayList<>();
  private final Map<Integer, FakeChild> children = new HashMap<>();
  // Set to make the next spawns fail.
  private @Nullable SpawnException failure;

  // What adopt() was given, in order.
  private final List<AdoptRequest> adoptions = new ArrayList<>();

  /**
   * Watches an adopted process as the fake it is: its pid is the handle's; the test decides when it
   * exits ({@link #exit}). The handle and pipes are closed at once (nothing is read).
   */
  @Override
  public ChildProcess adopt(AdoptRequest request) throws SpawnException {
    if (failure != null) {
      request.process().close();
      request.pipes().close();
      throw failure;
    }
    adoptions.add(request);
    FakeChild c = new FakeChild(request.process().pid(), null, request.onExit());
    c.start = request.process().startTime();
    request.process().close();
    request.pipes().close();
    children.put(c.pid, c);
    return c;
  }

  public List<AdoptRequest> adoptions() {
    return adoptions;
  }

  @Override
  public ChildProcess spawn(SpawnRequest request) throws SpawnException {
    if (failure != null) {
      throw failure;
    }
    requests.add(request);
    FakeChild c = new FakeChild(nextPid++, request, request.onExit());
    children.put(c.pid, c);
    return c;
  }

  public void failWith(@Nullable SpawnException e) {
    this.failure = e;
  }

  public List<SpawnRequest> requests() {
    return requests;
  }

  public int spawnCount() {
    return requests.size();
  }

  public SpawnRequest lastRequest() {
    return requests.get(requests.size() - 1);
  }

  public FakeChild child(int pid) {
    FakeChild c = children.get(pid);
    if (c == null) {
      throw new AssertionError("no child with pid " + pid);
    }
    return c;
  }

  /** The child exits: the exit is reported as the platform would (then the loop must run). */
  public void exit(int pid, ExitStatus status) {
    FakeChild c = child(pid);
    if (c.reaped) {
      throw new AssertionError("pid " + pid + " already exited");
    }
    c.reaped = true;
    c.onExit.onExit(pid, status);
  }

  /** A child as the test sees it: the signals it got. */
  public static final class FakeChild implements ChildProcess {
    final int pid;
    // The spawn's request; null for an adopted child.
    final @Nullable SpawnRequest request;
    final ExitListener onExit;
    // A fake start time: fixed per pid, never read from /proc (an adopted child's is its handle's).
    long start;
    boolean reaped;
    final List<String> signals = new ArrayList<>();
    final ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    // The errno signal() answers with; 0 = delivered.
    int signalErrno;
    boolean stdinClosed;

    FakeChild(int pid, @Nullable SpawnRequest request, ExitListener onExit) {
      this.pid = pid;
      this.request = request;
      this.onExit = onExit;
      this.start = pid * 10L;
    }

    @Override
    public int pid() {
      return pid;
    }

    @Override
    public long startTime() {
      return start;
    }

    @Override
    public int signal(Signal signal, boolean toGroup) {
      signals.add((toGroup ? "group:" : "") + signal.name());
      return reaped ? 3 : signalErrno;
    }

    @Override
    public void writeStdin(byte[] data) throws IOException {
      if (stdinClosed) {
        throw new IOException("Broken pipe");
      }
      stdin.write(data);
    }

    public List<String> signals() {
      return signals;
    }

    public void answerSignalsWith(int errno) {
      signalErrno = errno;
    }

    public void closeStdin() {
      stdinClosed = true;
    }

    public String stdin() {
      return stdin.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    public SpawnRequest request() {
      if (request == null) {
        throw new AssertionError("pid " + pid + " was adopted, not spawned");
      }
      return request;
    }
  }
}
