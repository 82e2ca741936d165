package dev.tend.tui.view;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminalListener;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.testing.Await;
import dev.tend.testing.TendCommand;
import dev.tend.tui.state.ConsoleOptions;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Prints what the log panes cost against a real {@code tend daemon -n} through the real client (the
 * daemon's capture, its follow long-poll, XML-RPC with base64, the client's decoding, the console):
 * (1) a pane following a process that writes 10 MB/s: how long a line takes from its write to the
 * screen, and how fast keys answer meanwhile; (2) four panes following four chatty programs: CPU of
 * the console's JVM; (3) heap after GC every 30 s while they go on. After (1), the heap the JVM
 * holds and its RSS for 10 s with no GC asked for. Each line the programs write starts with its
 * write time, so the screen tells its age. Numbers, not pass/fail: {@code bin/log-bench
 * [memory-seconds]} (default 600).
 */
public final class LogPanesBenchmark {
  private static final int COLUMNS = 200;
  private static final int ROWS = 50;
  private static final Pattern STAMP = Pattern.compile("T=(\\d{16}) ");

  /** Writes RATE bytes a second in lines of LEN bytes, each starting with its epoch micros. */
  private static final String WRITER =
      """
      import sys, time
      rate, length = int(sys.argv[1]), int(sys.argv[2])
      pad = "x" * length
      out = sys.stdout.buffer
      start = time.time()
      sent = 0
      n = 0
      while True:
          due = (time.time() - start) * rate
          lines = []
          while sent < due:
              n += 1
              head = "T=%d n=%d " % (time.time_ns() // 1000, n)
              lines.append((head + pad[len(head) + 1:] + "\\n").encode())
              sent += length
          if lines:
              out.write(b"".join(lines))
              out.flush()
          time.sleep(0.002)
      """;

  // set once in main: the tend daemon's pid, for its CPU time
  private static long daemonPid;

  private LogPanesBenchmark() {}

  public static void main(String[] args) throws Exception {
    int memorySeconds = args.length > 0 ? Integer.parseInt(args[0]) : 600;
    boolean fast = !(args.length > 1 && args[1].equals("panes-only"));
    Path dir = Files.createTempDirectory("tend-log-bench");
    Files.writeString(dir.resolve("writer.py"), WRITER);
    Files.writeString(dir.resolve("bench.conf"), config(dir));
    Process daemon =
        TendCommand.start(dir, "daemon", "-n", "-c", dir.resolve("bench.conf").toString());
    daemonPid = daemon.pid(); // the JVM itself (TendCommand runs java, no launcher in between)
    try {
      run(dir, memorySeconds, fast);
    } finally {
      daemon.destroy();
      daemon.waitFor(30, TimeUnit.SECONDS);
    }
    System.exit(0);
  }

  private static String config(Path dir) {
    StringBuilder c =
        new StringBuilder(
            """
            [supervisord]
            logfile=%(here)s/tend.log
            pidfile=%(here)s/tend.pid
            childlogdir=%(here)s
            [unix_http_server]
            file=%(here)s/tend.sock
            [program:blast]
            command=python3 -u %(here)s/writer.py 10000000 100
            autostart=false
            stdout_logfile_maxbytes=50MB
            stdout_logfile_backups=1
            """);
    for (int i = 1; i <= 4; i++) {
      c.append("[program:chatty")
          .append(i)
          .append("]\ncommand=python3 -u %(here)s/writer.py 24000 120\nautostart=false\n");
    }
    return c.toString();
  }

