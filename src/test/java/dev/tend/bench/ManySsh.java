package dev.tend.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tend.testing.Await;
import dev.tend.testing.PrivateSshd;
import dev.tend.testing.RealSupervisord;
import dev.tend.testing.Tmux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * {@code bench/many-ssh}: the console's budget with many servers over ssh, as whole processes. A
 * private sshd on 127.0.0.1 (its own host and client keys, {@code TEND_SSH="ssh -F cfg"}); behind
 * it N real daemons (supervisord 4.2.5, or {@code tend daemon} for some), each with M idle programs
 * and its own 0700 socket; a servers file naming them {@code web1..webN}, each its own ssh host
 * alias of 127.0.0.1, so tend opens N ssh connections as it would to N hosts; and {@code bin/tend
 * --all} in a private tmux server at 80x24. Prints: the time from the last ssh connection up (its
 * control socket exists) to the first screen that shows every server up and all N x M rows; the
 * console's CPU while idle (% of a core, /proc schedstat); and key to screen latencies (median,
 * 95th percentile) for {@code j}/{@code k}, typing a filter, and {@code @web7}. Screens are read
 * with {@code tmux capture-pane} in a loop, so a latency includes up to one capture (a few ms).
 */
public final class ManySsh {
  private static final Duration WAIT = Duration.ofSeconds(180);

  private final Options o;
  private final Path work;
  private final List<RealSupervisord> daemons = new ArrayList<>();
  // main thread only: epoch millis when the console was launched (for --ssh-log)
  private long launchedAt;

  private ManySsh(Options o, Path work) {
    this.o = o;
    this.work = work;
  }

