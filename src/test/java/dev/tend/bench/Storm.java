package dev.tend.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many clients calling at once, each on a virtual thread: a new connection per call, or one kept-
 * alive connection each (a broken one is replaced). Tallies how every call ended.
 */
final class Storm {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final Map<WireCall.Outcome, AtomicInteger> outcomes = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
  private final AtomicInteger calls = new AtomicInteger();

  /** Runs {@code clients} × {@code callsEach} calls of {@code request}; returns the tally. */
  static Storm run(
      WireCall.Target t, boolean tcp, int clients, int callsEach, boolean keepAlive, byte[] request)
      throws InterruptedException {
    Storm s = new Storm();
    CountDownLatch go = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      go.await();
                    } catch (InterruptedException e) {
                      return;
                    }
                    s.client(t, tcp, callsEach, keepAlive, request);
                  }));
    }
    go.countDown();
    for (Thread th : threads) {
      th.join();
    }
    return s;
  }

  private void client(
      WireCall.Target t, boolean tcp, int callsEach, boolean keepAlive, byte[] request) {
    WireCall.Session session = null;
    try {
      for (int c = 0; c < callsEach; c++) {
        WireCall.Result r;
        if (!keepAlive) {
          r = WireCall.once(t, tcp, request, CALL_TIMEOUT, false);
        } else {
          if (session == null) {
            try {
              session = WireCall.Session.open(t, tcp);
            } catch (java.io.IOException e) {
              record(new WireCall.Result(WireCall.classify(e), 0, 0));
              continue;
            }
          }
          r = session.call(request, CALL_TIMEOUT);
          if (r.outcome() != WireCall.Outcome.ANSWERED) {
            session.close();
            session = null;
          }
        }
        record(r);
      }
    } finally {
      if (session != null) {
        session.close();
      }
    }
  }

  /** Counts how a call ended. */
  void record(WireCall.Result r) {
    calls.incrementAndGet();
    outcomes.computeIfAbsent(r.outcome(), k -> new AtomicInteger()).incrementAndGet();
    if (r.status() > 0) {
      statuses.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  int calls() {
    return calls.get();
  }

  int count(WireCall.Outcome o) {
    AtomicInteger n = outcomes.get(o);
    return n == null ? 0 : n.get();
  }

  /** Calls that ended without any status line. */
  int withoutStatus() {
    return calls() - count(WireCall.Outcome.ANSWERED) - count(WireCall.Outcome.STATUS);
  }

  /** "503 x12, 408 x1", or "none". */
  String otherStatuses() {
    Map<Integer, Integer> sorted = new TreeMap<>();
    statuses.forEach((k, v) -> sorted.put(k, v.get()));
    sorted.remove(200);
    if (sorted.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    sorted.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(" x").append(v));
    return b.toString();
  }

  /** "refused 3, reset 2", or "none". */
  String failures() {
    StringBuilder b = new StringBuilder();
    for (WireCall.Outcome o : WireCall.Outcome.values()) {
      if (o != WireCall.Outcome.ANSWERED && o != WireCall.Outcome.STATUS && count(o) > 0) {
        b.append(b.isEmpty() ? "" : ", ")
            .append(o.name().toLowerCase(java.util.Locale.ROOT))
            .append(' ')
            .append(count(o));
      }
    }
    return b.isEmpty() ? "none" : b.toString();
  }
}