  private static void run(Path dir, int memorySeconds, boolean fast) throws Exception {
    ServerUrl url = ServerUrl.parse("unix://" + dir.resolve("tend.sock"));
    Await.until("the daemon", Duration.ofSeconds(30), () -> Files.exists(dir.resolve("tend.sock")));
    try (RemoteSupervisor api =
        RemoteSupervisor.connect(
            url, ClientSettings.defaults().withFollowInterval(Duration.ofMillis(40)))) {
      Await.until("the daemon answers", Duration.ofSeconds(30), () -> answers(api));
      if (fast) {
        api.startProcess("blast", true);
      }
      DefaultVirtualTerminal term = ConsoleTerminals.virtual(COLUMNS, ROWS);
      Frames frames = new Frames(term);
      term.addVirtualTerminalListener(frames);
      ConsoleOptions o =
          ConsoleOptions.defaults(ConsoleOptions.Mode.ATTACHED, url.toString())
              .withConfigDir(null)
              .withEnv(
                  Map.of("TERM", "xterm-256color", "COLORTERM", "truecolor", "LANG", "C.UTF-8"));
      Thread ui =
          new Thread(
              () -> {
                try {
                  Console.run(api, o, term, TerminalAccess.NONE);
                } catch (Exception e) {
                  throw new IllegalStateException(e);
                }
              },
              "tend-console-ui");
      ui.setDaemon(true);
      ui.start();
      Await.until("the table", Duration.ofSeconds(30), () -> frames.screen().contains("chatty4"));
      if (fast) {
        Await.until("blast's lines", Duration.ofSeconds(30), () -> frames.screen().contains("T="));
        System.out.println(
            "== a pane following a process that writes 10 MB/s (100-byte lines), 200x50, tend"
                + " daemon");
        heapLine("before the burst:");
        tenMegabytes(term, frames);
        api.stopProcess("blast", true);
        afterBurst();
      }
      System.out.println(
          "== four panes following four chatty programs (200 lines/s, 24 KB/s each)");
      fourPanes(api, term, frames);
      System.out.println(
          "== heap after GC every 30 s over " + memorySeconds + " s, the four panes on");
      memory(memorySeconds);
    }
  }

