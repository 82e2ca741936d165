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
 * <p>It works on the bytes directly (markup is ASCII; {@link CharacterData} reads the text between
 * tags). It checks well-formedness (every end tag closes the open element) and the caller's {@link
 * XmlRpcLimits}; the grammar of XML-RPC is the parser's.
 *
 * <p>Two deliberate leniencies, both so that text survives a round trip: character data may hold
 * control characters XML 1.0 forbids (supervisord sends them raw when a log holds ANSI colours,
 * supervisor issue #85), and line ends are not normalized (a {@code \r} in a log line stays).
 */
final class XmlScanner {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final byte[] DECLARATION = ascii("<?xml");
  static final byte[] COMMENT_OPEN = ascii("<!--");
  static final byte[] CDATA_OPEN = ascii("<![CDATA[");
  static final byte[] CDATA_CLOSE = ascii("]]>");
  private static final byte[] DOCTYPE = ascii("<!DOCTYPE");

  /** Bytes that may be part of an element name, as far as finding where it ends goes. */
  private static final boolean[] NAME_BYTES = nameBytes();

  private final byte[] in;
  private final int begin;
  private final int end;
  private final XmlRpcLimits limits;
  private final XmlRpcTag[] open;
  private final CharacterData text;

  private int pos; // next unread byte, begin <= pos <= end
  private int depth; // elements open: open[0..depth)
  private int elements; // start tags read so far, <= limits.maxElements()
  private @Nullable XmlRpcTag pendingEnd; // end of the <x/> just read, for the next read

  private @Nullable XmlRpcTag tag; // the tag last read
  private boolean isEnd; // whether that tag was an end tag
  private int tagAt; // offset of that tag's '<', for error positions

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
    this.text = new CharacterData(this, in, end, limits.maxStringLength());
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
        boolean bang = pos + 1 < end && in[pos + 1] == '!'; // else a tag: the common case
        if (bang && isAt(pos, COMMENT_OPEN)) {
          skipComment();
          continue;
        }
        if (bang && isAt(pos, CDATA_OPEN)) {
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
    if (takePendingEnd()) {
      text.empty(pos);
      return;
    }
    pos = text.read(pos);
    readTag();
  }

  /** The character data {@link #nextAfterText} read. */
  String text() {
    return text.string();
  }

  /** The text as a struct member name: the same few names recur, so they are shared. */
  String memberName() {
    return text.sharedString();
  }

  /** Whether the text {@link #nextAfterText} read is empty or only XML whitespace. */
  boolean textIsWhitespace() {
    return text.isWhitespace();
  }

  /** The text as base64 decoded; whitespace inside it is ignored, anything else invalid. */
  byte[] textAsBase64() throws XmlRpcParseException {
    return text.base64();
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
    XmlRpcTag t = endTag && depth > 0 ? readName(open[depth - 1]) : readName(null);
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

  /**
   * Reads an element name; {@code expected} (the element an end tag should close) is checked first,
   * which spares the lookup for nearly every end tag.
   */
  private XmlRpcTag readName(@Nullable XmlRpcTag expected) throws XmlRpcParseException {
    int from = pos;
    if (expected != null) {
      int after = from + expected.xmlName.length();
      if (after < end && !NAME_BYTES[in[after] & 0xFF] && expected.isNamedBy(in, from, after)) {
        pos = after;
        return expected;
      }
    }
    while (pos < end && NAME_BYTES[in[pos] & 0xFF]) {
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
    pos = skipComment(pos);
  }

  /** Skips the comment that starts at {@code at}; returns the index after it. */
  int skipComment(int at) throws XmlRpcParseException {
    int p = at + COMMENT_OPEN.length;
    while (p + 1 < end) {
      if (in[p] == '-' && in[p + 1] == '-') {
        if (p + 2 < end && in[p + 2] == '>') {
          return p + 3;
        }
        throw error("'--' is not allowed inside a comment", p);
      }
      p++;
    }
    throw error("unterminated comment", at);
  }

  // ---- small things ----

  XmlRpcParseException unexpectedEnd() {
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

  private static boolean[] nameBytes() {
    boolean[] t = new boolean[256];
    java.util.Arrays.fill(t, true);
    for (char c : "></<=\"'& \n\t\r".toCharArray()) {
      t[c] = false;
    }
    return t;
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
