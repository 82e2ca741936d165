package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The I/O thread's cost per read on the plain path (no stripping, capture, timestamps, syslog,
 * events or main-log copy): bytes go to the file and the tail buffer without allocating; only a
 * rotation (renames, a new file) allocates.
 */
class PlainPathAllocationTest {
  private static final int READS = 20_000;
  private static final int BYTES_PER_ROUND = 4096 + 777;

  @TempDir Path dir;

  private final com.sun.management.ThreadMXBean threads =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  @Test
  void aReadAllocatesNothing() throws Exception {
    long allocated = allocatedPerRun(0);
    assertTrue(allocated < 4096, "allocated " + allocated + " bytes in " + 2 * READS + " reads");
  }

  @Test
  void onlyRotationsAllocate() throws Exception {
    long maxBytes = 1024 * 1024;
    long rotations = (long) READS * BYTES_PER_ROUND / maxBytes;
    long allocated = allocatedPerRun(maxBytes);
    assertTrue(
        allocated < (rotations + 1) * 8 * 1024,
        "allocated "
            + allocated
            + " bytes in "
            + 2 * READS
            + " reads, "
            + rotations
            + " rotations");
  }

  /** Bytes the test thread allocates for {@link #READS} rounds of two reads, once warm. */
  private long allocatedPerRun(long maxBytes) throws Exception {
    Path file = dir.resolve("web.log");
    try (ProcessLogs logs =
        ProcessLogs.open(
            LogConfigs.process(
                "web",
                LogConfigs.stream(new LogFileSpec.File(file), maxBytes, 2, 0, false),
                LogConfigs.stream(LogFileSpec.NONE),
                false),
            LogConfigs.settings(dir),
            LogEvents.NONE,
            SyslogWriter.NONE)) {
      StreamCapture sink = logs.sink(LogStream.STDOUT);
      ByteBuffer direct = ByteBuffer.allocateDirect(4096);
      ByteBuffer heap = ByteBuffer.allocate(777);
      pump(sink, direct, heap); // warm up: JIT, the ring at full size, the JDK's temp buffers
      long tid = Thread.currentThread().threadId();
      long before = threads.getThreadAllocatedBytes(tid);
      pump(sink, direct, heap);
      return threads.getThreadAllocatedBytes(tid) - before;
    }
  }

  private static void pump(StreamCapture sink, ByteBuffer direct, ByteBuffer heap) {
    for (int i = 0; i < READS; i++) {
      direct.clear();
      sink.onData(direct);
      heap.clear();
      sink.onData(heap);
    }
  }
}
