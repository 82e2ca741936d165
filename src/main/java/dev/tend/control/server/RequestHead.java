package dev.tend.control.server;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A request's line and header fields, parsed strictly (RFC 9112): a token method, an origin-form
 * target (absolute-form is read as its path), HTTP/1.0 or 1.1, header names that are tokens, values
 * without control characters, no line folding, one Host for HTTP/1.1 (empty is accepted:
 * supervisorctl's {@code tail -f} sends one over a unix socket), one body framing. Anything else is
 * an {@link HttpError}: never guessed at, since a request two parsers read differently is how
 * requests are smuggled.
 */
final class RequestHead {
  final String method;
  final String target;
  final boolean http11;
  final String[] names; // lower-case field names, in order
  final String[] values; // their values, trimmed
  final long contentLength; // -1 when absent
  final boolean chunked;
  final boolean keepAlive; // what the client asks; the response may still close
  final boolean expectContinue;

  private RequestHead(
      String method,
      String target,
      boolean http11,
      String[] names,
      String[] values,
      long contentLength,
      boolean chunked,
      boolean keepAlive,
      boolean expectContinue) {
    this.method = method;
    this.target = target;
    this.http11 = http11;
    this.names = names;
    this.values = values;
    this.contentLength = contentLength;
    this.chunked = chunked;
    this.keepAlive = keepAlive;
    this.expectContinue = expectContinue;
  }

  /** The first value of a field (name in lower case), or null. */
  @Nullable String header(String name) {
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(name)) {
        return values[i];
      }
    }
    return null;
  }

  /** Whether a body follows the head. */
  boolean hasBody() {
    return chunked || contentLength > 0;
  }

  /** The path of the target without its query, percent-decoded when it decodes (medusa does). */
  String path() {
    return TargetPath.of(target);
  }

  /**
   * Checks a request line as soon as it is complete, so a malformed request is refused without
   * waiting for headers that may never come.
   *
   * @param to the end of the line, without its CR LF
   */
  static void checkLine(byte[] b, int from, int to) throws HttpError {
    int sp1 = indexOf(b, from, to, (byte) ' ');
    int sp2 = sp1 < 0 ? -1 : indexOf(b, sp1 + 1, to, (byte) ' ');
    if (sp1 <= from || sp2 <= sp1 + 1 || indexOf(b, sp2 + 1, to, (byte) ' ') >= 0) {
      throw HttpError.malformed("request line is not METHOD TARGET VERSION");
    }
    for (int i = from; i < sp1; i++) {
      if (!HeaderChars.isToken(b[i])) {
        throw HttpError.malformed("bad method");
      }
    }
    for (int i = sp1 + 1; i < sp2; i++) {
      if (b[i] <= 0x20 || b[i] == 0x7f) {
        throw HttpError.malformed("bad request target");
      }
    }
    version(b, sp2 + 1, to);
  }

  private static boolean version(byte[] b, int from, int to) throws HttpError {
    if (to - from != 8 || !ascii(b, from, 5).equals("HTTP/") || b[from + 6] != '.') {
      throw HttpError.malformed("bad protocol version");
    }
    byte major = b[from + 5];
    byte minor = b[from + 7];
    if (major == '1' && (minor == '0' || minor == '1')) {
      return minor == '1';
    }
    if (major >= '0' && major <= '9' && minor >= '0' && minor <= '9') {
      throw new HttpError(
          HttpStatus.VERSION_NOT_SUPPORTED, Refusal.MALFORMED, "HTTP version not supported");
    }
    throw HttpError.malformed("bad protocol version");
  }

  /**
   * Parses a complete head: {@code b[from..to)} holds the request line, the fields and the blank
   * line that ends them.
   */
  static RequestHead parse(byte[] b, int from, int to, ServerLimits limits) throws HttpError {
    int lineEnd = lineEnd(b, from, to);
    int contentEnd = trimCr(b, from, lineEnd);
    checkLine(b, from, contentEnd);
    int sp1 = indexOf(b, from, contentEnd, (byte) ' ');
    int sp2 = indexOf(b, sp1 + 1, contentEnd, (byte) ' ');
    String method = ascii(b, from, sp1 - from);
    String target = ascii(b, sp1 + 1, sp2 - sp1 - 1);
    boolean http11 = version(b, sp2 + 1, contentEnd);
    checkTarget(method, target);
    Fields f = Fields.read(b, lineEnd + 1, to, limits.maxHeaderCount());
    return framing(method, target, http11, f);
  }

  private static void checkTarget(String method, String target) throws HttpError {
    boolean ok =
        target.startsWith("/")
            || (target.equals("*") && method.equals("OPTIONS"))
            || startsWithIgnoreCase(target, "http://")
            || startsWithIgnoreCase(target, "https://");
    if (!ok) {
      throw HttpError.malformed("request target is not a path");
    }
  }

  private static RequestHead framing(String method, String target, boolean http11, Fields f)
      throws HttpError {
    long length = -1;
    boolean chunked = false;
    boolean close = false;
    boolean keepAlive = false;
    boolean expect = false;
    int hosts = 0;
    for (int i = 0; i < f.count; i++) {
      String v = f.values[i];
      switch (f.names[i]) {
        case "content-length" -> length = contentLength(length, v);
        case "transfer-encoding" -> chunked = transferEncoding(http11, chunked, v);
        case "host" -> hosts++;
        case "connection" -> {
          for (String token : v.split(",")) {
            close |= token.strip().equalsIgnoreCase("close");
            keepAlive |= token.strip().equalsIgnoreCase("keep-alive");
          }
        }
        case "expect" -> expect = expectation(http11, v);
        default -> {}
      }
    }
    if (chunked && length >= 0) {
      throw HttpError.malformed("both Content-Length and Transfer-Encoding");
    }
    if (hosts > 1 || (http11 && hosts == 0)) {
      throw HttpError.malformed(hosts > 1 ? "more than one Host" : "HTTP/1.1 without Host");
    }
    boolean alive = http11 ? !close : keepAlive && !close;
    return new RequestHead(
        method,
        target,
        http11,
        java.util.Arrays.copyOf(f.names, f.count),
        java.util.Arrays.copyOf(f.values, f.count),
        length,
        chunked,
        alive,
        expect);
  }

  private static long contentLength(long previous, String v) throws HttpError {
    if (v.isEmpty()) {
      throw HttpError.malformed("empty Content-Length");
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) < '0' || v.charAt(i) > '9') {
        throw HttpError.malformed("Content-Length is not a number");
      }
    }
    if (v.length() > 18) {
      throw new HttpError(Refusal.BODY_TOO_LARGE, "Content-Length of " + v.length() + " digits");
    }
    long n = Long.parseLong(v);
    if (previous >= 0 && previous != n) {
      throw HttpError.malformed("conflicting Content-Length fields");
    }
    return n;
  }

  private static boolean transferEncoding(boolean http11, boolean already, String v)
      throws HttpError {
    if (!http11 || already) {
      throw HttpError.malformed("Transfer-Encoding in HTTP/1.0, or twice");
    }
    if (!v.equalsIgnoreCase("chunked")) {
      throw new HttpError(
          HttpStatus.NOT_IMPLEMENTED, Refusal.MALFORMED, "Transfer-Encoding other than chunked");
    }
    return true;
  }

  private static boolean expectation(boolean http11, String v) throws HttpError {
    if (!v.equalsIgnoreCase("100-continue")) {
      throw new HttpError(HttpStatus.EXPECTATION_FAILED, Refusal.MALFORMED, "unknown Expect");
    }
    return http11;
  }

  /** The index of the LF that ends the line starting at {@code from}. */
  private static int lineEnd(byte[] b, int from, int to) {
    int i = indexOf(b, from, to, (byte) '\n');
    return i < 0 ? to : i;
  }

  /** The end of a line's content: before its LF, and before a CR preceding it. */
  static int trimCr(byte[] b, int from, int lf) {
    return lf > from && b[lf - 1] == '\r' ? lf - 1 : lf;
  }

  static int indexOf(byte[] b, int from, int to, byte c) {
    for (int i = from; i < to; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  static String ascii(byte[] b, int from, int length) {
    return new String(b, from, length, StandardCharsets.ISO_8859_1);
  }

  private static boolean startsWithIgnoreCase(String s, String prefix) {
    return s.regionMatches(true, 0, prefix, 0, prefix.length());
  }

  /** The header fields of a head, names lower-cased. */
  private static final class Fields {
    // Grown as fields are added; the first count entries are filled.
    String[] names = new String[16];
    String[] values = new String[16];
    int count;

    static Fields read(byte[] b, int from, int to, int max) throws HttpError {
      Fields f = new Fields();
      int at = from;
      while (at < to) {
        int lf = lineEnd(b, at, to);
        int end = trimCr(b, at, lf);
        if (end == at) {
          return f; // the blank line
        }
        if (f.count == max) {
          throw new HttpError(Refusal.HEAD_TOO_LARGE, "more than " + max + " header fields");
        }
        f.add(b, at, end);
        at = lf + 1;
      }
      throw HttpError.malformed("head without its blank line");
    }

    private void add(byte[] b, int from, int to) throws HttpError {
      int colon = indexOf(b, from, to, (byte) ':');
      if (colon <= from) {
        throw HttpError.malformed(b[from] == ' ' || b[from] == '\t' ? "folded line" : "no name");
      }
      for (int i = from; i < colon; i++) {
        if (!HeaderChars.isToken(b[i])) {
          throw HttpError.malformed("bad field name");
        }
      }
      int vs = colon + 1;
      int ve = to;
      while (vs < ve && (b[vs] == ' ' || b[vs] == '\t')) {
        vs++;
      }
      while (ve > vs && (b[ve - 1] == ' ' || b[ve - 1] == '\t')) {
        ve--;
      }
      for (int i = vs; i < ve; i++) {
        if (!HeaderChars.isFieldValue(b[i])) {
          throw HttpError.malformed("control character in a field value");
        }
      }
      if (count == names.length) {
        grow();
      }
      names[count] = ascii(b, from, colon - from).toLowerCase(Locale.ROOT);
      values[count] = ascii(b, vs, ve - vs);
      count++;
    }

    private void grow() {
      names = java.util.Arrays.copyOf(names, names.length * 2);
      values = java.util.Arrays.copyOf(values, values.length * 2);
    }
  }
}
