package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import dev.tend.testing.Await;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The keeper (here on a thread of this JVM, on a socket made as the daemon makes it) holding a
 * pipe's read end: a writer is not hit by EPIPE/SIGPIPE when the daemon's end is gone, and the next
 * daemon takes the pipe back with what was written meanwhile; DROP, QUIT, and the keeper ending by
 * itself when what it holds is spent.
 */
class KeeperIT {
  private static NativeProcessLauncher launcher;
  private final String name =
      "@tend-keeper-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
  private CompletableFuture<String> keeper;

  private void startKeeper() throws IOException {
    UnixSocket listening = UnixSocket.listen(name);
    int fd = listening.release();
    keeper = new CompletableFuture<>();
    Thread.ofPlatform()
        .name("keeper")
        .start(
            () -> {
              try {
                keeper.complete(Keeper.serveInherited(fd));
              } catch (IOException e) {
                keeper.completeExceptionally(e);
              }
            });
  }

  @AfterEach
  void quit() throws Exception {
    if (keeper != null && !keeper.isDone()) {
      KeeperLink.reach(name).orElseThrow().quit();
      keeper.get(10, TimeUnit.SECONDS);
    }
    if (launcher != null) {
      launcher.close();
      launcher = null;
    }
  }

  private static String read(int fd) {
    try (Memory m = new Memory(4096)) {
      long n = LibC.read(fd, m, 4096);
      return n <= 0 ? "" : new String(m.getByteArray(0, (int) n), StandardCharsets.UTF_8);
    }
  }

  private static long write(int fd, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    try (Memory m = new Memory(b.length)) {
      m.write(0, b, 0, b.length);
      long n = LibC.write(fd, m, b.length);
      return n < 0 ? -LibC.errno() : n;
    }
  }

  @Test
  void aPipeHeldByTheKeeperOutlivesItsReaderAndIsHandedToTheNext() throws Exception {
    startKeeper();
    Pipe pipe = Pipe.open(0);
    int self = (int) ProcessHandle.current().pid();
    int pidfd = Pidfd.open(self);
    KeeperLink first = KeeperLink.reach(name).orElseThrow();
    first.hold(self, 77, pidfd, new HeldPipes(pipe.readFd(), -1, -1));
    first.detach(); // the daemon dies...
    LibC.close(pipe.readFd()); // ...and with it its read end
    LibC.close(pidfd);
    assertEquals(18, write(pipe.writeFd(), "written meanwhile\n"), "no EPIPE: the keeper reads on");

    KeeperLink next = KeeperLink.reach(name).orElseThrow();
    Map<String, HeldChild> back = next.takeBack(Duration.ofSeconds(5));
    assertEquals(1, back.size());
    HeldChild held = back.get(self + ".77");
    assertEquals(self, PidHandle.pidOf(held.pidfd()), "the pidfd came back too");
    assertEquals("written meanwhile\n", read(held.pipes().stdout()));
    next.release(self, 77);
    next.detach();
    held.close();
    LibC.close(pipe.writeFd());
    assertEquals("its daemon went while it held nothing", keeper.get(10, TimeUnit.SECONDS));
  }

  @Test
  void withoutTheKeeperTheWriterGetsEpipe() throws Exception {
    Pipe pipe = Pipe.open(0);
    LibC.close(pipe.readFd());
    assertEquals(-Errno.EPIPE, write(pipe.writeFd(), "nobody reads\n"));
    LibC.close(pipe.writeFd());
  }

  @Test
  void theKeeperEndsByItselfOnceWhatItHoldsIsSpent() throws Exception {
    startKeeper();
    launcher = NativeProcessLauncher.open();
    ChildRun run = ChildRun.of("sleep", "100").start(launcher);
    int pid = run.child.pid();
    Pipe pipe = Pipe.open(0);
    int pidfd = Pidfd.open(pid);
    KeeperLink link = KeeperLink.reach(name).orElseThrow();
    link.hold(pid, ProcessStart.of(pid), pidfd, new HeldPipes(pipe.readFd(), -1, -1));
    link.detach();
    LibC.close(pidfd);
    write(pipe.writeFd(), "unread\n");
    run.child.signal(Signal.KILL, false);
    run.awaitExit();
    assertTrue(!keeper.isDone(), "output left unread in a pipe is kept for the next daemon");
    KeeperLink reader = KeeperLink.reach(name).orElseThrow();
    HeldChild back = reader.takeBack(Duration.ofSeconds(5)).values().iterator().next();
    assertEquals("unread\n", read(back.pipes().stdout()));
    reader.detach();
    back.close();
    LibC.close(pipe.readFd());
    LibC.close(pipe.writeFd());
    assertEquals(
        "every child it held ended and left nothing to read", keeper.get(20, TimeUnit.SECONDS));
  }

  @Test
  void quitClosesEverythingAndEndsTheKeeper() throws Exception {
    startKeeper();
    Pipe pipe = Pipe.open(0);
    KeeperLink link = KeeperLink.reach(name).orElseThrow();
    link.hold(1, 1, -1, new HeldPipes(pipe.readFd(), -1, -1));
    link.quit();
    assertEquals("told to quit", keeper.get(10, TimeUnit.SECONDS));
    LibC.close(pipe.readFd());
    Await.until("the keeper's copy closed too", () -> write(pipe.writeFd(), "x") == -Errno.EPIPE);
    LibC.close(pipe.writeFd());
  }
}
