package dev.tend.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A log of a program that wrote "NAME 1\n", "NAME 2\n", ... compared byte for byte with that
 * stream: where bytes are missing (a gap: a piece cut out anywhere, even inside lines) and how
 * many, and whether anything is there that the stream does not have at that point (a byte twice, or
 * out of order). The stream is taken up to the last whole line of the log.
 *
 * @param gaps the size in bytes of each piece missing, in order
 * @param lines the lines of the stream up to the log's last whole line
 * @param mismatch where the log holds what the stream does not (a duplicate), or -1
 */
record NumberedLog(List<Integer> gaps, int lines, long mismatch) {
  // A piece of the log this long is found once only in the stream: numbers only grow.
  private static final int PROBE = 48;

  long lostBytes() {
    return gaps.stream().mapToLong(Integer::longValue).sum();
  }

  static NumberedLog of(String name, byte[] log) {
    String s = new String(log, StandardCharsets.ISO_8859_1);
    int end = s.lastIndexOf('\n');
    int start = s.lastIndexOf('\n', end - 1) + 1;
    int last = Integer.parseInt(s.substring(start + name.length() + 1, end));
    StringBuilder e = new StringBuilder();
    for (int i = 1; i <= last; i++) {
      e.append(name).append(' ').append(i).append('\n');
    }
    String expected = e.toString();
    List<Integer> gaps = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < s.length()) {
      if (j < expected.length() && s.charAt(i) == expected.charAt(j)) {
        i++;
        j++;
        continue;
      }
      int resync = expected.indexOf(s.substring(i, Math.min(s.length(), i + PROBE)), j);
      if (resync < 0) {
        return new NumberedLog(gaps, last, i);
      }
      gaps.add(resync - j);
      j = resync;
    }
    return new NumberedLog(gaps, last, j == expected.length() ? -1 : i);
  }
}
