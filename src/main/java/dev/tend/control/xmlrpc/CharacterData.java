package dev.tend.control.xmlrpc;

import static dev.tend.control.xmlrpc.XmlScanner.CDATA_CLOSE;
import static dev.tend.control.xmlrpc.XmlScanner.CDATA_OPEN;
import static dev.tend.control.xmlrpc.XmlScanner.COMMENT_OPEN;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The character data between two tags, for {@link XmlScanner}: validated UTF-8 with references
 * resolved, CDATA sections taken literally and comments dropped, bounded by the string limit.
 *
 * <p>Text that is one plain run of bytes (the usual case) stays a range of the input and becomes a
 * string with one copy; a reference, CDATA section or comment moves it into a char buffer.
 */
final class CharacterData {
  private static final byte[] AMP = XmlScanner.ascii("amp");
  private static final byte[] QUOT = XmlScanner.ascii("quot");
  private static final byte[] APOS = XmlScanner.ascii("apos");
  private static final int SHARED_SLOTS = 64;

  /** ASCII bytes with no meaning in character data: all but {@code < & ]}. */
  private static final boolean[] PLAIN = plainBytes();

  private final XmlScanner scanner;
  private final byte[] in;
  private final int end;
  private final int maxChars;

  private boolean buffered; // the text is chars[0..charCount), not the raw in[rawFrom..rawTo)
  private int rawFrom; // start of the raw text when !buffered
  private int rawTo; // end of the raw text when !buffered
  private boolean rawAscii; // the raw text holds only ASCII bytes
  private int textChars; // length of the text in chars, <= maxChars
  private char[] chars = new char[64]; // buffered text, grown on demand
  private int charCount; // chars used in the buffer
  private int pos; // next unread byte during read()
  private String @Nullable [] shared; // member names seen, by hash; made on first use

  CharacterData(XmlScanner scanner, byte[] in, int end, int maxChars) {
    this.scanner = scanner;
    this.in = in;
    this.end = end;
    this.maxChars = maxChars;
  }

  /** No text, at {@code at} (the content of an empty-element tag). */
  void empty(int at) {
    buffered = false;
    rawFrom = at;
    rawTo = at;
  }

  /** Reads character data from {@code at} up to the next tag; returns the index of its '<'. */
  int read(int at) throws XmlRpcParseException {
    buffered = false;
    rawAscii = true;
    textChars = 0;
    charCount = 0;
    pos = at;
    rawFrom = at;
    int run = at; // start of plain bytes not yet copied into the buffer
    while (true) {
      skipPlainAscii();
      if (pos >= end) {
        throw scanner.unexpectedEnd();
      }
      int b = in[pos] & 0xFF;
      if (b == '<') {
        boolean bang = pos + 1 < end && in[pos + 1] == '!'; // else a tag: the common case
        if (bang && scanner.isAt(pos, COMMENT_OPEN)) {
          bufferRun(run);
          pos = scanner.skipComment(pos);
          run = pos;
        } else if (bang && scanner.isAt(pos, CDATA_OPEN)) {
          bufferRun(run);
          readCdata();
          run = pos;
        } else {
          if (buffered) {
            append(run, pos);
          } else {
            rawTo = pos;
          }
          return pos;
        }
      } else if (b == '&') {
        bufferRun(run);
        readReference();
        run = pos;
      } else if (b < 0x80) {
        if (b == ']' && scanner.isAt(pos, CDATA_CLOSE)) {
          throw scanner.error("']]>' is not allowed in character data", pos);
        }
        pos++;
        if (++textChars > maxChars) {
          throw tooLong();
        }
      } else {
        rawAscii = false;
        pos = validUtf8(pos);
      }
    }
  }

  /**
   * Moves past ASCII bytes that need no attention, counting them: the hot loop, kept to one load
   * and a table lookup per byte.
   */
  private void skipPlainAscii() throws XmlRpcParseException {
    int p = pos;
    int stop = (int) Math.min(end, p + (long) maxChars - textChars + 1);
    byte[] bytes = in;
    while (p < stop && PLAIN[bytes[p] & 0xFF]) {
      p++;
    }
    textChars += p - pos;
    pos = p;
    if (textChars > maxChars) {
      throw tooLong();
    }
  }

  private static boolean[] plainBytes() {
    boolean[] t = new boolean[256];
    for (int b = 0; b < 0x80; b++) {
      t[b] = b != '<' && b != '&' && b != ']';
    }
    return t;
  }

