package dev.tend.logs;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The bytes side of Python formatting in supervisord's messages: {@code %r} of undecodable output
 * ({@code b'\xff'}) and strict UTF-8 decoding ({@link dev.tend.api.PythonText} has the text side).
 */
final class PythonRepr {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonRepr() {}

  /** {@code repr(bytes)}: {@code b'...'} with {@code \xNN} for what is not printable ASCII. */
  static String of(byte[] bytes) {
    boolean single = false;
    boolean dbl = false;
    for (byte b : bytes) {
      single |= b == '\'';
      dbl |= b == '"';
    }
    char q = single && !dbl ? '"' : '\'';
    StringBuilder out = new StringBuilder(bytes.length + 3).append('b').append(q);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (c == q || c == '\\') {
        out.append('\\').append((char) c);
      } else if (c < 0x20 || c >= 0x7f) {
        escapeControl(out, c);
      } else {
        out.append((char) c);
      }
    }
    return out.append(q).toString();
  }

  /** The text, or null when the bytes are not valid UTF-8 (Python's strict decode). */
  static @org.jspecify.annotations.Nullable String decodeStrict(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** supervisord's rendering of output in messages: the text, or {@code Undecodable: b'...'}. */
  static String output(byte[] bytes) {
    String text = decodeStrict(bytes);
    return text != null ? text : "Undecodable: " + of(bytes);
  }

  private static void escapeControl(StringBuilder out, int c) {
    switch (c) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      default -> out.append("\\x").append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
  }
}
