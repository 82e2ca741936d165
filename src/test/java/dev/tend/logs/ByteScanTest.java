package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ByteScanTest {
  private static int naive(ByteBuffer b, int from, int to, byte target) {
    for (int i = from; i < to; i++) {
      if (b.get(i) == target) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void findsTheFirstOccurrenceLikeAByteLoopInEveryOrderAndKind() {
    SplittableRandom random = new SplittableRandom(9);
    for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
      for (boolean direct : new boolean[] {false, true}) {
        for (int round = 0; round < 3000; round++) {
          int len = random.nextInt(40);
          ByteBuffer b = (direct ? ByteBuffer.allocateDirect(len) : ByteBuffer.allocate(len));
          b.order(order);
          byte[] alphabet = {0, 1, (byte) 0x80, (byte) 0xff, 0x1b, '<', '\n', 0x7f};
          for (int i = 0; i < len; i++) {
            b.put(i, alphabet[random.nextInt(alphabet.length)]);
          }
          byte target = alphabet[random.nextInt(alphabet.length)];
          int from = len == 0 ? 0 : random.nextInt(len + 1);
          int to = from + random.nextInt(len - from + 1);
          assertEquals(
              naive(b, from, to, target),
              ByteScan.indexOf(b, from, to, target),
              order + " direct=" + direct + " round " + round);
        }
      }
    }
  }

  @Test
  void aByteJustAboveATargetIsNoFalseHit() {
    // 0x1b ^ 0x1b = 0 next to 0x1c ^ 0x1b = 0x07 and 0x9b ^ 0x1b = 0x80: the classic trick's traps
    ByteBuffer b = ByteBuffer.wrap(new byte[] {0x1c, (byte) 0x9b, 0x1a, 0, 1, 2, 3, 0x1b, 9});
    assertEquals(7, ByteScan.indexOf(b, 0, 9, (byte) 0x1b));
    b.order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(7, ByteScan.indexOf(b, 0, 9, (byte) 0x1b));
  }
}
