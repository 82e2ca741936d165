package dev.tend.testing;

import dev.tend.api.LogStream;
import java.util.Locale;

/**
 * A demo-like scene on a {@link FakeSupervisorApi}: a web group, workers, a scheduler, and the
 * usual trouble (a FATAL api with its spawn error, a mailer in BACKOFF, an indexer killed by
 * SIGKILL), with coloured logs on stdout and stderr. Deterministic: the same scene every time for
 * the same {@code now}. Used by screen tests, screenshots, the benchmark and the dev console.
 */
public final class DemoScene {
  /** 2025-11-27 14:03:27 UTC: the screenshots' moment. */
  public static final long NOW = 1_764_252_207L;

  private DemoScene() {}

  /** The scene at {@link #NOW}. */
  public static FakeSupervisorApi create() {
    return create(NOW);
  }

  /** The scene as it would be at {@code now} (epoch seconds). */
  public static FakeSupervisorApi create(long now) {
    FakeSupervisorApi api = new FakeSupervisorApi();
    populate(api, now);
    return api;
  }

  public static void populate(FakeSupervisorApi api, long now) {
    api.setNow(now);
    for (int i = 0; i < 4; i++) {
      api.add("web", "web_0" + i)
          .running(21400 + i, 3 * 86400 + 3600 * i + 125)
          .restarts(i == 2 ? 2 : 0)
          .stats(1.5 + 3.1 * i, (92L + 7 * i) << 20)
          .command("/srv/app/bin/gunicorn app:wsgi --bind 127.0.0.1:80" + (10 + i));
    }
    for (int i = 0; i < 3; i++) {
      api.add("worker", "worker_0" + i)
          .running(22010 + i, 7200 + 61 * i)
          .restarts(0)
          .stats(12.0 + 9 * i, (180L + 20 * i) << 20)
          .command("/srv/app/bin/celery worker -Q default -c 4");
    }
    api.add("scheduler", "scheduler").running(22100, 190).restarts(5).stats(0.3, 48L << 20);
    api.add("api", "api").fatal("can't find command '/opt/api/bin/server'").restarts(3);
    api.add("mailer", "mailer")
        .backoff("Exited too quickly (process log may have details)")
        .restarts(2);
    api.add("cache", "cache").running(1, 600).stopped(15).restarts(0);
    api.add("indexer", "indexer").running(2, 4000).killed(9).restarts(1);
    api.add("migrate", "migrate").running(3, 30).exited(0).restarts(0);
    api.add("reports", "reports").restarts(0);
    logs(api);
  }

  private static void logs(FakeSupervisorApi api) {
    String g = "\u001b[32m";
    String y = "\u001b[33m";
    String r = "\u001b[31m";
    String b = "\u001b[1m";
    String dim = "\u001b[2m";
    String off = "\u001b[0m";
    StringBuilder web = new StringBuilder();
    String[] paths = {"/", "/api/orders", "/static/app.js", "/api/cart", "/login", "/health"};
    int[] codes = {200, 200, 304, 201, 302, 200};
    for (int i = 0; i < 40; i++) {
      int code = codes[i % codes.length];
      String c = code < 300 ? g : y;
      int t = 14 * 3600 + 3 * 60 + 27 - 6 * (40 - i);
      web.append(dim)
          .append(String.format(Locale.ROOT, "%02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60))
          .append(off)
          .append(" GET ")
          .append(paths[i % paths.length])
          .append(' ')
          .append(c)
          .append(code)
          .append(off)
          .append(' ')
          .append(3 + (i * 37) % 180)
          .append("ms\n");
    }
    api.log("web:web_00", LogStream.STDOUT, web.toString());
    api.log(
        "web:web_00",
        LogStream.STDERR,
        "[2025-11-27 14:02:51] "
            + y
            + "WARNING"
            + off
            + " slow query: SELECT * FROM orders (1.9s)\n");
    api.log(
        "api",
        LogStream.STDERR,
        "supervisor: couldn't exec /opt/api/bin/server: ENOENT\nsupervisor: child process was not spawned\n");
    api.log(
        "mailer",
        LogStream.STDERR,
        r
            + b
            + "ERROR"
            + off
            + " SMTP connect to mail.internal:25 refused\nTraceback (most recent call last):\n  File \"mailer.py\", line 42, in <module>\nConnectionRefusedError: [Errno 111] Connection refused\n");
    for (int w = 0; w < 3; w++) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 12; i++) {
        s.append("[")
            .append(g)
            .append("INFO")
            .append(off)
            .append("] task ")
            .append(1000 + 13 * i + w)
            .append(" succeeded in ")
            .append(String.format(Locale.ROOT, "%.1f", 0.1 + i / 10.0))
            .append("s\n");
      }
      api.log("worker:worker_0" + w, LogStream.STDOUT, s.toString());
    }
    api.log("indexer", LogStream.STDERR, "Killed\n");
    api.log("scheduler", LogStream.STDOUT, "next run: reports at 15:00\n");
  }

  /** Some life for the dev console: a web line every call, a worker warning now and then. */
  public static void tick(FakeSupervisorApi api, int n, long now) {
    api.setNow(now);
    api.log(
        "web:web_0" + (n % 4),
        LogStream.STDOUT,
        "GET /api/orders \u001b[32m200\u001b[0m " + (n % 97) + "ms\n");
    if (n % 15 == 7) {
      api.log(
          "worker:worker_01",
          LogStream.STDERR,
          "\u001b[33mWARN\u001b[0m retrying task " + n + "\n");
    }
  }
}
