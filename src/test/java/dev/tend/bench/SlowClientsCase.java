package dev.tend.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Slow senders (slowloris): clients that send a request a byte at a time, every few seconds, so the
 * connection is never idle and the request never complete; in the full run half of them trickle a
 * body instead of headers. How many are still open at the end, how many were told 408, and whether
 * others are served meanwhile.
 */
final class SlowClientsCase implements FaultCase {
  @Override
  public String id() {
    return "slow";
  }

  @Override
  public String title() {
    return "200 clients sending a byte every 3 s (heads, and bodies), for 35 s";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    int clients = ctx.pick(200, 50);
    Duration every = ctx.pick(Duration.ofSeconds(3), Duration.ofSeconds(1));
    Duration window = ctx.pick(Duration.ofSeconds(35), Duration.ofSeconds(12));
    BenchConfig cfg = ctx.config(id()).programs(1, "sleep 100000").write();
    FaultResult r = new FaultResult();
    try (DaemonRun d = ctx.start(cfg, 1)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), 0);
      List<WireCall.Session> crowd = new ArrayList<>();
      AtomicInteger told408 = new AtomicInteger();
      try {
        for (int i = 0; i < clients; i++) {
          WireCall.Session s = WireCall.Session.open(t, false);
          boolean body = !ctx.quick() && i % 2 == 1;
          send(
              s,
              body
                  ? "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
                      + "Content-Length: 100000\r\n\r\n<"
                  : "POST /RPC2 HTTP/1.1\r\nHost: x\r\n");
          crowd.add(s);
        }
        long end = System.nanoTime() + window.toNanos();
        int servedMeanwhile = 0;
        int calls = 0;
        while (System.nanoTime() < end) {
          for (WireCall.Session s : crowd) {
            send(s, "a");
          }
          calls++;
          if (ConnectionStormCase.answers(t, false)) {
            servedMeanwhile++;
          }
          Thread.sleep(every);
        }
        int open = 0;
        for (WireCall.Session s : crowd) {
          int status = statusIfAny(s);
          if (status == 408) {
            told408.incrementAndGet();
          } else if (status == 0) {
            open++;
          }
        }
        r.figure("still open after " + window.toSeconds() + " s", open + " of " + clients)
            .figure("told 408", told408.get())
            .figure("others served meanwhile", servedMeanwhile + " of " + calls)
            .figure("daemon threads at the end", d.sample().threads())
            .expect(open == 0, open + " slow clients still open")
            .expect(servedMeanwhile == calls, "others were not served during the slow crowd");
      } finally {
        crowd.forEach(WireCall.Session::close);
      }
    }
    return r;
  }

  private static void send(WireCall.Session s, String text) {
    try {
      s.channel().write(ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
    } catch (IOException e) {
      // cut off: seen at the end
    }
  }

  /**
   * The status line the server sent (408), -1 when it closed without one, 0 when the connection is
   * still open with nothing said. One non-blocking read.
   */
  private static int statusIfAny(WireCall.Session s) {
    try {
      s.channel().configureBlocking(false);
      ByteBuffer b = ByteBuffer.allocate(64);
      int n = s.channel().read(b);
      if (n < 0) {
        return -1;
      }
      String text = new String(b.array(), 0, Math.max(0, n), StandardCharsets.ISO_8859_1);
      return text.startsWith("HTTP/1.") && text.length() >= 12
          ? Integer.parseInt(text.substring(9, 12))
          : 0;
    } catch (IOException e) {
      return -1;
    }
  }
}
