package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import dev.tend.platform.OutputSink;
import dev.tend.testing.CaptureThroughput;
import dev.tend.testing.VaryingChunkSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 256 MiB through a StreamCapture in chunks of 1 B .. 64 KiB into a rotating file (8 MiB, 40
 * backups): the rotated files joined oldest first hold exactly the bytes written. Prints the rate.
 */
class CaptureThroughputIT {
  private static final long TOTAL = 256L * 1024 * 1024;
  private static final long MAX_BYTES = 8L * 1024 * 1024;
  private static final int BACKUPS = 40;

  @TempDir Path dir;

  @Test
  void everyByteReachesTheRotatedFilesInOrder() throws Exception {
    Path file = dir.resolve("web.log");
    try (ProcessLogs logs =
        ProcessLogs.open(
            LogConfigs.process(
                "web",
                LogConfigs.stream(new LogFileSpec.File(file), MAX_BYTES, BACKUPS, 0, false),
                LogConfigs.stream(LogFileSpec.NONE),
                false),
            LogConfigs.settings(dir),
            LogEvents.NONE,
            SyslogWriter.NONE)) {
      CaptureThroughput.Result fed =
          CaptureThroughput.pump(new VaryingChunkSource(TOTAL, 2024), logs.sink(LogStream.STDOUT));
      RotatingLogFile rotated = RotatingLogFile.of(file, MAX_BYTES, BACKUPS);
      CaptureThroughput.Digest onDisk = CaptureThroughput.digestOf(rotated.existingFiles());
      assertEquals(TOTAL, fed.bytes());
      assertEquals(fed.bytes(), onDisk.bytes());
      assertEquals(fed.sha256(), onDisk.sha256());
      assertTrue(rotated.existingFiles().size() > 30, "it rotated");
      assertEquals(TOTAL, logs.position(LogStream.STDOUT));
      CaptureThroughput.Result raw = rawFileWrites(dir.resolve("raw.log"));
      System.out.printf(
          "capture throughput: %.0f MiB/s inside the sink, %.0f MiB/s end to end"
              + " (256 MiB, %d files); the same chunks written straight to a FileChannel:"
              + " %.0f MiB/s%n",
          fed.sinkMibPerSecond(),
          fed.wallMibPerSecond(),
          rotated.existingFiles().size(),
          raw.sinkMibPerSecond());
    }
  }

  /** The baseline: the same kind of chunks written to a file with nothing else done (64 MiB). */
  private static CaptureThroughput.Result rawFileWrites(Path file) throws Exception {
    try (FileChannel ch =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      return CaptureThroughput.pump(
          new VaryingChunkSource(TOTAL / 4, 2024),
          new OutputSink() {
            @Override
            public void onData(ByteBuffer data) {
              try {
                while (data.hasRemaining()) {
                  ch.write(data);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }

            @Override
            public void onEof() {}
          });
    }
  }
}
