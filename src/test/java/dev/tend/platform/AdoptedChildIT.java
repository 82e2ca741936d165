package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.testing.Await;
import dev.tend.testing.RecordingOutputSink;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Processes that are not this JVM's children (grandchildren, whose parent is a shell the test
 * starts) watched through their pidfd: their exit, how they ended once their parent reaps them
 * (Linux 6.15+; unknown before), a parent that never reaps, signals, pid reuse.
 */
class AdoptedChildIT {
  private static NativeProcessLauncher launcher;

  @BeforeAll
  static void open() throws IOException {
    launcher = NativeProcessLauncher.open();
  }

  @AfterAll
  static void close() {
    launcher.close();
  }

  /** A grandchild: {@code sh -c 'CHILD & echo $!; PARENT'} started here; its pid. */
  private static int grandchild(String child, String parent) throws Exception {
    ChildRun run = ChildRun.of("sh", "-c", child + " & echo $!; " + parent).start(launcher);
    String pid = Await.value("the grandchild's pid", () -> run.out.text(), t -> t.endsWith("\n"));
    return Integer.parseInt(pid.trim());
  }

  private record Watched(ChildProcess child, AtomicReference<@Nullable ExitStatus> exit) {}

  private static Watched adopt(int pid, RecordingOutputSink out) throws Exception {
    PidHandle handle = PidHandle.open(pid, ProcessStart.of(pid)).orElseThrow();
    AtomicReference<@Nullable ExitStatus> exit = new AtomicReference<>();
    ChildProcess c =
        launcher.adopt(
            new AdoptRequest(handle, HeldPipes.NONE, out, null, (p, status) -> exit.set(status)));
    return new Watched(c, exit);
  }

  @Test
  void anAdoptedProcessIsSignalledThroughItsPidfdAndItsEndIsSeenOnceItsParentReapsIt()
      throws Exception {
    int pid = grandchild("sleep 100", "wait");
    RecordingOutputSink out = new RecordingOutputSink();
    Watched w = adopt(pid, out);
    assertEquals(pid, w.child().pid());
    assertEquals(0, w.child().signal(Signal.TERM, false));
    ExitStatus status = Await.value("the exit", w.exit()::get, s -> s != null);
    assertEquals(
        AdoptedChild.EXIT_INFO ? ExitStatus.killed(15, false) : ExitStatus.UNKNOWN, status);
    assertEquals(1, out.eofs(), "a sink with no pipe is still told of the end");
    assertEquals(Errno.ESRCH, w.child().signal(Signal.TERM, false), "no signal after the end");
  }

  @Test
  void anEndNobodyReapsIsReportedUnknownAfterTheWait() throws Exception {
    // sh execs into a sleep that never waits: the grandchild stays a zombie
    int pid = grandchild("sleep 0.3", "exec sleep 30");
    Watched w = adopt(pid, new RecordingOutputSink());
    long start = System.nanoTime();
    ExitStatus status =
        Await.value("the exit", Duration.ofSeconds(20), w.exit()::get, s -> s != null);
    assertEquals(ExitStatus.UNKNOWN, status);
    assertTrue(
        !AdoptedChild.EXIT_INFO || System.nanoTime() - start >= AdoptedChild.REAP_WAIT_NANOS,
        "reported before the wait for its reap was over");
  }

  @Test
  void aRecordedPidNowNamingAnotherProcessIsNotFound() throws Exception {
    int pid = grandchild("sleep 100", "wait");
    long start = ProcessStart.of(pid);
    assertTrue(PidHandle.open(pid, start).isPresent());
    assertTrue(PidHandle.open(pid, start + 1).isEmpty(), "another start time: another process");
    ProcessTree.of(pid).signal(Signal.KILL);
    Await.until("gone", () -> PidHandle.open(pid, start).isEmpty());
  }

  @Test
  void adoptedHeldPipesAreReadAndDrainedBeforeTheExitIsReported() throws Exception {
    Pipe pipe = Pipe.open(0);
    int pid = grandchild("sleep 100", "wait");
    PidHandle handle = PidHandle.open(pid, ProcessStart.of(pid)).orElseThrow();
    RecordingOutputSink out = new RecordingOutputSink();
    AtomicReference<String> outAtExit = new AtomicReference<>();
    launcher.adopt(
        new AdoptRequest(
            handle,
            new HeldPipes(pipe.readFd(), -1, -1),
            out,
            null,
            (p, status) -> outAtExit.set(out.text())));
    write(pipe.writeFd(), "before the end\n");
    Await.until("read", () -> out.text().equals("before the end\n"));
    write(pipe.writeFd(), "last words\n");
    LibC.close(pipe.writeFd());
    ProcessTree.of(pid).signal(Signal.TERM);
    Await.until("the exit", () -> outAtExit.get() != null);
    assertEquals("before the end\nlast words\n", outAtExit.get());
    assertEquals(1, out.eofs());
  }

  static void write(int fd, String text) {
    byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (com.sun.jna.Memory m = new com.sun.jna.Memory(b.length)) {
      m.write(0, b, 0, b.length);
      assertEquals(b.length, LibC.write(fd, m, b.length));
    }
  }
}
