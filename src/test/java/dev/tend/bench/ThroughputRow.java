package dev.tend.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One program writing 256 MiB to stdout as fast as it can, logged through rotation (50 MB files, 10
 * backups, so every byte is kept): MiB/s from its first write to the last byte on disk, bytes lost,
 * whether the files' SHA-256 matches what was written, and the daemon's CPU.
 */
final class ThroughputRow implements Row {
  private static final int BLOCK = 65536;

  @Override
  public String id() {
    return "throughput";
  }

  @Override
  public String title() {
    return "one program writing 256 MiB to stdout through rotation";
  }

  @Override
  public List<Metric> metrics() {
    return List.of(
        Metric.higher("mibps", "throughput", "MiB/s", 1.0),
        Metric.atMost("lost", "bytes lost", "bytes", 0),
        Metric.atMost("corrupt", "content differs (hash)", "0/1", 0),
        Metric.lower("cpu", "daemon CPU", "s", null));
  }

  @Override
  public Map<String, Double> measure(Contender c, RunContext ctx) throws Exception {
    long total = ctx.pick(256L << 20, 32L << 20);
    String maxBytes = ctx.pick("50MB", "8MB");
    BenchConfig cfg = ctx.config(id(), c);
    Path startFile = cfg.dir().resolve("firehose.start");
    cfg.program(
            "firehose",
            ctx.python("firehose.py", total, startFile),
            "autorestart=false",
            "stdout_logfile_maxbytes=" + maxBytes,
            "stdout_logfile_backups=10")
        .write();
    Path log = cfg.childLog("firehose");
    try (DaemonRun d = DaemonRun.start(c, ctx.root(), cfg)) {
      while (!Files.exists(startFile)) {
        d.await(MainLogWatch.SPAWNED, 1, Duration.ofSeconds(60)); // fails fast if the daemon died
        Thread.sleep(1);
      }
      ProcStats.Sample a = d.sample();
      long end = awaitBytes(d, log, total, Duration.ofSeconds(120));
      ProcStats.Sample b = d.sample();
      long start = Long.parseLong(Files.readString(startFile).trim());
      List<Path> files = inOrder(log);
      long kept = 0;
      for (Path f : files) {
        kept += Files.size(f);
      }
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("mibps", total / 1048576.0 / ((end - start) / 1e9));
      out.put("lost", (double) Math.max(0, total - kept));
      out.put("corrupt", sha256(files).equals(expectedSha256(total)) ? 0.0 : 1.0);
      out.put("cpu", Cpu.between(a, b) / 1e9);
      return out;
    }
  }

  /** Polls the log's files until they hold {@code total} bytes; returns when (nanoTime). */
  private static long awaitBytes(DaemonRun d, Path log, long total, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long quietSince = 0;
    long last = -1;
    while (true) {
      long size = 0;
      try {
        for (Path f : inOrder(log)) {
          size += Files.size(f);
        }
      } catch (NoSuchFileException rotatedMeanwhile) {
        continue; // a backup was renamed between listing and sizing: look again
      }
      long now = System.nanoTime();
      if (size >= total) {
        return now;
      }
      d.log().poll();
      if (size != last) {
        last = size;
        quietSince = now;
      } else if (d.log().count(MainLogWatch.EXITED) > 0 && now - quietSince > 2_000_000_000L) {
        return quietSince; // the writer is gone and nothing more arrives: bytes were lost
      }
      if (now > deadline) {
        throw new BenchException(
            size + " of " + total + " bytes logged in " + timeout.toSeconds() + " s");
      }
      Thread.sleep(1);
    }
  }

  /** The log and its backups, oldest first (NAME.log.10 ... NAME.log.1, NAME.log). */
  private static List<Path> inOrder(Path log) {
    List<Path> files = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      Path backup = log.resolveSibling(log.getFileName() + "." + i);
      if (Files.exists(backup)) {
        files.add(backup);
      }
    }
    if (Files.exists(log)) {
      files.add(log);
    }
    return files;
  }

  private static String sha256(List<Path> files) throws IOException, NoSuchAlgorithmException {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    byte[] buf = new byte[1 << 20];
    for (Path f : files) {
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          md.update(buf, 0, n);
        }
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  /** The SHA-256 of what firehose.py writes: its blocks rebuilt here the same way. */
  static String expectedSha256(long total) throws NoSuchAlgorithmException {
    byte[] block = new byte[BLOCK];
    for (int j = 0; j < 1024; j++) {
      byte[] line =
          String.format("000000000000 %04d %s\n", j, "x".repeat(45))
              .getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(line, 0, block, j * 64, 64);
    }
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    for (long i = 0; i < total / BLOCK; i++) {
      byte[] counter = String.format("%012d", i).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(counter, 0, block, 0, 12);
      md.update(block);
    }
    return HexFormat.of().formatHex(md.digest());
  }
}
