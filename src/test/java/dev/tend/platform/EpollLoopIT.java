package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import dev.tend.testing.Await;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The I/O loop's urgent set: served during a pause, which other fds wait out. (The tests move fds
 * between the sets from their own thread, which is safe here: no fd is closed meanwhile.)
 */
class EpollLoopIT {
  private final List<Pipe> pipes = new ArrayList<>();
  private EpollLoop loop;

  @AfterEach
  void close() {
    if (loop != null) {
      loop.close();
    }
    pipes.forEach(Pipe::close);
  }

  @Test
  void anUrgentFdIsServedDuringAPauseWhileOthersWaitForItsEnd() throws Exception {
    AtomicBoolean pausing = new AtomicBoolean();
    CountDownLatch pauseOver = new CountDownLatch(1);
    AtomicBoolean firstWake = new AtomicBoolean(true);
    loop =
        new EpollLoop(
            "test-io",
            -1,
            () -> {
              if (firstWake.getAndSet(false)) {
                pausing.set(true);
                loop.pause(TimeUnit.MINUTES.toNanos(10)); // ended by close()
                pausing.set(false);
                pauseOver.countDown();
              }
            });
    Pipe starter = pipe();
    Pipe quiet = pipe();
    Pipe followed = pipe();
    Reader starterReader = new Reader(starter);
    Reader quietReader = new Reader(quiet);
    Reader followedReader = new Reader(followed);
    starterReader.register();
    quietReader.register();
    long token = followedReader.register();
    loop.setUrgent(followed.readFd(), LibC.EPOLLIN, token, true);
    loop.start();

    write(starter); // its wake-up starts the long pause
    Await.until("the pause", pausing::get);
    write(quiet);
    write(followed);
    Await.until("the urgent fd served during the pause", () -> followedReader.reads.get() == 1);
    assertTrue(pausing.get(), "still pausing");
    assertEquals(0, quietReader.reads.get(), "an fd outside the urgent set waits for the pause");

    loop.close(); // ends the pause, then the loop
    assertTrue(pauseOver.await(20, TimeUnit.SECONDS));
  }

  @Test
  void anFdMovedIntoTheUrgentSetAndBackIsServedThroughoutAndUnregistersFromEither()
      throws Exception {
    loop = new EpollLoop("test-io", -1, () -> {});
    loop.start();
    Pipe p = pipe();
    Reader r = new Reader(p);
    long token = r.register();
    write(p);
    Await.until("a read from the main set", () -> r.reads.get() == 1);
    loop.setUrgent(p.readFd(), LibC.EPOLLIN, token, true);
    write(p);
    Await.until("a read from the urgent set", () -> r.reads.get() == 2);
    loop.setUrgent(p.readFd(), LibC.EPOLLIN, token, false);
    write(p);
    Await.until("a read from the main set again", () -> r.reads.get() == 3);
    loop.setUrgent(p.readFd(), LibC.EPOLLIN, token, true);
    loop.unregister(p.readFd(), token);
    // Unregistered from the urgent set: a further write is never read. Proven by a second fd
    // registered after it being served while the first still holds its byte.
    write(p);
    Pipe other = pipe();
    Reader otherReader = new Reader(other);
    otherReader.register();
    write(other);
    Await.until("the other fd", () -> otherReader.reads.get() == 1);
    assertEquals(3, r.reads.get());
    assertFalse(loop.onLoopThread());
  }

  private Pipe pipe() throws SpawnException {
    Pipe p = Pipe.open(0);
    pipes.add(p);
    return p;
  }

  private static void write(Pipe p) {
    try (Memory one = new Memory(1)) {
      one.setByte(0, (byte) 'x');
      assertEquals(1, LibC.write(p.writeFd(), one, 1));
    }
  }

  /** Reads a pipe's non-blocking end on the loop thread, counting the reads that got bytes. */
  private final class Reader {
    final Pipe pipe;
    final AtomicInteger reads = new AtomicInteger();
    private final Memory buffer = new Memory(64);

    Reader(Pipe pipe) {
      this.pipe = pipe;
    }

    long register() throws IOException {
      return loop.register(
          pipe.readFd(),
          LibC.EPOLLIN,
          events -> {
            if (LibC.read(pipe.readFd(), buffer, 64) > 0) {
              reads.incrementAndGet();
            }
          });
    }
  }
}
