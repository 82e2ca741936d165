package dev.tend.tui.text;

import java.util.Set;

/**
 * How many terminal columns text takes. Matches what the view's toolkit draws (CJK blocks are two
 * columns, characters outside the BMP two), so wrapping and truncation line up with the screen.
 * Text reaching here has no control or zero-width characters ({@link LogDecoder} removes them).
 */
public final class DisplayWidth {
  private static final Set<Character.UnicodeBlock> WIDE =
      Set.of(
          Character.UnicodeBlock.HIRAGANA,
          Character.UnicodeBlock.KATAKANA,
          Character.UnicodeBlock.KATAKANA_PHONETIC_EXTENSIONS,
          Character.UnicodeBlock.HANGUL_COMPATIBILITY_JAMO,
          Character.UnicodeBlock.HANGUL_JAMO,
          Character.UnicodeBlock.HANGUL_SYLLABLES,
          Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS,
          Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS_EXTENSION_A,
          Character.UnicodeBlock.CJK_COMPATIBILITY_FORMS,
          Character.UnicodeBlock.CJK_COMPATIBILITY_IDEOGRAPHS,
          Character.UnicodeBlock.CJK_RADICALS_SUPPLEMENT,
          Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION,
          Character.UnicodeBlock.ENCLOSED_CJK_LETTERS_AND_MONTHS);

  private DisplayWidth() {}

  // the BMP's widths, found on first use (a block lookup is a binary search): 0 = not yet known
  private static final byte[] BMP = new byte[0x10000];

  /** Columns of one code point: 2 for CJK and anything outside the BMP, else 1. */
  public static int of(int codePoint) {
    if (codePoint < 0x1100) {
      return 1;
    }
    if (codePoint > 0xffff) {
      return 2;
    }
    byte known = BMP[codePoint];
    if (known == 0) {
      known = (byte) lookup(codePoint);
      BMP[codePoint] = known; // a benign race: every thread computes the same value
    }
    return known;
  }

  private static int lookup(int codePoint) {
    Character.UnicodeBlock b = Character.UnicodeBlock.of(codePoint);
    if (b == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS) {
      return codePoint < 0xff61 ? 2 : 1;
    }
    return b != null && WIDE.contains(b) ? 2 : 1;
  }

  /** Columns of a string. */
  public static int of(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += of(cp);
      i += Character.charCount(cp);
    }
    return w;
  }

  /**
   * The longest prefix of {@code s} from char index {@code from} that fits in {@code columns};
   * returns the end char index (never splits a surrogate pair or a wide character).
   */
  public static int fit(String s, int from, int columns) {
    int w = 0;
    int i = from;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int cw = of(cp);
      if (w + cw > columns) {
        break;
      }
      w += cw;
      i += Character.charCount(cp);
    }
    return i;
  }

  /** {@code s} cut to {@code columns}, ending in {@code ellipsis} when it was cut. */
  public static String truncate(String s, int columns, String ellipsis) {
    if (columns <= 0) {
      return "";
    }
    if (of(s) <= columns) {
      return s;
    }
    int ew = of(ellipsis);
    if (columns <= ew) {
      return s.substring(0, fit(s, 0, columns));
    }
    return s.substring(0, fit(s, 0, columns - ew)) + ellipsis;
  }
}
