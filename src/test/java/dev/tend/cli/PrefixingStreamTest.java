package dev.tend.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PrefixingStreamTest {
  @Test
  void linesArriveWholeWithThePrefixAndALastPartialLineIsEndedOnClose() {
    ByteArrayOutputStream target = new ByteArrayOutputStream();
    PrintStream shared = new PrintStream(target, true, StandardCharsets.UTF_8);
    PrefixingStream a = new PrefixingStream(shared, "a | ".getBytes(StandardCharsets.UTF_8));
    PrefixingStream b = new PrefixingStream(shared, "b | ".getBytes(StandardCharsets.UTF_8));
    a.write("one ha".getBytes(StandardCharsets.UTF_8), 0, 6);
    b.write("two\nthr".getBytes(StandardCharsets.UTF_8), 0, 7);
    a.write("lf\n".getBytes(StandardCharsets.UTF_8), 0, 3);
    b.write('e');
    b.write('e');
    b.close();
    a.close();
    assertEquals("b | two\na | one half\nb | three\n", target.toString(StandardCharsets.UTF_8));
  }
}
