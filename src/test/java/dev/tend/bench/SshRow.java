package dev.tend.bench;

import dev.tend.api.ProcessInfo;
import dev.tend.control.client.ClientSettings;
import dev.tend.control.client.RemoteSupervisor;
import dev.tend.control.client.ServerUrl;
import dev.tend.control.client.ssh.RemoteSocket;
import dev.tend.control.client.ssh.SshCommand;
import dev.tend.control.client.ssh.SshConnections;
import dev.tend.control.client.ssh.SshFailure;
import dev.tend.control.client.ssh.SshMaster;
import dev.tend.control.client.ssh.SshTarget;
import dev.tend.testing.PrivateSshd;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ssh transport, for the console's budget of 20 servers over ssh: opening one host's master,
 * opening 20 forwards over it at once (20 servers on one host), and {@code getAllProcessInfo} with
 * 50 programs through a forward against the same call on the local socket. The daemon is either
 * contender, behind a private sshd on loopback (so the figures are ssh's own cost, no network).
 */
final class SshRow implements Row {
  static final int PROGRAMS = 50;
  static final int FORWARDS = 20;

  @Override
  public String id() {
    return "ssh";
  }

  @Override
  public String title() {
    return "ssh transport: master, "
        + FORWARDS
        + " forwards, status with "
        + PROGRAMS
        + " programs";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.lower("master", "ssh master up (log-in over loopback)", "ms", null),
        Metric.lower("forwards", FORWARDS + " forwards over one master, asked at once", "ms", null),
        Metric.lower("first", "first status through a new forward", "ms", null),
        Metric.lower("ssh", "status through the forward, median", "ms", null),
        Metric.lower("local", "status on the local socket, median", "ms", null));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id(), c).programs(PROGRAMS, "sleep 100000").write();
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg);
        PrivateSshd sshd = PrivateSshd.start(cfg.dir().resolve("sshd"))) {
      d.await(MainLogWatch.SUCCESS, PROGRAMS, Duration.ofSeconds(60));
      try (RemoteSupervisor local = Control.connect(d, cfg, Duration.ofSeconds(30));
          SshConnections ssh =
              new SshConnections(
                  SshCommand.parse(sshd.tendSsh()),
                  SshConnections.Settings.defaults(System.getenv()),
                  false,
                  InstantSource.system())) {
        SshTarget host = new SshTarget(null, "bench", 0);
        long t0 = System.nanoTime();
        Map<SshTarget, SshFailure> failed = ssh.connectAll(List.of(host));
        double master = ms(t0);
        if (!failed.isEmpty()) {
          throw new BenchException("ssh did not connect: " + failed);
        }
        double forwards = forwards(ssh.master(host), cfg);
        try (RemoteSupervisor remote =
            RemoteSupervisor.connect(
                ServerUrl.parse("ssh://bench" + cfg.socket()), ClientSettings.defaults(), ssh)) {
          t0 = System.nanoTime();
          check(remote.getAllProcessInfo());
          double first = ms(t0);
          double[][] medians = alternate(local, remote, ctx);
          return Map.of(
              "master", master,
              "forwards", forwards,
              "first", first,
              "ssh", medians[1][medians[1].length / 2],
              "local", medians[0][medians[0].length / 2]);
        }
      }
    }
  }

  /** 20 forwards (to sockets that need not exist: making a forward does not open it). */
  private static double forwards(SshMaster master, BenchConfig cfg) throws Exception {
    long t0 = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> made = new ArrayList<>();
      for (int i = 0; i < FORWARDS; i++) {
        RemoteSocket s = new RemoteSocket.Unix(cfg.dir().resolve("site" + i + ".sock").toString());
        made.add(pool.submit(() -> master.forward(s)));
      }
      for (Future<?> f : made) {
        f.get();
      }
    }
    return ms(t0);
  }

  /** Warm both up, then time them call by call in turn; sorted times, local first. */
  private static double[][] alternate(
      RemoteSupervisor local, RemoteSupervisor remote, RunContext ctx) {
    for (int i = 0; i < ctx.pick(100, 10); i++) {
      check(local.getAllProcessInfo());
      check(remote.getAllProcessInfo());
    }
    int n = ctx.pick(300, 30);
    double[][] out = new double[2][n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      check(local.getAllProcessInfo());
      out[0][i] = ms(t0);
      t0 = System.nanoTime();
      check(remote.getAllProcessInfo());
      out[1][i] = ms(t0);
    }
    Arrays.sort(out[0]);
    Arrays.sort(out[1]);
    return out;
  }

  private static double ms(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static void check(List<ProcessInfo> all) {
    if (all.size() != PROGRAMS) {
      throw new BenchException(
          "getAllProcessInfo gave " + all.size() + " processes, not " + PROGRAMS);
    }
  }
}
