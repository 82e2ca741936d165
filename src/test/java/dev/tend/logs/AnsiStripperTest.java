package dev.tend.logs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnsiStripperTest {

  /**
   * supervisord's dispatchers.stripEscapes restated (for one whole input): in text, find the next
   * ESC [ and keep what precedes it; then drop up to and including a terminator.
   */
  static String reference(String s) {
    StringBuilder out = new StringBuilder();
    boolean show = true;
    int i = 0;
    while (i < s.length()) {
      if (!show && "HfABCDRsuJKhlpm".indexOf(s.charAt(i)) >= 0) {
        show = true;
      } else if (show) {
        int n = s.indexOf("\u001b[", i);
        if (n < 0) {
          return out.append(s, i, s.length()).toString();
        }
        out.append(s, i, n);
        i = n;
        show = false;
      }
      i++;
    }
    return out.toString();
  }

  /** Strips {@code s} fed in pieces cut at {@code cuts} (ascending indexes). */
  static String strip(String s, int... cuts) {
    AnsiStripper stripper = new AnsiStripper();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteStage collect =
        data -> {
          while (data.hasRemaining()) {
            out.write(data.get());
          }
        };
    byte[] bytes = s.getBytes(ISO_8859_1);
    int from = 0;
    for (int cut : cuts) {
      stripper.strip(ByteBuffer.wrap(bytes, from, cut - from), collect);
      from = cut;
    }
    stripper.strip(ByteBuffer.wrap(bytes, from, bytes.length - from), collect);
    stripper.finish(collect);
    return out.toString(ISO_8859_1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain text\n",
        "\u001b[31mred\u001b[0m plain",
        "\u001b[1;32;40mbold\u001b[m",
        "\u001b[2J\u001b[Hhome",
        "\u001b[?25lhidden cursor\u001b[?25h",
        "lone \u001b escape kept",
        "\u001b\u001b[31mdouble esc",
        "\u001b[2Ghello", // G is no terminator: dropped up to the h of hello
        "open escape at the end \u001b[31",
        "esc at the very end \u001b",
        "\u001b[12\u001b[31mX", // ESC inside an escape is dropped with it
        "",
      })
  void aWholeInputIsStrippedExactlyAsSupervisordDoes(String input) {
    assertEquals(reference(input), strip(input));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a\u001b[31mred\u001b[0mb",
        "x\u001b\u001b[1mbold\u001b[?25l\u001b",
        "\u001b[2Ghello\u001bworld\u001b[K",
      })
  void anEscapeSplitAcrossReadsIsStrippedAsIfWhole(String input) {
    String expected = reference(input);
    for (int i = 0; i <= input.length(); i++) {
      assertEquals(expected, strip(input, i), "cut at " + i);
      for (int j = i; j <= input.length(); j++) {
        assertEquals(expected, strip(input, i, j), "cuts at " + i + ", " + j);
      }
    }
  }

  @Test
  void randomInputsInRandomPiecesMatchTheWholeInputReference() {
    SplittableRandom random = new SplittableRandom(42);
    String alphabet = "\u001b\u001b[[mHa1;\nG";
    for (int round = 0; round < 2000; round++) {
      StringBuilder s = new StringBuilder();
      int len = random.nextInt(40);
      for (int i = 0; i < len; i++) {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      int[] cuts = random.ints(random.nextInt(4), 0, len + 1).sorted().toArray();
      assertEquals(reference(s.toString()), strip(s.toString(), cuts), "input " + s);
    }
  }
}
