package dev.tend.control.server;

import dev.tend.control.xmlrpc.XmlRpcLimits;
import java.util.List;
import java.util.Locale;

/**
 * The table of limits and timeouts in docs/COMPATIBILITY.md, made from the limits the server runs
 * with, so the docs cannot say other values than the code ({@code LimitsTableTest} compares them).
 */
final class LimitsTable {
  private LimitsTable() {}

  /** One row: the limit, its value, and what a client that exceeds it gets. */
  record Row(String limit, String value, String exceeded) {}

  static List<Row> rows(ServerLimits l) {
    XmlRpcLimits xml = l.xml();
    return List.of(
        new Row(
            "request line and headers",
            size(l.maxHeaderBytes()) + ", " + l.maxHeaderCount() + " fields",
            "`431` (`414` when the request line alone is longer), closed"),
        new Row("request body", size(xml.maxBytes()), "`413` before any of it is read, closed"),
        new Row(
            "XML of one call",
            "nesting "
                + xml.maxDepth()
                + ", "
                + count(xml.maxElements())
                + " elements, "
                + size(xml.maxStringLength())
                + " in one string",
            "`400`, as supervisord answers a body that is not a call"),
        new Row(
            "request bodies being read at once, all connections",
            size(l.maxBodyMemory()),
            "`503`, closed"),
        new Row(
            "head: first byte to the blank line",
            ServerLimits.words(l.headerTimeout()),
            "`408`, closed (a client trickling a byte every few seconds is cut off)"),
        new Row(
            "body: blank line to its last byte",
            ServerLimits.words(l.bodyTimeout()),
            "`408`, closed"),
        new Row(
            "keep-alive: idle between requests",
            ServerLimits.words(l.idleTimeout()),
            "closed quietly (no request was begun; a `408` could be read as the answer to one)"),
        new Row(
            "a write the client does not read",
            ServerLimits.words(l.writeTimeout()),
            "closed (no answer can get through)"),
        new Row(
            "after a refusal, what the client still sends",
            ServerLimits.words(Connection.LINGER) + ", " + size(Connection.LINGER_BYTES),
            "read and dropped, then closed (so TCP does not reset the answer away)"),
        new Row(
            "open connections, all listeners",
            count(l.maxConnections()),
            "the kept-alive connection idle longest is closed to make room; if none is idle,"
                + " `503`, closed"),
        new Row(
            "malformed (bad request line, bad header, two lengths, folding, a body cut short, ...)",
            "—",
            "`400` at once (`505` for an unknown HTTP version, `501` for a transfer coding other"
                + " than chunked, `417` for an unknown `Expect`), closed"));
  }

  /** The Markdown table, header included, one line per row. */
  static String markdown(ServerLimits l) {
    StringBuilder s =
        new StringBuilder("| limit | value | a client over it gets |\n|---|---|---|\n");
    for (Row r : rows(l)) {
      s.append("| ")
          .append(r.limit())
          .append(" | ")
          .append(r.value())
          .append(" | ")
          .append(r.exceeded())
          .append(" |\n");
    }
    return s.toString();
  }

  /** "8 KiB", "4 MiB": sizes as the docs say them (whole units only). */
  static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return (bytes >> 10) + " KiB";
    }
    return count(bytes) + " bytes";
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