  /** What to run; {@code --help} lists them. */
  record Options(
      int servers,
      int programs,
      int tendDaemons,
      int idleSeconds,
      int reps,
      Path root,
      boolean keep,
      boolean sshLog) {
    static Options parse(String[] args, Path root) {
      Map<String, String> v = new LinkedHashMap<>();
      boolean keep = false;
      boolean sshLog = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--keep" -> keep = true;
          case "--ssh-log" -> sshLog = true;
          case "--help" -> throw new IllegalArgumentException(USAGE.strip());
          case "--quick" -> {
            v.put("--servers", "3");
            v.put("--programs", "5");
            v.put("--idle", "5");
            v.put("--reps", "3");
          }
          case "--servers", "--programs", "--tend", "--idle", "--reps" -> {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException(args[i] + " needs a number");
            }
            v.put(args[i], args[++i]);
          }
          default -> throw new IllegalArgumentException("unknown option " + args[i] + USAGE);
        }
      }
      return new Options(
          num(v, "--servers", 20),
          num(v, "--programs", 50),
          num(v, "--tend", 0),
          num(v, "--idle", 60),
          num(v, "--reps", 15),
          root,
          keep,
          sshLog);
    }

    private static int num(Map<String, String> v, String key, int fallback) {
      String s = v.get(key);
      return s == null ? fallback : Integer.parseInt(s);
    }
  }

  static final String USAGE =
      "\nusage: bench/many-ssh [--servers N (20)] [--programs M (50)] [--tend K (0: daemons that are"
          + " tend daemon, the rest supervisord)] [--idle S (60)] [--reps R (15)] [--quick] [--keep]";

  public static void main(String[] args) throws Exception {
    Path root = Path.of(System.getProperty("tend.root", ".")).toAbsolutePath();
    Options o;
    try {
      o = Options.parse(args, root);
    } catch (IllegalArgumentException e) {
      System.err.println("bench/many-ssh: " + e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("tend-many-ssh-");
    ManySsh run = new ManySsh(o, work);
    try {
      run.run();
    } finally {
      run.stopDaemons();
      if (!o.keep()) {
        deleteTree(work);
      } else {
        System.out.println("kept " + work);
      }
    }
  }

  private void run() throws Exception {
    System.out.printf(
        "many-ssh: %d servers x %d programs over ssh (%d tend daemons), console 80x24; load %s%n",
        o.servers(), o.programs(), o.tendDaemons(), load());
    try (PrivateSshd sshd = PrivateSshd.start(work.resolve("sshd"))) {
      startDaemons();
      Path runtime = Files.createDirectories(work.resolve("run"));
      Map<String, String> env = environment(sshd, runtime);
      List<String> console = List.of(o.root().resolve("bin/tend").toString(), "--all");
      launchedAt = System.currentTimeMillis();
      try (Tmux t = Tmux.start(work, 80, 24, env, console)) {
        firstFrame(t, runtime);
        idle(runtime);
        keys(t);
        t.keys("q");
        Await.until("the console ends", WAIT, () -> t.ended() != null);
      }
    }
    if (o.sshLog()) {
      System.out.printf("ssh runs, seconds after the console's launch:%n");
      for (String line : Files.readAllLines(work.resolve("ssh.log"), UTF_8)) {
        String[] w = line.split(" ", 2);
        double at = Double.parseDouble(w[0]) - launchedAt / 1e3;
        System.out.printf("  %7.3f  %s%n", at, w[1].replace(work.toString(), "WORK"));
      }
    }
    System.out.printf("load at the end %s%n", load());
  }

  private void startDaemons() throws Exception {
    long t0 = System.nanoTime();
    for (int s = 1; s <= o.servers(); s++) {
      RealSupervisord d = RealSupervisord.in(work.resolve("web" + s));
      for (int p = 1; p <= o.programs(); p++) {
        d.program(String.format("p%02d", p), "command=sleep 100000", "startsecs=0");
      }
      if (s <= o.tendDaemons()) {
        d.tendDaemon();
      }
      daemons.add(d.start());
    }
    for (RealSupervisord d : daemons) {
      Await.until("every program running in " + d.dir(), WAIT, () -> successes(d) >= o.programs());
    }
    System.out.printf(
        "  %d daemons up, %d programs running (%.1f s)%n",
        daemons.size(), daemons.size() * o.programs(), (System.nanoTime() - t0) / 1e9);
  }

  private static int successes(RealSupervisord d) {
    try (Stream<String> lines = Files.lines(d.mainLog(), UTF_8)) {
      return (int) lines.filter(l -> l.contains("success: ")).count();
    } catch (IOException e) {
      return 0;
    }
  }

  private Map<String, String> environment(PrivateSshd sshd, Path runtime) throws IOException {
    StringBuilder file = new StringBuilder();
    for (int s = 1; s <= daemons.size(); s++) {
      file.append("[server:web").append(s).append("]\nurl = ssh://web").append(s);
      file.append(daemons.get(s - 1).socket()).append("\n\n");
    }
    Path config = Files.createDirectories(work.resolve("config/tend"));
    Files.writeString(config.resolve("servers.conf"), file.toString(), UTF_8);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("TEND_SSH", sshd.tendSsh());
    if (o.sshLog()) {
      Path wrapper = work.resolve("ssh-logged");
      Files.writeString(
          wrapper,
          "#!/bin/sh\necho \"$(date +%s.%N) $*\" >> "
              + work.resolve("ssh.log")
              + "\nexec ssh \"$@\"\n",
          UTF_8);
      wrapper.toFile().setExecutable(true);
      env.put("TEND_SSH", wrapper + " -F " + sshd.clientConfig());
    }
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    env.put("XDG_CONFIG_HOME", work.resolve("config").toString());
    env.put("XDG_STATE_HOME", Files.createDirectories(work.resolve("state")).toString());
    env.put("XDG_DATA_HOME", Files.createDirectories(work.resolve("data")).toString());
    return env;
  }

  /** From the last ssh connection up to the first screen with every server and row. */
  private void firstFrame(Tmux t, Path runtime) {
    long start = System.nanoTime();
    long up = 0;
    String rows = " " + o.servers() * o.programs() + " processes";
    String servers = o.servers() + "/" + o.servers() + " servers up";
    long deadline = start + WAIT.toNanos();
    long drawn = 0;
    long answered = 0;
    long pid = 0;
    long cpuAtUp = 0;
    while (System.nanoTime() < deadline) {
      if (up == 0 && masters(runtime) >= o.servers()) {
        up = System.nanoTime();
      }
      if (pid == 0 && up != 0) {
        pid = console(runtime).orElse(0L);
        cpuAtUp = pid == 0 ? 0 : ProcStats.sample(pid).cpuNanos();
      }
      String screen = t.screen();
      if (drawn == 0 && screen.contains("servers up")) {
        drawn = System.nanoTime();
      }
      if (answered == 0 && screen.contains(servers)) {
        answered = System.nanoTime();
      }
      if (screen.contains(rows) && screen.contains(servers)) {
        long frame = System.nanoTime();
        if (up == 0) {
          up = frame; // seen together: the connections were up by this screen at the latest
        }
        System.out.printf("  launch to last ssh connection up     %8.0f ms%n", (up - start) / 1e6);
        System.out.printf(
            "  last ssh up to first full frame      %8.0f ms   (budget 2000 ms; first frame"
                + " %+.0f ms, every server answered %+.0f ms)%n",
            (frame - up) / 1e6, (drawn - up) / 1e6, (answered - up) / 1e6);
        if (pid != 0) {
          System.out.printf(
              "  the console's CPU over that time     %8.0f ms   (less bound to the load)%n",
              (ProcStats.sample(pid).cpuNanos() - cpuAtUp) / 1e6);
        }
        return;
      }
    }
    throw new BenchException("no screen with " + rows + " and " + servers + ":\n" + t.screen());
  }

  /** How many of tend's ssh masters have their control socket: connections that are up. */
  private static int masters(Path runtime) {
    try (Stream<Path> dirs = Files.list(runtime)) {
      return (int)
          dirs.filter(d -> d.getFileName().toString().startsWith("tend-ssh-"))
              .filter(d -> Files.exists(d.resolve("m")))
              .count();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The console's CPU with nothing happening, after it settled. */
  private void idle(Path runtime) throws InterruptedException {
    long pid = console(runtime).orElseThrow(() -> new BenchException("no console process"));
    Thread.sleep(5_000); // settling: the first frames, the JIT, the first stats polls
    List<Long> ssh = sshClients(runtime);
    ProcStats.Sample a = ProcStats.sample(pid);
    long sshA = ssh.stream().mapToLong(p -> ProcStats.sample(p).cpuNanos()).sum();
    long t0 = System.nanoTime();
    Thread.sleep(o.idleSeconds() * 1000L);
    ProcStats.Sample b = ProcStats.sample(pid);
    long sshB = ssh.stream().mapToLong(p -> ProcStats.sample(p).cpuNanos()).sum();
    double wall = System.nanoTime() - t0;
    System.out.printf(
        "  console idle CPU over %d s            %8.2f %% of a core   (budget 2 %%; RSS %d MiB,"
            + " %d threads)%n",
        o.idleSeconds(), 100 * Cpu.between(a, b) / wall, b.rssKiB() / 1024, b.threads());
    System.out.printf(
        "  its %d ssh clients, together          %8.2f %% of a core%n",
        ssh.size(), 100 * (sshB - sshA) / wall);
  }

  private Optional<Long> console(Path runtime) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").contains("dev.tend.app.Main"))
        .filter(p -> environ(p.pid()).contains("XDG_RUNTIME_DIR=" + runtime + "\0"))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  private static List<Long> sshClients(Path runtime) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("/ssh"))
        .filter(p -> p.info().commandLine().orElse("").contains(runtime.toString()))
        .map(ProcessHandle::pid)
        .toList();
  }

  private static String environ(long pid) {
    try {
      return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Key to screen: each key is sent once its previous screen settled, then timed to its screen. */
  private void keys(Tmux t) throws Exception {
    t.keys("g"); // the first row selected is the first to arrive, which may be any server's
    Await.until("the first row selected", WAIT, () -> t.screen().contains("p01@web1 "));
    List<Double> down = new ArrayList<>();
    List<Double> up = new ArrayList<>();
    for (int i = 0; i < o.reps(); i++) {
      String next = String.format("p%02d", i + 2);
      down.add(key(t, "j", s -> s.contains(next + "@web1 ")));
    }
    for (int i = o.reps() - 1; i >= 0; i--) {
      String previous = String.format("p%02d", i + 1);
      up.add(key(t, "k", s -> s.contains(previous + "@web1 ")));
    }
    report("j (next row)", down);
    report("k (previous row)", up);
    List<Double> typing = new ArrayList<>();
    String word = "p0";
    for (int i = 0; i < o.reps(); i++) {
      typing.add(key(t, "/", s -> !filterLine(s).isEmpty()));
      String typed = "/";
      for (char c : word.toCharArray()) {
        typed += c;
        String shown = typed + " ";
        typing.add(key(t, String.valueOf(c), s -> filterLine(s).startsWith(shown)));
      }
      t.keys("Escape");
      Await.until("the filter line is gone", WAIT, () -> filterLine(t.screen()).isEmpty());
    }
    report("typing a filter (/, p, 0)", typing);
    List<Double> server = new ArrayList<>();
    String target = "web" + Math.min(7, o.servers());
    for (int i = 0; i < o.reps(); i++) {
      t.keys("/");
      t.keys("-l", "@" + target);
      Await.until(
          "the filter typed", WAIT, () -> filterLine(t.screen()).startsWith("/@" + target + " "));
      server.add(key(t, "Enter", s -> s.contains("p01@" + target + " ")));
      t.keys("/");
      t.keys("C-u", "Enter");
      t.keys("g");
      Await.until("all rows again", WAIT, () -> t.screen().contains("p01@web1 "));
    }
    report("@" + target + " Enter (filter to a server)", server);
  }

  /** Sends {@code key} and returns how long until the screen met {@code shown}, in ms. */
  private static double key(Tmux t, String key, Predicate<String> shown) throws Exception {
    long t0 = System.nanoTime();
    t.keys(key);
    while (true) {
      String s = t.screen();
      if (shown.test(s)) {
        return (System.nanoTime() - t0) / 1e6;
      }
      if (System.nanoTime() - t0 > WAIT.toNanos()) {
        throw new BenchException("key " + key + " did not show in " + WAIT + ":\n" + s);
      }
    }
  }

  /** The filter's input line (it starts with {@code /}), or "" when the filter is not open. */
  private static String filterLine(String screen) {
    return screen.lines().filter(l -> l.startsWith("/")).findFirst().orElse("");
  }

  private static void report(String what, List<Double> ms) {
    List<Double> sorted = ms.stream().sorted(Comparator.naturalOrder()).toList();
    double median = sorted.get(sorted.size() / 2);
    double p95 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.95) - 1));
    System.out.printf(
        "  key %-34s median %6.1f ms  p95 %6.1f ms  (%d keys; budget 50 ms)%n",
        what, median, p95, ms.size());
  }

  private void stopDaemons() {
    daemons.forEach(RealSupervisord::close);
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg"), UTF_8).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
