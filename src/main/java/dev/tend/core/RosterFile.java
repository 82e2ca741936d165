package dev.tend.core;

import dev.tend.config.ProcessConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The roster as a file beside the pidfile: a journal of {@code +} lines (a process runs) and {@code
 * -} lines (it was reaped), read back by the next daemon. What it costs stays bounded however fast
 * processes come and go: a start is one small append, written at once (a crash right after a spawn
 * must not leave that process unknown, or it would run twice); the ends are gathered and go out
 * with the next write or once 4 KiB of them wait (a lost end only makes the next daemon look for a
 * process that is gone); and the file is rewritten whole, to a temporary file renamed over it, only
 * when it has grown to eight times what its live processes need. A torn last line (a crash in the
 * middle of a write) is skipped by the reader. The file is removed when the daemon stops with
 * nothing left running.
 *
 * <p>Thread-safe (the loop thread records starts, the I/O thread ends).
 */
public final class RosterFile implements Roster, AutoCloseable {
  private static final MainLog log = MainLog.of(RosterFile.class);
  static final String MAGIC = "tend roster 1";
  private static final long COMPACT_MIN_BYTES = 64 * 1024;
  private static final int ENDS_BATCH_BYTES = 4096;

  private final Path path;
  private final String bootId;
  // All below: guarded by this.
  private final Map<Integer, RosterEntry> live = new LinkedHashMap<>();
  private final StringBuilder pendingEnds = new StringBuilder();
  private @Nullable FileChannel out; // null once closed, or after a failed rewrite
  private long size; // bytes in the file
  private long liveBytes; // bytes the live entries' lines take
  private boolean failing; // the last write failed (logged once until one succeeds)

  private RosterFile(Path path, String bootId) {
    this.path = path;
    this.bootId = bootId;
  }

  /** Where the roster of a daemon with this pidfile lives. */
  public static Path beside(Path pidfile) {
    return pidfile.resolveSibling(pidfile.getFileName() + ".roster");
  }

  /**
   * The processes a previous daemon recorded as running and did not see end, if it ran in this boot
   * (a roster of an earlier boot names no process alive now); empty when there is no file.
   */
  public static List<RosterEntry> previous(Path path, String bootId) throws IOException {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
    if (lines.size() < 2 || !lines.get(0).equals(MAGIC) || !lines.get(1).equals("boot " + bootId)) {
      return List.of();
    }
    Map<String, RosterEntry> running = new LinkedHashMap<>();
    for (String line : lines.subList(2, lines.size())) {
      if (line.startsWith("+ ")) {
        RosterEntry.parse(line.substring(2)).ifPresent(e -> running.put(e.key(), e));
      } else if (line.startsWith("- ")) {
        running.remove(line.substring(2).trim().replace(' ', '.'));
      }
    }
    return new ArrayList<>(running.values());
  }

  /**
   * Starts the roster anew at {@code path}, holding {@code carried} (a previous daemon's processes
   * this one takes over), written whole before this returns.
   */
  public static RosterFile start(Path path, String bootId, List<RosterEntry> carried)
      throws IOException {
    RosterFile roster = new RosterFile(path, bootId);
    synchronized (roster) {
      for (RosterEntry e : carried) {
        roster.live.put(e.pid(), e);
        roster.liveBytes += e.line().length() + 3;
      }
      roster.rewrite();
    }
    return roster;
  }

  @Override
  public void running(String group, ProcessConfig config, int pid, long startTime) {
    RosterEntry entry =
        new RosterEntry(
            pid,
            startTime,
            group,
            config.name(),
            ProgramIdentity.of(config),
            config.stopsignal(),
            config.stopwaitsecs(),
            config.stopasgroup(),
            config.killasgroup());
    String line = "+ " + entry.line() + "\n";
    synchronized (this) {
      RosterEntry old = live.put(pid, entry);
      if (old != null) {
        liveBytes -= old.line().length() + 3;
      }
      liveBytes += line.length();
      pendingEnds.append(line);
      writePending();
    }
  }

  @Override
  public synchronized void gone(int pid) {
    RosterEntry e = live.remove(pid);
    if (e == null) {
      return;
    }
    liveBytes -= e.line().length() + 3;
    pendingEnds.append("- ").append(pid).append(' ').append(e.startTime()).append('\n');
    if (pendingEnds.length() >= ENDS_BATCH_BYTES) {
      writePending();
    }
  }

  /** Writes what waits (ends gathered since the last write). */
  public synchronized void flush() {
    if (pendingEnds.length() > 0) {
      writePending();
    }
  }

  /** The processes recorded as running now. */
  public synchronized List<RosterEntry> entries() {
    return new ArrayList<>(live.values());
  }

  private void writePending() {
    try {
      if (out == null || size > Math.max(COMPACT_MIN_BYTES, 8 * liveBytes)) {
        rewrite(); // includes what was pending: it is already in `live`
      } else {
        ByteBuffer bytes = ByteBuffer.wrap(pendingEnds.toString().getBytes(StandardCharsets.UTF_8));
        size += bytes.remaining();
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
      }
      pendingEnds.setLength(0);
      if (failing) {
        failing = false;
        log.info("the roster " + path + " is written again");
      }
    } catch (IOException e) {
      if (!failing) {
        failing = true;
        log.error(
            "cannot write the roster "
                + path
                + ": "
                + e.getMessage()
                + "; a daemon started after a crash may not find what this one runs");
      }
    }
  }

  /** The whole file anew: written to a temporary file, renamed over the old one, reopened. */
  private void rewrite() throws IOException {
    StringBuilder b = new StringBuilder(MAGIC).append('\n');
    b.append("boot ").append(bootId).append('\n');
    for (RosterEntry e : live.values()) {
      b.append("+ ").append(e.line()).append('\n');
    }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    closeChannel();
    out = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    size = bytes.length;
  }

  private void closeChannel() {
    FileChannel c = out;
    out = null;
    if (c != null) {
      try {
        c.close();
      } catch (IOException e) {
        // nothing was buffered: each write went straight to the file
      }
    }
  }

  /** The bytes the file takes now (for tests and the soak's figures). */
  synchronized long size() {
    return size;
  }

  /**
   * The daemon is stopping: with nothing left running the roster goes; otherwise what waits is
   * written and the file stays for the next daemon.
   */
  @Override
  public synchronized void close() {
    if (live.isEmpty()) {
      closeChannel();
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        log.warn("cannot remove the roster " + path + ": " + e.getMessage());
      }
      return;
    }
    flush();
    closeChannel();
  }

  /** For tests: the entries by pid. */
  synchronized Map<Integer, RosterEntry> byPid() {
    return new HashMap<>(live);
  }
}
