package dev.tend.logs;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CaptureSplitterTest {
  private static final String BEGIN = "<!--XSUPERVISOR:BEGIN-->";
  private static final String END = "<!--XSUPERVISOR:END-->";

  /** Records pieces as {@code T:text}, {@code C:captured}, {@code [} and {@code ]}, merged. */
  static final class RecordingTarget implements CaptureSplitter.Target {
    final List<String> events = new ArrayList<>();

    private void add(String kind, ByteBuffer data) {
      byte[] b = new byte[data.remaining()];
      data.get(b);
      String s = new String(b, ISO_8859_1);
      int last = events.size() - 1;
      if (last >= 0 && events.get(last).startsWith(kind)) {
        events.set(last, events.get(last) + s);
      } else if (!s.isEmpty()) {
        events.add(kind + s);
      }
    }

    @Override
    public void text(ByteBuffer data) {
      add("T:", data);
    }

    @Override
    public void captured(ByteBuffer data) {
      add("C:", data);
    }

    @Override
    public void toggled(boolean capturing) {
      events.add(capturing ? "[" : "]");
    }
  }

  /** The same split done on the whole input at once, by plain searching. */
  static List<String> reference(String s) {
    RecordingTarget t = new RecordingTarget();
    boolean capturing = false;
    int i = 0;
    while (true) {
      String token = capturing ? END : BEGIN;
      int at = s.indexOf(token, i);
      String piece = s.substring(i, at < 0 ? s.length() : at);
      ByteBuffer b = ByteBuffer.wrap(piece.getBytes(ISO_8859_1));
      if (capturing) {
        t.captured(b);
      } else {
        t.text(b);
      }
      if (at < 0) {
        return t.events;
      }
      capturing = !capturing;
      t.toggled(capturing);
      i = at + token.length();
    }
  }

  static List<String> split(String s, int... cuts) {
    CaptureSplitter splitter = new CaptureSplitter();
    RecordingTarget t = new RecordingTarget();
    byte[] bytes = s.getBytes(ISO_8859_1);
    int from = 0;
    for (int cut : cuts) {
      splitter.split(ByteBuffer.wrap(bytes, from, cut - from), t);
      from = cut;
    }
    splitter.split(ByteBuffer.wrap(bytes, from, bytes.length - from), t);
    splitter.finish(t);
    return t.events;
  }

  @Test
  void splitsTextAndABlockAndDropsTheTokens() {
    assertEquals(
        List.of("T:before", "[", "C:captured", "]", "T:after\n"),
        split("before" + BEGIN + "captured" + END + "after\n"));
  }

  @Test
  void tokensSplitAcrossReadsAtEveryBytePositionAreFound() {
    String input = "before" + BEGIN + "captured" + END + "after\n";
    List<String> expected = reference(input);
    for (int i = 0; i <= input.length(); i++) {
      assertEquals(expected, split(input, i), "cut at " + i);
    }
  }

  @Test
  void oneByteReadsFindTheTokensToo() {
    String input = "x" + BEGIN + "a<!--b" + END + "<!--XSUPERVISOR:BEGI" + "y";
    int[] everyByte = new int[input.length() - 1];
    for (int i = 0; i < everyByte.length; i++) {
      everyByte[i] = i + 1;
    }
    assertEquals(reference(input), split(input, everyByte));
  }

  @Test
  void aFailedPartialTokenIsPassedOnAsTheBytesItWas() {
    assertEquals(List.of("T:<!--XSUPERVISOR:BEGIX"), split("<!--XSUPERVISOR:BEGIX", 10));
    assertEquals(
        List.of("T:<!--XSUP", "[", "C:z"), split("<!--XSUP" + BEGIN + "z", 4, 12), "restarts");
    assertEquals(List.of("T:<<!", "[", "C:q"), split("<<!" + BEGIN + "q", 1, 3));
  }

  @Test
  void aPartialTokenHeldAtEndOfFileIsPassedOn() {
    assertEquals(List.of("T:out<!--XSUPER"), split("out<!--XSUPER"));
    assertEquals(List.of("[", "C:in<!--XSUPERVISOR:EN"), split(BEGIN + "in<!--XSUPERVISOR:EN"));
  }

  @Test
  void randomStreamsInRandomPiecesSplitAsTheWholeDoes() {
    SplittableRandom random = new SplittableRandom(11);
    String[] parts = {BEGIN, END, "<!--XSUP", "<", "<!", "-->", "a", "\n", "<!--XSUPERVISOR:"};
    for (int round = 0; round < 3000; round++) {
      StringBuilder s = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        s.append(parts[random.nextInt(parts.length)]);
      }
      int[] cuts = random.ints(random.nextInt(5), 0, s.length() + 1).sorted().toArray();
      assertEquals(reference(s.toString()), split(s.toString(), cuts), "input " + s);
    }
  }
}
