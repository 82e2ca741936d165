package dev.tend.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Malformed and hostile HTTP and XML, one request per connection over the unix socket: truncated
 * heads and bodies, deep nesting, entity expansion, external entities, invalid UTF-8, lying and
 * conflicting lengths, oversized bodies and heads, smuggling, garbage, half-closed connections;
 * then a thousand randomly mutated calls sent one after the other. tend must answer each with a
 * status line at once (a request that can never complete excepted) and keep serving.
 */
final class HostileHttpCase implements FaultCase {
  private static final Duration PROMPT = Duration.ofSeconds(2);

  /** One hostile request; {@code halfClose}: the client shuts its output after sending. */
  private record Hostile(String name, byte[] bytes, boolean halfClose, boolean mayJustClose) {}

  @Override
  public String id() {
    return "hostile";
  }

  @Override
  public String title() {
    return "malformed and hostile HTTP/XML, each on its own connection; 1000 mutated calls";
  }

  @Override
  public FaultResult run(FaultContext ctx) throws Exception {
    BenchConfig cfg = ctx.config(id()).programs(1, "sleep 100000").write();
    FaultResult r = new FaultResult();
    try (DaemonRun d = ctx.start(cfg, 1)) {
      WireCall.Target t = new WireCall.Target(cfg.socket(), 0);
      Duration patience = ctx.pick(Duration.ofSeconds(10), Duration.ofSeconds(5));
      for (Hostile h : requests()) {
        WireCall.Result res = WireCall.once(t, false, h.bytes(), patience, h.halfClose());
        String shown =
            (res.status() > 0 ? Integer.toString(res.status()) : lower(res.outcome()))
                + String.format(Locale.ROOT, " in %d ms", res.nanos() / 1_000_000);
        r.figure(h.name(), shown);
        boolean prompt = res.nanos() < PROMPT.toNanos();
        boolean said =
            res.status() > 0 || (h.mayJustClose() && res.outcome() != WireCall.Outcome.TIMEOUT);
        r.expect(said && prompt, h.name() + ": " + shown);
      }
      mutated(t, ctx.pick(1000, 200), true, r);
      if (!ctx.quick()) {
        mutated(t, 1000, false, r);
      }
      boolean after = ConnectionStormCase.answers(t, false);
      r.figure("accepts afterwards", after ? "yes" : "NO")
          .figure("daemon threads at the end", d.sample().threads())
          .expect(after, "no longer accepts");
    }
    return r;
  }

