package dev.tend.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Expected strings are what Python 3's repr() prints for the same values. */
class PythonReprTest {
  @Test
  void reprOfBytesEscapesWhatIsNotPrintableAscii() {
    assertEquals("b'ok\\xff\\n\\x00\\x7f'", PythonRepr.of(new byte[] {'o', 'k', -1, '\n', 0, 127}));
    assertEquals("b\"'\"", PythonRepr.of(new byte[] {'\''}));
    assertEquals("b'\\\\'", PythonRepr.of(new byte[] {'\\'}));
  }

  @Test
  void outputIsDecodedStrictly() {
    assertEquals("h\u00e9", PythonRepr.output("h\u00e9".getBytes(StandardCharsets.UTF_8)));
    assertEquals("Undecodable: b'\\xc3'", PythonRepr.output(new byte[] {(byte) 0xc3}));
    assertNull(PythonRepr.decodeStrict(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}));
  }
}