  private static boolean answers(RemoteSupervisor api) {
    try {
      api.getState();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Line age on screen at every frame for 10 s, then key latency while it goes on. */
  private static void tenMegabytes(DefaultVirtualTerminal term, Frames frames) throws Exception {
    Thread.sleep(3000); // warm up: JIT, the log file's first rotation
    frames.startAges();
    long w0 = frames.flushes();
    Thread.sleep(10_000);
    List<Long> ages = frames.stopAges();
    System.out.printf(
        Locale.ROOT,
        "age of the newest line on screen at each frame (write -> frame): %s, %d samples,"
            + " %.0f frames/s%n",
        stats(ages),
        ages.size(),
        (frames.flushes() - w0) / 10.0);
    System.out.printf(
        Locale.ROOT,
        "frames showing a loss notice (lost or dropped lines): %d%n",
        frames.lossNotices());
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      boolean open = i % 2 == 0;
      keys.add(
          frames.keyLatency(
              open ? new KeyStroke(':', false, false) : new KeyStroke(KeyType.Escape),
              t -> row(t, ROWS - 2).startsWith(":") == open));
      Thread.sleep(20);
    }
    System.out.printf(
        Locale.ROOT, "keypress to screen while it writes (: and Esc): %s%n", stats(keys));
  }

  /** Four pinned panes side by side on the four chatty programs; the console JVM's CPU. */
  private static void fourPanes(RemoteSupervisor api, DefaultVirtualTerminal term, Frames frames)
      throws Exception {
    for (int i = 1; i <= 4; i++) {
      api.startProcess("chatty" + i, true);
    }
    Thread.sleep(500);
    type(term, "2");
    term.addInput(new KeyStroke('q', false, false)); // the selection pane (blast) goes
    for (int i = 1; i <= 4; i++) {
      type(term, ":log chatty" + i);
      term.addInput(new KeyStroke(KeyType.Enter));
    }
    Await.until(
        "four panes",
        Duration.ofSeconds(20),
        () -> frames.screen().contains(" 5 chatty4") && frames.screen().contains(" 2 chatty1"));
    Thread.sleep(5000);
    long cpu0 = processCpu();
    long daemon0 = daemonCpuMillis();
    long gc0 = gcMillis();
    long jit0 = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    Map<String, Long> threads0 = threadCpu();
    long f0 = frames.flushes();
    long t0 = System.nanoTime();
    Thread.sleep(60_000);
    long elapsed = System.nanoTime() - t0;
    double pct = 100.0 * (processCpu() - cpu0) / elapsed;
    double gc = 100.0 * (gcMillis() - gc0) * 1e6 / elapsed;
    double jit =
        100.0
            * (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jit0)
            * 1e6
            / elapsed;
    double daemonPct = 100.0 * (daemonCpuMillis() - daemon0) * 1e6 / elapsed;
    System.out.printf(
        Locale.ROOT, "frames drawn: %.1f/s%n", (frames.flushes() - f0) * 1e9 / elapsed);
    Map<String, Long> threads1 = threadCpu();
    threads1.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - threads0.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  thread %-32s %.2f%% of a core%n",
                    e.getKey(),
                    100.0 * e.getValue() / elapsed));
    System.out.printf(
        Locale.ROOT,
        "console JVM CPU over 60 s: %.2f%% of one core (client, console, GC, JIT; the daemon is"
            + " another process)%n",
        pct);
    System.out.printf(
        Locale.ROOT,
        "  of which GC %.2f%%, JIT compiling %.2f%% (wall time of a core); the tend daemon: %.2f%%"
            + " of a core%n",
        gc,
        jit,
        daemonPct);
    frames.startAges(); // after the CPU window: reading the screen at every frame costs too
    Thread.sleep(10_000);
    System.out.printf(
        Locale.ROOT,
        "age of each pane's newest line at each frame (10 s after): %s%n",
        stats(frames.stopAges()));
  }

  /**
   * The heap the JVM holds (committed) and the RSS every 2 s for 10 s after the burst stopped, with
   * no GC asked for: what the console's GC options give back by themselves.
   */
  private static void afterBurst() throws Exception {
    for (int t = 0; t <= 10; t += 2) {
      heapLine(String.format(Locale.ROOT, "t=%2ds after the burst:", t));
      if (t < 10) {
        Thread.sleep(2000);
      }
    }
  }

  private static void heapLine(String when) throws java.io.IOException {
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf(
        Locale.ROOT,
        "%s heap committed %6.1f MB (used %6.1f MB), RSS %s%n",
        when,
        heap.getCommitted() / 1048576.0,
        heap.getUsed() / 1048576.0,
        rss());
  }

  private static void memory(int seconds) throws Exception {
    var mem = ManagementFactory.getMemoryMXBean();
    for (int t = 0; t <= seconds; t += 30) {
      System.gc();
      Thread.sleep(200);
      System.out.printf(
          Locale.ROOT,
          "t=%4ds heap after GC %6.1f MB, RSS %s%n",
          t,
          mem.getHeapMemoryUsage().getUsed() / 1048576.0,
          rss());
      if (t < seconds) {
        Thread.sleep(Math.min(30, seconds - t) * 1000L - 200);
      }
    }
  }

  private static long gcMillis() {
    long sum = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      sum += Math.max(0, gc.getCollectionTime());
    }
    return sum;
  }

  /** The daemon's user + system time from /proc, in milliseconds (clock ticks of 10 ms). */
  private static long daemonCpuMillis() throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc", Long.toString(daemonPid), "stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
  }

  /** CPU nanos of each live platform thread by name (virtual threads count on their carriers). */
  private static Map<String, Long> threadCpu() {
    var mx = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new java.util.HashMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long c = mx.getThreadCpuTime(t.threadId());
      if (c > 0) {
        out.merge(t.getName(), c, Long::sum);
      }
    }
    return out;
  }

  private static void type(DefaultVirtualTerminal term, String text) {
    for (char c : text.toCharArray()) {
      term.addInput(new KeyStroke(c, false, false));
    }
  }

  private static String row(DefaultVirtualTerminal t, int y) {
    StringBuilder s = new StringBuilder();
    for (int x = 0; x < t.getTerminalSize().getColumns(); x++) {
      s.append(t.getCharacter(x, y).getCharacterString());
    }
    return s.toString();
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

  /** Median, p95, p99 and max of microsecond samples, in milliseconds. */
  private static String stats(List<Long> micros) {
    if (micros.isEmpty()) {
      return "no samples";
    }
    List<Long> s = new ArrayList<>(micros);
    Collections.sort(s);
    return String.format(
        Locale.ROOT,
        "median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
        s.get(s.size() / 2) / 1000.0,
        s.get(s.size() * 95 / 100) / 1000.0,
        s.get(s.size() * 99 / 100) / 1000.0,
        s.get(s.size() - 1) / 1000.0);
  }

  /**
   * Watches every frame (on the UI thread, as the console flushes): the age of the newest line in
   * the log panes' last row, loss notices, and whether a key's effect is on screen yet.
   */
  private static final class Frames implements VirtualTerminalListener {
    private final DefaultVirtualTerminal term;
    private final List<Long> ages = Collections.synchronizedList(new ArrayList<>());
    // whether frames are measured
    private volatile boolean measuring;
    private volatile long flushes;
    private volatile int lossNotices;
    // UI thread writes, main reads after: the first few loss notices seen
    private final List<String> lossTexts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile @Nullable Predicate<DefaultVirtualTerminal> awaited;
    private volatile @Nullable CountDownLatch seen;
    private volatile long seenAt;

    Frames(DefaultVirtualTerminal term) {
      this.term = term;
    }

    @Override
    public void onFlush() {
      long now = System.nanoTime();
      flushes++;
      Predicate<DefaultVirtualTerminal> p = awaited;
      CountDownLatch latch = seen;
      if (p != null && latch != null && p.test(term)) {
        seenAt = now;
        awaited = null;
        latch.countDown();
      }
      if (measuring) {
        Instant t = Instant.now();
        long nowMicros = t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
        // the newest stamp in each pane (panes side by side are split at their borders)
        List<Long> newest = new ArrayList<>();
        for (int y = ROWS - 7; y < ROWS - 2; y++) { // the panes' last rows: the newest lines
          String[] panes = row(term, y).split("│", -1);
          for (int i = 0; i < panes.length; i++) {
            while (newest.size() <= i) {
              newest.add(0L);
            }
            Matcher m = STAMP.matcher(panes[i]);
            while (m.find()) {
              newest.set(i, Math.max(newest.get(i), Long.parseLong(m.group(1))));
            }
            if (panes[i].contains(" lost ") || panes[i].contains("dropped")) {
              lossNotices++;
              String notice = panes[i].replace("─", "").strip();
              if (lossTexts.size() < 3 && !lossTexts.contains(notice)) {
                lossTexts.add(notice);
              }
            }
          }
        }
        for (long n : newest) {
          if (n > 0) {
            ages.add(nowMicros - n);
          }
        }
      }
    }

    void startAges() {
      ages.clear();
      measuring = true;
    }

    List<Long> stopAges() {
      measuring = false;
      return new ArrayList<>(ages);
    }

    long flushes() {
      return flushes;
    }

    int lossNotices() {
      return lossNotices;
    }

    List<String> lossTexts() {
      return lossTexts;
    }

    /** Micros from the key to the first frame showing its effect. */
    long keyLatency(KeyStroke key, Predicate<DefaultVirtualTerminal> effect) throws Exception {
      CountDownLatch latch = new CountDownLatch(1);
      seen = latch;
      awaited = effect;
      long t = System.nanoTime();
      term.addInput(key);
      if (!latch.await(5, TimeUnit.SECONDS)) {
        throw new IllegalStateException("no frame showed the key " + key);
      }
      return (seenAt - t) / 1000;
    }

    String screen() {
      StringBuilder s = new StringBuilder();
      for (int y = 0; y < ROWS; y++) {
        s.append(row(term, y)).append('\n');
      }
      return s.toString();
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