  String string() {
    if (buffered) {
      return new String(chars, 0, charCount);
    }
    return new String(
        in,
        rawFrom,
        rawTo - rawFrom,
        rawAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /**
   * Like {@link #string}, but a short ASCII text seen before in this document comes back as the
   * same String: struct member names repeat in every struct of an array.
   */
  String sharedString() {
    int length = rawTo - rawFrom;
    if (buffered || !rawAscii || length > 32) {
      return string();
    }
    int hash = 0;
    for (int i = rawFrom; i < rawTo; i++) {
      hash = 31 * hash + in[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SHARED_SLOTS - 1);
    if (shared == null) {
      shared = new String[SHARED_SLOTS];
    }
    String known = shared[slot];
    if (known != null && known.length() == length && sameAscii(known, rawFrom)) {
      return known;
    }
    String s = string();
    shared[slot] = s;
    return s;
  }

  private boolean sameAscii(String s, int from) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) != in[from + i]) {
        return false;
      }
    }
    return true;
  }

  boolean isWhitespace() {
    if (buffered) {
      for (int i = 0; i < charCount; i++) {
        char c = chars[i];
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return false;
        }
      }
      return true;
    }
    for (int i = rawFrom; i < rawTo; i++) {
      if (!XmlScanner.isWhitespace(in[i])) {
        return false;
      }
    }
    return true;
  }

  byte[] base64() throws XmlRpcParseException {
    byte[] decoded;
    if (buffered) {
      byte[] ascii = new byte[charCount];
      for (int i = 0; i < charCount; i++) {
        ascii[i] = chars[i] < 0x80 ? (byte) chars[i] : (byte) '?';
      }
      decoded = Base64Text.decode(ascii, 0, charCount);
    } else {
      decoded = Base64Text.decode(in, rawFrom, rawTo);
    }
    if (decoded == null) {
      throw scanner.error("malformed base64", rawFrom);
    }
    return decoded;
  }

  /** Checks the UTF-8 sequence at {@code at} and counts it; returns the index after it. */
  private int validUtf8(int at) throws XmlRpcParseException {
    int next = Utf8.validate(in, at, end);
    if (next < 0) {
      throw scanner.error("malformed UTF-8", at);
    }
    textChars += next - at == 4 ? 2 : 1; // a supplementary character is two Java chars
    if (textChars > maxChars) {
      throw tooLong();
    }
    return next;
  }

  private void readCdata() throws XmlRpcParseException {
    int at = pos;
    int from = pos + CDATA_OPEN.length;
    int p = from;
    while (true) {
      if (p >= end) {
        throw scanner.error("unterminated CDATA section", at);
      }
      int b = in[p] & 0xFF;
      if (b == ']' && scanner.isAt(p, CDATA_CLOSE)) {
        break;
      }
      if (b < 0x80) {
        p++;
        if (++textChars > maxChars) {
          throw tooLong();
        }
      } else {
        p = validUtf8(p);
      }
    }
    append(from, p);
    pos = p + CDATA_CLOSE.length;
  }

  private void readReference() throws XmlRpcParseException {
    int at = pos;
    int p = pos + 1;
    int codePoint;
    if (p < end && in[p] == '#') {
      p++;
      int radix = 10;
      if (p < end && in[p] == 'x') {
        radix = 16;
        p++;
      }
      int digitsFrom = p;
      codePoint = 0;
      while (p < end && in[p] != ';') {
        int digit = Character.digit(in[p], radix);
        if (digit < 0 || codePoint > 0x10FFFF) {
          throw scanner.error("malformed character reference", at);
        }
        codePoint = codePoint * radix + digit;
        p++;
      }
      if (p >= end || p == digitsFrom) {
        throw scanner.error("malformed character reference", at);
      }
      if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        throw scanner.error("character reference to an invalid code point", at);
      }
    } else {
      int nameFrom = p;
      while (p < end && p - nameFrom <= 4 && in[p] != ';') {
        p++;
      }
      if (p >= end || in[p] != ';') {
        throw scanner.error("malformed entity reference", at);
      }
      codePoint = predefinedEntity(nameFrom, p);
      if (codePoint < 0) {
        String name = new String(in, nameFrom, p - nameFrom, StandardCharsets.UTF_8);
        throw scanner.error("undefined entity &" + name + ";", at);
      }
    }
    pos = p + 1;
    textChars += Character.charCount(codePoint);
    if (textChars > maxChars) {
      throw tooLong();
    }
    ensureCapacity(2);
    charCount += Character.toChars(codePoint, chars, charCount);
  }

  /** The character one of XML's five predefined entities stands for, or -1. */
  private int predefinedEntity(int from, int to) {
    return switch (to - from) {
      case 2 -> {
        if (in[from + 1] != 't') {
          yield -1;
        }
        yield in[from] == 'l' ? '<' : in[from] == 'g' ? '>' : -1;
      }
      case 3 -> scanner.isAt(from, AMP) ? '&' : -1;
      case 4 -> scanner.isAt(from, QUOT) ? '"' : scanner.isAt(from, APOS) ? '\'' : -1;
      default -> -1;
    };
  }

  /** Moves the text read so far into the buffer, if not yet there. */
  private void bufferRun(int run) {
    if (!buffered) {
      buffered = true;
      append(rawFrom, pos);
    } else {
      append(run, pos);
    }
  }

  /** Appends already validated UTF-8 bytes {@code in[from, to)} to the buffer. */
  private void append(int from, int to) {
    ensureCapacity(to - from);
    char[] c = chars;
    int n = charCount;
    int i = from;
    while (i < to) {
      int b = in[i];
      if (b >= 0) {
        c[n++] = (char) b;
        i++;
      } else {
        n += Character.toChars(Utf8.decode(in, i), c, n);
        i += Utf8.sequenceLength(b);
      }
    }
    charCount = n;
  }

  private void ensureCapacity(int more) {
    int needed = charCount + more;
    if (needed > chars.length) {
      chars = Arrays.copyOf(chars, Math.max(needed, chars.length * 2));
    }
  }

  private XmlRpcParseException tooLong() {
    return scanner.error("text longer than " + maxChars + " characters", pos);
  }
}
