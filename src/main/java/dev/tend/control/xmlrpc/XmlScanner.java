package dev.tend.control.xmlrpc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A pull scanner for the XML subset XML-RPC needs: elements without attributes, character data with
 * the five predefined entities and numeric character references, CDATA sections, comments, and an
 * optional leading {@code <?xml ...?>} declaration in UTF-8. Everything else a general XML parser
 * would accept (DOCTYPE, entity declarations, processing instructions, attributes, other encodings)
 * is an error, so no document can reach outside itself or expand.
 *
 * <p>It works on the bytes directly: markup is ASCII, and character data that holds no reference,
 * CDATA or comment becomes a string with one copy. It checks well-formedness (every end tag closes
 * the open element) and the caller's {@link XmlRpcLimits}; the grammar of XML-RPC is the parser's.
 *
 * <p>Two deliberate leniencies, both so that text survives a round trip: character data may hold
 * control characters XML 1.0 forbids (supervisord sends them raw when a log holds ANSI colours,
 * supervisor issue #85), and line ends are not normalized (a {@code \r} in a log line stays).
 */
final class XmlScanner {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] DECLARATION = ascii("<?xml");
  private static final byte[] COMMENT_OPEN = ascii("<!--");
  private static final byte[] CDATA_OPEN = ascii("<![CDATA[");
  private static final byte[] CDATA_CLOSE = ascii("]]>");
  private static final byte[] DOCTYPE = ascii("<!DOCTYPE");

  private final byte[] in;
  private final int begin;
  private final int end;
  private final XmlRpcLimits limits;
  private final XmlRpcTag[] open;

  private int pos; // next unread byte, begin <= pos <= end
  private int depth; // elements open: open[0..depth)
  private int elements; // start tags read so far, <= limits.maxElements()
  private @Nullable XmlRpcTag
      pendingEnd; // end of a just-returned <x/>, handed out by the next read

  private @Nullable XmlRpcTag tag; // the tag last read
  private boolean isEnd; // whether that tag was an end tag
  private int tagAt; // offset of that tag's '<', for error positions

  private boolean buffered; // text is chars[0..charCount) rather than the raw in[rawFrom..rawTo)
  private int rawFrom; // start of raw text when !buffered
  private int rawTo; // end of raw text when !buffered
  private boolean rawAscii; // raw text holds only ASCII bytes
  private int textChars; // length of the text in chars, <= limits.maxStringLength()
  private char[] chars = new char[64]; // buffered text, grown on demand
  private int charCount; // chars used in the buffer

  XmlScanner(byte[] in, int offset, int length, XmlRpcLimits limits) throws XmlRpcParseException {
    if (offset < 0 || length < 0 || offset > in.length - length) {
      throw new IllegalArgumentException(
          "range [" + offset + ", +" + length + ") is outside an array of " + in.length);
    }
    this.in = in;
    this.begin = offset;
    this.end = offset + length;
    this.limits = limits;
    this.pos = offset;
    this.open = new XmlRpcTag[limits.maxDepth()];
    if (length > limits.maxBytes()) {
      throw error(
          "document of " + length + " bytes is over the limit of " + limits.maxBytes(),
          (int) (begin + limits.maxBytes()));
    }
  }

  // ---- what the parser reads ----

  /** The tag last read by {@link #next} or {@link #nextAfterText}. */
  XmlRpcTag tag() {
    XmlRpcTag t = tag;
    if (t == null) {
      throw new IllegalStateException("no tag read yet");
    }
    return t;
  }

  boolean isEnd() {
    return isEnd;
  }

  int tagOffset() {
    return tagAt;
  }

  /** Skips a byte-order mark, the XML declaration, whitespace and comments before the root. */
  void prolog() throws XmlRpcParseException {
    if (isAt(pos, BOM)) {
      pos += BOM.length;
    }
    if (isAt(pos, DECLARATION) && pos + 5 < end && isWhitespace(in[pos + 5])) {
      XmlDeclaration.read(this);
    }
  }

  /** After the root element: only whitespace and comments may follow. */
  void epilogue() throws XmlRpcParseException {
    while (pos < end) {
      byte b = in[pos];
      if (isWhitespace(b)) {
        pos++;
      } else if (isAt(pos, COMMENT_OPEN)) {
        skipComment();
      } else {
        throw error("unexpected content after the document element", pos);
      }
    }
  }

  /** Reads the next tag where only whitespace and comments may come before it. */
  void next() throws XmlRpcParseException {
    if (takePendingEnd()) {
      return;
    }
    while (true) {
      if (pos >= end) {
        throw unexpectedEnd();
      }
      byte b = in[pos];
      if (b == '<') {
        if (isAt(pos, COMMENT_OPEN)) {
          skipComment();
          continue;
        }
        if (isAt(pos, CDATA_OPEN)) {
          throw error("unexpected CDATA " + where(), pos);
        }
        readTag();
        return;
      }
      if (!isWhitespace(b)) {
        throw error("unexpected text " + where(), pos);
      }
      pos++;
    }
  }

  /** Reads character data up to the next tag, then that tag; {@link #text} holds the data. */
  void nextAfterText() throws XmlRpcParseException {
    buffered = false;
    rawAscii = true;
    textChars = 0;
    charCount = 0;
    if (takePendingEnd()) {
      rawFrom = pos;
      rawTo = pos;
      return;
    }
    int run = pos; // start of the plain bytes not yet copied anywhere
    rawFrom = pos;
    int max = limits.maxStringLength();
    while (true) {
      if (pos >= end) {
        throw unexpectedEnd();
      }
      int b = in[pos] & 0xFF;
      if (b == '<') {
        if (isAt(pos, COMMENT_OPEN)) {
          run = switchToBuffer(run);
          skipComment();
          run = pos;
        } else if (isAt(pos, CDATA_OPEN)) {
          run = switchToBuffer(run);
          readCdata();
          run = pos;
        } else {
          if (buffered) {
            appendRun(run, pos);
          } else {
            rawTo = pos;
          }
          readTag();
          return;
        }
      } else if (b == '&') {
        run = switchToBuffer(run);
        readReference();
        run = pos;
      } else if (b < 0x80) {
        if (b == ']' && isAt(pos, CDATA_CLOSE)) {
          throw error("']]>' is not allowed in character data", pos);
        }
        pos++;
        if (++textChars > max) {
          throw tooLong();
        }
      } else {
        rawAscii = false;
        int next = Utf8.validate(in, pos, end);
        if (next < 0) {
          throw error("malformed UTF-8", pos);
        }
        textChars += next - pos == 4 ? 2 : 1;
        pos = next;
        if (textChars > max) {
          throw tooLong();
        }
      }
    }
  }

  /** The character data {@link #nextAfterText} read. */
  String text() {
    if (buffered) {
      return new String(chars, 0, charCount);
    }
    return new String(
        in,
        rawFrom,
        rawTo - rawFrom,
        rawAscii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
  }

  /** Whether the text {@link #nextAfterText} read is empty or only XML whitespace. */
  boolean textIsWhitespace() {
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
      if (!isWhitespace(in[i])) {
        return false;
      }
    }
    return true;
  }

  /** The text as base64 decoded; whitespace inside it is ignored, anything else invalid. */
  byte[] textAsBase64() throws XmlRpcParseException {
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
      throw error("malformed base64", rawFrom);
    }
    return decoded;
  }

  XmlRpcParseException error(String reason, int at) {
    int line = 1;
    int column = 1;
    int stop = Math.min(at, end);
    for (int i = begin; i < stop; i++) {
      if (in[i] == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new XmlRpcParseException(reason, at - begin, line, column);
  }

  // ---- used by XmlDeclaration ----

  byte[] input() {
    return in;
  }

  int position() {
    return pos;
  }

  int end() {
    return end;
  }

  void moveTo(int position) {
    pos = position;
  }

  // ---- markup ----

  private void readTag() throws XmlRpcParseException {
    tagAt = pos;
    int p = pos + 1;
    if (p >= end) {
      throw unexpectedEnd();
    }
    byte b = in[p];
    if (b == '!') {
      throw isAt(pos, DOCTYPE)
          ? error("DOCTYPE is not allowed (no DTDs, no entities)", pos)
          : error("markup declarations are not allowed", pos);
    }
    if (b == '?') {
      throw error("processing instructions are not allowed", pos);
    }
    boolean endTag = b == '/';
    pos = endTag ? p + 1 : p;
    XmlRpcTag t = readName();
    while (pos < end && isWhitespace(in[pos])) {
      pos++;
    }
    boolean empty = !endTag && pos < end && in[pos] == '/';
    if (empty) {
      pos++;
    }
    if (pos >= end) {
      throw unexpectedEnd();
    }
    if (in[pos] != '>') {
      throw error(
          endTag ? "malformed end tag </" + t.xmlName : "attributes are not allowed on " + t, pos);
    }
    pos++;
    tag = t;
    isEnd = endTag;
    if (endTag) {
      close(t);
    } else {
      open(t);
      if (empty) {
        pendingEnd = t;
      }
    }
  }

  private XmlRpcTag readName() throws XmlRpcParseException {
    int from = pos;
    while (pos < end && isNameByte(in[pos])) {
      pos++;
    }
    XmlRpcTag t = XmlRpcTag.lookup(in, from, pos);
    if (t == null) {
      if (from == pos) {
        throw error("malformed tag", tagAt);
      }
      int shown = Math.min(pos - from, 40);
      throw error(
          "unknown element <" + new String(in, from, shown, StandardCharsets.UTF_8) + ">", tagAt);
    }
    return t;
  }

  private void open(XmlRpcTag t) throws XmlRpcParseException {
    if (++elements > limits.maxElements()) {
      throw error("more than " + limits.maxElements() + " elements", tagAt);
    }
    if (depth == open.length) {
      throw error("elements nested deeper than " + open.length, tagAt);
    }
    open[depth++] = t;
  }

  private void close(XmlRpcTag t) throws XmlRpcParseException {
    if (depth == 0) {
      throw error("end tag </" + t.xmlName + "> without a start tag", tagAt);
    }
    XmlRpcTag innermost = open[depth - 1];
    if (innermost != t) {
      throw error("</" + t.xmlName + "> does not close " + innermost, tagAt);
    }
    depth--;
  }

  private boolean takePendingEnd() {
    XmlRpcTag t = pendingEnd;
    if (t == null) {
      return false;
    }
    pendingEnd = null;
    tag = t;
    isEnd = true;
    depth--;
    return true;
  }

  private void skipComment() throws XmlRpcParseException {
    int at = pos;
    int p = pos + COMMENT_OPEN.length;
    while (p + 1 < end) {
      if (in[p] == '-' && in[p + 1] == '-') {
        if (p + 2 < end && in[p + 2] == '>') {
          pos = p + 3;
          return;
        }
        throw error("'--' is not allowed inside a comment", p);
      }
      p++;
    }
    throw error("unterminated comment", at);
  }

  // ---- character data ----

  private void readCdata() throws XmlRpcParseException {
    int at = pos;
    int from = pos + CDATA_OPEN.length;
    int p = from;
    int max = limits.maxStringLength();
    while (true) {
      if (p >= end) {
        throw error("unterminated CDATA section", at);
      }
      int b = in[p] & 0xFF;
      if (b == ']' && isAt(p, CDATA_CLOSE)) {
        break;
      }
      if (b < 0x80) {
        p++;
        textChars++;
      } else {
        int next = Utf8.validate(in, p, end);
        if (next < 0) {
          throw error("malformed UTF-8", p);
        }
        textChars += next - p == 4 ? 2 : 1;
        p = next;
      }
      if (textChars > max) {
        throw tooLong();
      }
    }
    appendRun(from, p);
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
          throw error("malformed character reference", at);
        }
        codePoint = codePoint * radix + digit;
        p++;
      }
      if (p >= end || p == digitsFrom) {
        throw error("malformed character reference", at);
      }
      if (codePoint > 0x10FFFF || (codePoint >= 0xD800 && codePoint <= 0xDFFF)) {
        throw error("character reference to an invalid code point", at);
      }
    } else {
      int nameFrom = p;
      while (p < end && p - nameFrom <= 4 && in[p] != ';') {
        p++;
      }
      if (p >= end || in[p] != ';') {
        throw error("malformed entity reference", at);
      }
      codePoint = predefinedEntity(nameFrom, p);
      if (codePoint < 0) {
        int shown = p - nameFrom;
        throw error(
            "undefined entity &" + new String(in, nameFrom, shown, StandardCharsets.UTF_8) + ";",
            at);
      }
    }
    pos = p + 1;
    textChars += Character.charCount(codePoint);
    if (textChars > limits.maxStringLength()) {
      throw tooLong();
    }
    ensureCapacity(2);
    charCount += Character.toChars(codePoint, chars, charCount);
  }

  private int predefinedEntity(int from, int to) {
    return switch (to - from) {
      case 2 -> {
        if (in[from + 1] != 't') {
          yield -1;
        }
        yield in[from] == 'l' ? '<' : in[from] == 'g' ? '>' : -1;
      }
      case 3 -> isAt(from, AMP) ? '&' : -1;
      case 4 -> isAt(from, QUOT) ? '"' : isAt(from, APOS) ? '\'' : -1;
      default -> -1;
    };
  }

  private static final byte[] AMP = ascii("amp");
  private static final byte[] QUOT = ascii("quot");
  private static final byte[] APOS = ascii("apos");

  /** Moves text kept as a raw byte range into the buffer; returns where the next run starts. */
  private int switchToBuffer(int run) {
    if (!buffered) {
      buffered = true;
      appendRun(rawFrom, pos);
    } else {
      appendRun(run, pos);
    }
    return pos;
  }

  /** Appends already validated UTF-8 bytes {@code in[from, to)} to the buffer. */
  private void appendRun(int from, int to) {
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
        int codePoint = Utf8.decode(in, i);
        n += Character.toChars(codePoint, c, n);
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

  // ---- small things ----

  private XmlRpcParseException tooLong() {
    return error("text longer than " + limits.maxStringLength() + " characters", pos);
  }

  private XmlRpcParseException unexpectedEnd() {
    return depth == 0
        ? error("no document element", pos)
        : error("unexpected end of document; " + open[depth - 1] + " is not closed", pos);
  }

  private String where() {
    return depth == 0 ? "outside the document element" : "in " + open[depth - 1];
  }

  boolean isAt(int at, byte[] expected) {
    return at <= end - expected.length
        && Arrays.equals(in, at, at + expected.length, expected, 0, expected.length);
  }

  static boolean isWhitespace(byte b) {
    return b == ' ' || b == '\n' || b == '\t' || b == '\r';
  }

  private static boolean isNameByte(byte b) {
    return switch (b) {
      case '>', '/', '<', '=', '"', '\'', '&', ' ', '\n', '\t', '\r' -> false;
      default -> true;
    };
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
