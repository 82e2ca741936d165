package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import dev.tend.testing.Await;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An output pipe grows once its writer fills it, within the launcher's budget of grown pipes. */
class OutputPipeIT {
  private static final int DEFAULT = 64 * 1024;

  private final List<Integer> writeEnds = new ArrayList<>(); // open write ends the test owns
  private final List<OutputPipe> outs = new ArrayList<>(); // they own the read ends
  private final ReadBuffer buffer = new ReadBuffer();
  private EpollLoop loop;

  @BeforeEach
  void open() throws Exception {
    loop = new EpollLoop("test-io", -1, () -> {});
    loop.start();
  }

  @AfterEach
  void close() {
    loop.close();
    outs.forEach(o -> o.abandon(loop));
    writeEnds.forEach(LibC::close);
  }

  @Test
  void aPipeWhoseWriterFillsItGrowsToOneMebibyteAndGivesItsPlaceBackAtEof() throws Exception {
    PipeGrowth growth = new PipeGrowth(1);
    Counted sink = new Counted();
    Pipe p = pipe();
    watch(p, sink, growth);
    write(p, DEFAULT);
    Await.until("the full pipe read", () -> sink.bytes.get() == DEFAULT);
    assertEquals(OutputPipe.BULK_PIPE_SIZE, pipeSize(p.readFd()));

    assertFalse(growth.take(), "its one place is taken");
    writeEnds.remove((Integer) p.writeFd());
    LibC.close(p.writeFd()); // EOF: the pipe closes and gives its place back
    Await.until("end of file", sink.eof::get);
    assertTrue(growth.take(), "the place is free again");
  }

  @Test
  void pipesBeyondTheBudgetAndPipesOfLinesKeepTheDefaultSize() throws Exception {
    PipeGrowth growth = new PipeGrowth(1);
    Counted bulk = new Counted();
    Counted other = new Counted();
    Counted lines = new Counted();
    Pipe a = pipe();
    Pipe b = pipe();
    Pipe c = pipe();
    watch(a, bulk, growth);
    watch(b, other, growth);
    watch(c, lines, growth);
    write(a, DEFAULT);
    Await.until("the first full pipe read", () -> bulk.bytes.get() == DEFAULT);
    write(b, DEFAULT);
    Await.until("the second full pipe read", () -> other.bytes.get() == DEFAULT);
    for (int i = 0; i < 10; i++) {
      write(c, 64);
    }
    Await.until("the lines read", () -> lines.bytes.get() == 640);
    assertEquals(OutputPipe.BULK_PIPE_SIZE, pipeSize(a.readFd()));
    assertEquals(DEFAULT, pipeSize(b.readFd()), "no place left");
    assertEquals(DEFAULT, pipeSize(c.readFd()), "lines never fill a pipe");
  }

  private Pipe pipe() throws SpawnException {
    Pipe p = Pipe.open(0);
    writeEnds.add(p.writeFd());
    return p;
  }

  private OutputPipe watch(Pipe p, OutputSink sink, PipeGrowth growth) throws Exception {
    OutputPipe out = new OutputPipe(p.readFd(), sink, growth);
    outs.add(out);
    out.register(loop, buffer);
    return out;
  }

  private static int pipeSize(int fd) {
    return LibC.fcntl(fd, LibC.F_GETPIPE_SZ, 0);
  }

  /** Writes {@code n} bytes in one call (the pipe has room: the write end blocks otherwise). */
  private static void write(Pipe p, int n) {
    try (Memory m = new Memory(n)) {
      m.clear();
      assertEquals(n, LibC.write(p.writeFd(), m, n));
    }
  }

  private static final class Counted implements OutputSink {
    final AtomicLong bytes = new AtomicLong();
    final AtomicBoolean eof = new AtomicBoolean();

    @Override
    public void onData(ByteBuffer data) {
      bytes.addAndGet(data.remaining());
      data.position(data.limit());
    }

    @Override
    public void onEof() {
      eof.set(true);
    }
  }
}