  private static String lower(WireCall.Outcome o) {
    return o.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /**
   * Mutated calls one after the other: total time and how they ended. Half-closed, the client says
   * it sends nothing more; otherwise it waits (up to 2 s) for an answer, as a real client would,
   * and a mutation that makes the declared body longer than what was sent leaves the server waiting
   * for the rest, which it rightly cannot tell from a slow client.
   */
  private static void mutated(WireCall.Target t, int n, boolean halfClose, FaultResult r) {
    byte[] valid = WireCall.rpc("supervisor.getAllProcessInfo", false);
    Random random = new Random(11);
    Map<String, Integer> ends = new TreeMap<>();
    long slowest = 0;
    long t0 = System.nanoTime();
    Duration patience = halfClose ? Duration.ofSeconds(10) : Duration.ofSeconds(2);
    for (int i = 0; i < n; i++) {
      byte[] m = valid.clone();
      for (int k = 1 + random.nextInt(5); k > 0; k--) {
        m[random.nextInt(m.length)] = (byte) random.nextInt(256);
      }
      WireCall.Result res = WireCall.once(t, false, m, patience, halfClose);
      ends.merge(
          res.status() > 0 ? Integer.toString(res.status()) : lower(res.outcome()),
          1,
          Integer::sum);
      slowest = Math.max(slowest, res.nanos());
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    String what = n + " mutated calls" + (halfClose ? ", half-closed" : ", client waits");
    r.figure(what + ": seconds", String.format(Locale.ROOT, "%.2f", secs))
        .figure(what + ": slowest ms", slowest / 1_000_000)
        .figure(what + ": ended", ends.toString());
    if (halfClose) {
      r.expect(!ends.containsKey("timeout"), "half-closed mutated calls timed out: " + ends);
    }
  }

  private static List<Hostile> requests() {
    List<Hostile> out = new ArrayList<>();
    String xml = "<?xml version='1.0'?><methodCall><methodName>supervisor.getState</methodName>";
    add(out, "truncated head", "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Le", true, false);
    add(out, "truncated body", post(100, "<methodCall><methodName>sup"), true, false);
    add(out, "deep nesting", post(nested(20_000)), false, false);
    add(out, "entity expansion", post(laughs()), false, false);
    add(
        out,
        "external entity",
        post(
            "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
                + "<methodCall><methodName>&e;</methodName></methodCall>"),
        false,
        false);
    out.add(new Hostile("invalid UTF-8", badUtf8(), false, false));
    add(out, "body longer than its length", post(5, xml + "</methodCall>"), false, false);
    add(
        out,
        "conflicting lengths",
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 10\r\n"
            + "Content-Length: 20\r\n\r\n0123456789",
        false,
        false);
    add(
        out,
        "length and chunked (smuggling)",
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 4\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        false,
        false);
    add(
        out,
        "oversized body (100 MB declared)",
        "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 104857600"
            + "\r\n\r\n<methodCall>",
        false,
        false);
    add(out, "oversized header (20 KB)", get("X-Big: " + "a".repeat(20_000)), false, false);
    add(out, "200 headers", get("X-H: v\r\n".repeat(200).strip()), false, false);
    add(
        out,
        "100 KB URL",
        "GET /" + "a".repeat(100_000) + " HTTP/1.1\r\nHost: x\r\n\r\n",
        false,
        false);
    add(out, "HTTP/2.0 request line", "GET / HTTP/2.0\r\nHost: x\r\n\r\n", false, false);
    add(out, "NUL in a header", get("X-Nul: a\0b"), false, false);
    out.add(new Hostile("2 KB of garbage, half-closed", garbage(), true, false));
    add(out, "half-closed, nothing sent", "", true, true);
    out.add(
        new Hostile(
            "a valid call, half-closed", WireCall.rpc("supervisor.getState", false), true, false));
    return out;
  }

  private static void add(List<Hostile> out, String name, String raw, boolean half, boolean close) {
    out.add(new Hostile(name, raw.getBytes(StandardCharsets.ISO_8859_1), half, close));
  }

  private static String post(String body) {
    return post(body.length(), body);
  }

  private static String post(int length, String body) {
    return "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: "
        + length
        + "\r\n\r\n"
        + body;
  }

  private static String get(String header) {
    return "GET /RPC2 HTTP/1.1\r\nHost: x\r\n" + header + "\r\n\r\n";
  }

  private static String nested(int depth) {
    return "<methodCall><methodName>system.multicall</methodName><params><param>"
        + "<value><array><data>".repeat(depth)
        + "</data></array></value>".repeat(depth)
        + "</param></params></methodCall>";
  }

  private static String laughs() {
    StringBuilder b = new StringBuilder("<?xml version='1.0'?><!DOCTYPE l [<!ENTITY l0 'ha'>");
    for (int i = 1; i <= 9; i++) {
      b.append("<!ENTITY l").append(i).append(" '").append(("&l" + (i - 1) + ";").repeat(10));
      b.append("'>");
    }
    return b.append("]><methodCall><methodName>&l9;</methodName></methodCall>").toString();
  }

  private static byte[] badUtf8() {
    String body =
        "<methodCall><methodName>supervisor.getProcessInfo</methodName><params><param><value>"
            + "<string>\u00ff\u00fe</string></value></param></params></methodCall>";
    byte[] b = post(body).getBytes(StandardCharsets.ISO_8859_1); // 0xFF 0xFE: never UTF-8
    return b;
  }

  private static byte[] garbage() {
    byte[] b = new byte[2048];
    new Random(7).nextBytes(b);
    return b;
  }
}
