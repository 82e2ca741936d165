package dev.tend.logs;

import dev.tend.api.LogFollow;
import dev.tend.api.LogListener;
import dev.tend.api.LogStream;
import dev.tend.config.LogFileSpec;
import dev.tend.platform.ChildProcess;
import dev.tend.platform.NativeProcessLauncher;
import dev.tend.platform.OutputSink;
import dev.tend.platform.Signal;
import dev.tend.platform.SpawnRequest;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
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
 * A line written by a child to a follower of its log, through the daemon's own I/O path: the child
 * ({@code cat} of a FIFO this benchmark writes) writes the line to its stdout pipe, the launcher's
 * I/O thread reads it into {@link StreamCapture}, the log file and the tail buffer, and the
 * follow's thread hands it to the listener, which wakes the benchmark thread. With 50 chatty
 * neighbours (a 64-byte line every 10 ms each, nobody following them) the I/O thread gathers their
 * lines with short pauses; the followed stream must not wait for them (bench row "tail").
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1"})
@State(Scope.Benchmark)
public class LogFollowLatencyBenchmark {
  private static final String CHATTY =
      "import os, time\nwhile True:\n    os.write(1, b'x' * 63 + b'\\n')\n    time.sleep(0.01)\n";
  private static final byte[] LINE =
      "a line for the follower, 64 bytes long ...........................\n"
          .substring(0, 63)
          .concat("\n")
          .getBytes(StandardCharsets.US_ASCII);

  @Param({"0", "50"})
  int chattyNeighbours;

  private Path dir;
  private NativeProcessLauncher launcher;
  private final List<ChildProcess> children = new ArrayList<>();
  private final List<ProcessLogs> logs = new ArrayList<>();
  private FileOutputStream fifo;
  private LogFollow follow;
  private final AtomicLong received = new AtomicLong();
  private long sent;
  private volatile Thread waiter;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    dir = Files.createTempDirectory("tend-jmh-follow");
    launcher = NativeProcessLauncher.open();
    Path fifoPath = dir.resolve("in.fifo");
    if (new ProcessBuilder("mkfifo", fifoPath.toString()).start().waitFor() != 0) {
      throw new IOException("mkfifo " + fifoPath + " failed");
    }
    ProcessLogs echo = open("echo");
    spawn(echo, List.of("/bin/cat", fifoPath.toString()));
    fifo = new FileOutputStream(fifoPath.toFile()); // opens once cat has opened it
    follow = echo.follow(LogStream.STDOUT, 0, new Wake());
    for (int i = 0; i < chattyNeighbours; i++) {
      spawn(open("chatty" + i), List.of("/usr/bin/python3", "-c", CHATTY));
    }
    Thread.sleep(500); // the neighbours are writing
  }

  private ProcessLogs open(String name) throws IOException {
    ProcessLogs l =
        ProcessLogs.open(
            LogConfigs.process(
                name,
                LogConfigs.stream(new LogFileSpec.File(dir.resolve(name + ".log"))),
                LogConfigs.stream(LogFileSpec.NONE),
                true),
            LogConfigs.settings(dir),
            LogEvents.NONE,
            SyslogWriter.NONE);
    logs.add(l);
    return l;
  }

  private void spawn(ProcessLogs l, List<String> argv) throws Exception {
    OutputSink sink = l.sink(LogStream.STDOUT);
    children.add(
        launcher.spawn(
            new SpawnRequest(
                Path.of(argv.get(0)),
                argv,
                Map.of("PATH", "/usr/bin:/bin"),
                null,
                null,
                null,
                -1,
                sink,
                null,
                (pid, status) -> {})));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    follow.close();
    fifo.close();
    for (ChildProcess c : children) {
      c.signal(Signal.KILL, false);
    }
    launcher.close();
    logs.forEach(ProcessLogs::close);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** One line from the child's write to the follower's listener. */
  @Benchmark
  public long lineToFollower() throws IOException {
    waiter = Thread.currentThread();
    sent += LINE.length;
    fifo.write(LINE);
    while (received.get() < sent) {
      LockSupport.park(this);
    }
    return sent;
  }

  /** Counts what the follow delivers and wakes the benchmark thread. */
  private final class Wake implements LogListener {
    @Override
    public void onData(byte[] data) {
      received.addAndGet(data.length);
      Thread t = waiter;
      if (t != null) {
        LockSupport.unpark(t);
      }
    }

    @Override
    public void onGap(long bytes) {}

    @Override
    public void onClosed(String reason) {}
  }
}
