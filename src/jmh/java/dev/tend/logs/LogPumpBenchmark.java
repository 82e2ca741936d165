package dev.tend.logs;

import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import dev.tend.platform.OutputSink;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The log pump after the pipe read: one read's bytes through {@link StreamCapture} (capture-mode
 * scan, tail buffer, rotating file) as the I/O thread delivers them, for a 64-byte line (bench row
 * "chatty"), a 64 KiB block and a 1 MiB read of a grown pipe (row "throughput").
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-XX:+UseSerialGC"})
@State(Scope.Benchmark)
public class LogPumpBenchmark {
  @Param({"64", "65536", "1048576"})
  int readBytes;

  private Path dir;
  private ProcessLogs logs;
  private OutputSink sink;
  private ByteBuffer read;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("tend-jmh-pump");
    logs =
        ProcessLogs.open(
            LogConfigs.process(
                "chatty",
                LogConfigs.stream(new LogFileSpec.File(dir.resolve("chatty.log"))),
                LogConfigs.stream(LogFileSpec.NONE),
                false),
            LogConfigs.settings(dir),
            LogEvents.NONE,
            SyslogWriter.NONE);
    sink = logs.sink(LogStream.STDOUT);
    byte[] line = "chatty line 0000000001 ".getBytes(StandardCharsets.US_ASCII);
    byte[] bytes = new byte[readBytes];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = i % 64 == 63 ? (byte) '\n' : line[i % 64 % line.length];
    }
    read = ByteBuffer.allocateDirect(readBytes).put(bytes).flip();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    logs.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Benchmark
  public void onData() {
    sink.onData(read.rewind());
  }
}
