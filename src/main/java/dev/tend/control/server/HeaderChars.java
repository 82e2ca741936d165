package dev.tend.control.server;

/** The character classes of RFC 9110 that the request parser checks bytes against. */
final class HeaderChars {
  private static final boolean[] TOKEN = new boolean[128];

  static {
    for (char c = '0'; c <= '9'; c++) {
      TOKEN[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      TOKEN[c] = true;
      TOKEN[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      TOKEN[c] = true;
    }
  }

  private HeaderChars() {}

  /** A tchar: what method names and field names are made of. */
  static boolean isToken(byte b) {
    return b > 0 && TOKEN[b];
  }

  /** Visible ASCII, space, tab, or obs-text (bytes 0x80-0xFF): no other control character. */
  static boolean isFieldValue(byte b) {
    return (b >= 0x20 && b != 0x7f) || b == '\t' || b < 0;
  }
}
