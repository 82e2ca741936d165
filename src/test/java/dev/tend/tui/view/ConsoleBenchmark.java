package dev.tend.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tend.api.LogStream;
import dev.tend.testing.Await;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the console's budgets (TUI.md): time to first frame, keypress-to-screen latency, idle CPU
 * with 400 programs over 60 s (thread CPU time of the console's threads), memory, and key latency
 * while a followed process writes fast. The real console on a virtual terminal, fed by a {@link
 * FakeSupervisorApi}. Not a test: numbers, not pass/fail. {@code bin/console-bench [idle-seconds]}.
 */
public final class ConsoleBenchmark {
  private static final int PROCESSES = 400;

  private ConsoleBenchmark() {}

  public static void main(String[] args) throws Exception {
    int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    FakeSupervisorApi api = new FakeSupervisorApi();
    for (int i = 0; i < PROCESSES; i++) {
      api.add("group" + i / 20, String.format("proc_%03d", i))
          .running(10_000 + i, 3600 + i)
          .stats(0.5, 30L << 20);
    }
    api.log("group0:proc_000", LogStream.STDOUT, "hello\n".repeat(200));
    DefaultVirtualTerminal term = ConsoleTerminals.virtual(200, 60);
    Flushes flushes = new Flushes();
    term.addVirtualTerminalListener(flushes);
    ConsoleOptions o =
        ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, "unix:///bench.sock")
            .withConfigDir(null)
            .withEnv(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "LANG", "C.UTF-8"));
    long t0 = System.nanoTime();
    long wall0 = System.currentTimeMillis();
    Thread ui =
        new Thread(
            () -> {
              try {
                Console.run(api, o, term);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "tend-console-ui");
    ui.setDaemon(true);
    ui.start();
    flushes.awaitFirst();
    long firstFrame = flushes.first.get() - t0;
    Await.until("the table", Duration.ofSeconds(30), () -> screen(term).contains("proc_001"));
    long firstTable = System.nanoTime() - t0;
    System.out.printf(
        Locale.ROOT,
        "first frame: %.1f ms after Console.run (%d ms after JVM start)%n",
        firstFrame / 1e6,
        wall0 - jvmStart + firstFrame / 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "first frame with %d processes: %.1f ms after Console.run%n",
        PROCESSES,
        firstTable / 1e6);

    latency("keypress-to-screen (j, 400 processes, 200x60)", term, flushes, 300, 'j', 'k');

    Thread.sleep(2000); // let the JIT settle before measuring idle
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long consoleCpu0 = consoleCpu(threads);
    long processCpu0 = processCpu();
    long idleStart = System.nanoTime();
    Thread.sleep(idleSeconds * 1000L);
    double elapsed = System.nanoTime() - idleStart;
    double consolePct = 100.0 * (consoleCpu(threads) - consoleCpu0) / elapsed;
    double processPct = 100.0 * (processCpu() - processCpu0) / elapsed;
    System.out.printf(
        Locale.ROOT,
        "idle CPU over %d s, %d processes: console threads %.3f%% of a core (whole JVM incl. fake, GC, JIT: %.3f%%)%n",
        idleSeconds,
        PROCESSES,
        consolePct,
        processPct);

    System.gc();
    Thread.sleep(200);
    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    System.out.printf(
        Locale.ROOT,
        "memory: heap used after GC %.1f MB, process RSS %s (JVM + fake + console)%n",
        heap / 1048576.0,
        rss());

    logLoad(api, term, flushes);
    System.exit(0);
  }

  /**
   * Key latency while the followed process writes about 10 MB/s, and how many lines got through.
   */
  private static void logLoad(FakeSupervisorApi api, DefaultVirtualTerminal term, Flushes flushes)
      throws Exception {
    term.addInput(new KeyStroke('g', false, false)); // first process: the followed one
    Thread.sleep(300);
    String line = "x".repeat(99) + "\n";
    byte[] chunk = line.repeat(100).getBytes(java.nio.charset.StandardCharsets.UTF_8); // 10 KB
    AtomicLong written = new AtomicLong();
    Thread writer =
        new Thread(
            () -> {
              long start = System.nanoTime();
              while (!Thread.currentThread().isInterrupted()) {
                api.log("group0:proc_000", LogStream.STDOUT, chunk);
                long w = written.addAndGet(chunk.length);
                long due = start + w * 100; // 10 MB/s = 100 ns per byte
                long wait = due - System.nanoTime();
                if (wait > 0) {
                  java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
              }
            },
            "bench-writer");
    writer.setDaemon(true);
    writer.start();
    Thread.sleep(1000);
    latency(
        "keypress-to-screen while a followed process writes 10 MB/s", term, flushes, 100, 'j', 'k');
    long seconds = 5;
    long w0 = written.get();
    long f0 = flushes.count.get();
    Thread.sleep(seconds * 1000);
    writer.interrupt();
    System.out.printf(
        Locale.ROOT,
        "under that load: %.1f MB/s written, %.0f frames/s drawn%n",
        (written.get() - w0) / 1e6 / seconds,
        (flushes.count.get() - f0) / (double) seconds);
  }

  private static void latency(
      String what, DefaultVirtualTerminal term, Flushes flushes, int n, char a, char b)
      throws InterruptedException {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      flushes.drain();
      long t = System.nanoTime();
      term.addInput(new KeyStroke(i % 2 == 0 ? a : b, false, false));
      if (!flushes.next(2, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no frame after a key");
      }
      samples.add(flushes.last.get() - t);
      Thread.sleep(5);
    }
    Collections.sort(samples);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.2f ms, p95 %.2f ms, max %.2f ms (%d keys)%n",
        what,
        samples.get(n / 2) / 1e6,
        samples.get(n * 95 / 100) / 1e6,
        samples.get(n - 1) / 1e6,
        n);
  }

  private static long consoleCpu(ThreadMXBean threads) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("tend-console")) {
        long c = threads.getThreadCpuTime(t.threadId());
        sum += Math.max(0, c);
      }
    }
    return sum;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String rss() throws java.io.IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("VmRSS:")) {
        return l.substring(6).strip();
      }
    }
    return "?";
  }

  private static String screen(DefaultVirtualTerminal t) {
    StringBuilder s = new StringBuilder();
    for (int y = 0; y < t.getTerminalSize().getRows(); y++) {
      for (int x = 0; x < t.getTerminalSize().getColumns(); x++) {
        s.append(t.getCharacter(x, y).getCharacterString());
      }
    }
    return s.toString();
  }

  /** Counts the terminal's flushes (one per frame) and when the last happened. */
  private static final class Flushes implements VirtualTerminalListener {
    final AtomicLong first = new AtomicLong();
    final AtomicLong last = new AtomicLong();
    final AtomicLong count = new AtomicLong();
    private final Semaphore frames = new Semaphore(0);

    @Override
    public void onFlush() {
      long now = System.nanoTime();
      first.compareAndSet(0, now);
      last.set(now);
      count.incrementAndGet();
      frames.release();
    }

    void awaitFirst() throws InterruptedException {
      frames.acquire();
    }

    void drain() {
      frames.drainPermits();
    }

    boolean next(long timeout, TimeUnit unit) throws InterruptedException {
      return frames.tryAcquire(timeout, unit);
    }

    @Override
    public void onBell() {}

    @Override
    public void onClose() {}

    @Override
    public void onResized(
        com.googlecode.lanterna.terminal.Terminal terminal,
        com.googlecode.lanterna.TerminalSize newSize) {}
  }
}
