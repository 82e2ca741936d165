package dev.tend.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tend.api.SupervisorApi;
import dev.tend.testing.Await;
import dev.tend.testing.FakeSupervisorApi;
import dev.tend.tui.state.ConsoleOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the many-servers budget (issue 12): 20 servers x 50 programs in one console: time from the
 * start to the first frame with every row, keypress-to-screen latency (j/k and the server jump }),
 * idle CPU of the console's threads. The real console on a virtual terminal at 200x60, each server
 * a {@link FakeSupervisorApi} (in-process, pushing changes as a tend daemon does); not over ssh.
 * Not a test: numbers. {@code java -cp target/classes:target/test-classes:target/lib/*
 * dev.tend.tui.view.ManyServersBenchmark [idle-seconds]}.
 */
public final class ManyServersBenchmark {
  private static final int SERVERS = 20;
  private static final int PROGRAMS = 50;

  private ManyServersBenchmark() {}

  public static void main(String[] args) throws Exception {
    int idleSeconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Map<String, SupervisorApi> apis = new LinkedHashMap<>();
    for (int s = 0; s < SERVERS; s++) {
      FakeSupervisorApi api = new FakeSupervisorApi();
      for (int i = 0; i < PROGRAMS; i++) {
        api.add("group" + i / 10, String.format("proc_%02d", i))
            .running(10_000 + i, 3600 + i)
            .stats(0.5, 30L << 20);
      }
      apis.put(String.format("web%02d", s + 1), api);
    }
    DefaultVirtualTerminal term = ConsoleTerminals.virtual(200, 60);
    Frames frames = new Frames();
    term.addVirtualTerminalListener(frames);
    ConsoleOptions o =
        ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, "20 servers")
            .withConfigDir(null)
            .withEnv(Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "LANG", "C.UTF-8"));
    long cpu0 = processCpu();
    long t0 = System.nanoTime();
    Thread ui =
        new Thread(
            () -> {
              try {
                Console.run(apis, Map.of(), o, term, TerminalAccess.NONE);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            "tend-console-ui");
    ui.setDaemon(true);
    ui.start();
    String all = SERVERS * PROGRAMS + " processes";
    Await.until(
        "every row",
        Duration.ofSeconds(60),
        () -> screen(term).contains(all + "  " + all.split(" ")[0]));
    long cpuToFrame = processCpu() - cpu0;
    System.out.printf(
        Locale.ROOT,
        "first frame with %d servers x %d programs (all %d rows counted, %d/%d up): %.1f ms after"
            + " Console.run, %.0f ms of CPU (whole JVM, cold, fakes included)%n",
        SERVERS,
        PROGRAMS,
        SERVERS * PROGRAMS,
        SERVERS,
        SERVERS,
        (frames.last.get() - t0) / 1e6,
        cpuToFrame / 1e6);
    Thread.sleep(1000);
    latency("keypress-to-screen, j/k", term, frames, 300, 'j', 'k');
    latency("keypress-to-screen, } and { (server jumps)", term, frames, 100, '}', '{');
    Thread.sleep(2000);
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long idle0 = consoleCpu(threads);
    long start = System.nanoTime();
    Thread.sleep(idleSeconds * 1000L);
    double pct = 100.0 * (consoleCpu(threads) - idle0) / (System.nanoTime() - start);
    System.out.printf(
        Locale.ROOT,
        "idle CPU over %d s, %d servers: console threads (UI and every server's feeds) %.3f%% of a"
            + " core%n",
        idleSeconds,
        SERVERS,
        pct);
    System.exit(0);
  }

  private static void latency(
      String what, DefaultVirtualTerminal term, Frames frames, int n, char a, char b)
      throws InterruptedException {
    List<Long> samples = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frames.drain();
      long t = System.nanoTime();
      term.addInput(new KeyStroke(i % 2 == 0 ? a : b, false, false));
      if (!frames.next(2, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no frame after a key");
      }
      samples.add(frames.last.get() - t);
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

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long consoleCpu(ThreadMXBean threads) {
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("tend-console")) {
        sum += Math.max(0, threads.getThreadCpuTime(t.threadId()));
      }
    }
    return sum;
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

  /** The terminal's flushes (one per frame) and when the last was. */
  private static final class Frames implements VirtualTerminalListener {
    final AtomicLong last = new AtomicLong();
    private final Semaphore frames = new Semaphore(0);

    @Override
    public void onFlush() {
      last.set(System.nanoTime());
      frames.release();
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
