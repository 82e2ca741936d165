package dev.tend.control.server;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LineTimes;
import dev.tend.api.LogFollow;
import dev.tend.api.LogStream;
import dev.tend.api.SupervisorApi;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * {@code tend.followProcessLog} as a stateless long-poll over the push-based {@link
 * SupervisorApi#followProcessLog}: the first call (empty position) subscribes and buffers the log
 * in a {@link FollowedLog}; each later call names the session and a position in it ({@code
 * id:position}), gets what followed, and waits for it when there is none yet. Sessions nobody asks
 * about for a while are closed, and there are at most a fixed number of them (the least recently
 * used goes first). A position whose session is gone (expired, or the server restarted) starts a
 * fresh follow and reports an unknown loss, so the client shows a gap rather than duplicates.
 * Thread-safe; a waiting call holds no platform thread when run on a virtual thread.
 */
final class FollowSessions implements AutoCloseable {
  private static final int MAX_CHUNK = 256 * 1024;
  private static final SecureRandom random = new SecureRandom();

  private final SupervisorApi api;
  private final int maxSessions;
  private final int bufferBytes;
  private final long idleExpiryNanos;
  private final LongSupplier nanoTime;
  // Guarded by this: sessions by id, least recently used first (access order).
  private final LinkedHashMap<String, Session> sessions = new LinkedHashMap<>(16, 0.75f, true);
  // Guarded by this: once closed, no session is opened.
  private boolean closed;

  private static final class Session {
    final String id;
    final String namespec;
    final LogStream stream;
    final FollowedLog log;
    // Set once the subscription exists; closed when the session goes.
    @Nullable LogFollow follow;
    // Guarded by FollowSessions.this: when a caller last asked.
    long lastUsed;

    Session(String id, String namespec, LogStream stream, FollowedLog log) {
      this.id = id;
      this.namespec = namespec;
      this.stream = stream;
      this.log = log;
    }

    void close() {
      LogFollow f = follow;
      if (f != null) {
        f.close();
      }
    }
  }

  FollowSessions(SupervisorApi api) {
    this(api, 64, 256 * 1024, Duration.ofMinutes(2), System::nanoTime);
  }

  FollowSessions(
      SupervisorApi api,
      int maxSessions,
      int bufferBytes,
      Duration idleExpiry,
      LongSupplier nanoTime) {
    this.api = api;
    this.maxSessions = maxSessions;
    this.bufferBytes = bufferBytes;
    this.idleExpiryNanos = idleExpiry.toNanos();
    this.nanoTime = nanoTime;
  }

  /**
   * The answer of one call: {@code {data, position, lost}}; the first answer of a follow is its
   * history alone and carries when its bytes arrived ({@code times}, null in every later answer).
   */
  record Chunk(byte[] data, String position, long lost, @Nullable LineTimes times) {
    Chunk(byte[] data, String position, long lost) {
      this(data, position, lost, null);
    }
  }

  Chunk follow(
      String namespec, LogStream stream, String position, int historyBytes, Duration timeout) {
    expireIdle();
    Session s;
    long at;
    long lostOverride = 0;
    if (position.isEmpty()) {
      s = open(namespec, stream, Math.max(0, Math.min(historyBytes, bufferBytes)));
      FollowedLog.History h = s.log.history();
      LineTimes times = h.times();
      if (times != null && h.length() > 0) {
        // the history alone, with its times: live bytes after it are not timed by its marks
        FollowedLog.Slice first = read(s, 0, h.length(), timeout);
        touch(s);
        return new Chunk(first.data(), s.id + ":" + first.next(), first.lost(), times);
      }
      at = 0;
    } else {
      int colon = position.lastIndexOf(':');
      at = colon < 0 ? -1 : parsePosition(position.substring(colon + 1));
      if (at < 0) {
        throw new FaultException(Fault.BAD_ARGUMENTS, "malformed position '" + position + "'");
      }
      s = find(position.substring(0, colon));
      if (s == null) {
        s = open(namespec, stream, 0);
        at = 0;
        lostOverride = FollowedLog.UNKNOWN_LOSS;
      } else if (!s.namespec.equals(namespec) || s.stream != stream) {
        throw new FaultException(
            Fault.BAD_ARGUMENTS,
            "position '" + position + "' belongs to " + s.namespec + " " + s.stream.word());
      }
    }
    FollowedLog.Slice slice = read(s, at, MAX_CHUNK, timeout);
    touch(s);
    if (slice.closed()) {
      // The log ended under us (its group was removed, or updated): follow its successor.
      drop(s);
      Session next = open(namespec, stream, 0);
      return new Chunk(new byte[0], next.id + ":0", FollowedLog.UNKNOWN_LOSS);
    }
    long lost = lostOverride != 0 ? lostOverride : slice.lost();
    return new Chunk(slice.data(), s.id + ":" + slice.next(), lost);
  }

  private static FollowedLog.Slice read(Session s, long at, int max, Duration timeout) {
    try {
      return s.log.read(at, max, timeout.toNanos());
    } catch (IllegalArgumentException e) {
      throw new FaultException(Fault.BAD_ARGUMENTS, String.valueOf(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FaultException(Fault.FAILED, "the server is closing");
    }
  }

  private static long parsePosition(String text) {
    if (text.isEmpty() || text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(text);
  }

  private Session open(String namespec, LogStream stream, int historyBytes) {
    String id = newId();
    Session s = new Session(id, namespec, stream, new FollowedLog(bufferBytes));
    synchronized (this) {
      if (closed) {
        throw new FaultException(Fault.FAILED, "the server is closing");
      }
      s.lastUsed = nanoTime.getAsLong();
      sessions.put(id, s);
    }
    try {
      s.follow = api.followProcessLog(namespec, stream, historyBytes, s.log);
    } catch (RuntimeException e) {
      drop(s);
      throw e;
    }
    evictBeyondLimit();
    return s;
  }

  private static String newId() {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  private synchronized @Nullable Session find(String id) {
    return sessions.get(id);
  }

  private synchronized void touch(Session s) {
    s.lastUsed = nanoTime.getAsLong();
  }

  private void drop(Session s) {
    synchronized (this) {
      sessions.remove(s.id, s);
    }
    s.close();
  }

  private void evictBeyondLimit() {
    Session victim;
    while (true) {
      synchronized (this) {
        if (sessions.size() <= maxSessions) {
          return;
        }
        Iterator<Session> it = sessions.values().iterator();
        victim = it.next();
        it.remove();
      }
      victim.close();
    }
  }

  private void expireIdle() {
    long now = nanoTime.getAsLong();
    Map<String, Session> expired = new LinkedHashMap<>();
    synchronized (this) {
      Iterator<Session> it = sessions.values().iterator();
      while (it.hasNext()) {
        Session s = it.next();
        if (now - s.lastUsed > idleExpiryNanos) {
          expired.put(s.id, s);
          it.remove();
        }
      }
    }
    expired.values().forEach(Session::close);
  }

  synchronized int size() {
    return sessions.size();
  }

  @Override
  public void close() {
    Map<String, Session> all;
    synchronized (this) {
      closed = true;
      all = new LinkedHashMap<>(sessions);
      sessions.clear();
    }
    all.values().forEach(Session::close);
  }
}
