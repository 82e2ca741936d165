package dev.tend.logs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tend.api.Fault;
import dev.tend.api.FaultException;
import dev.tend.api.LogTail;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Spec §3.5 row by row, on a 40-byte file {@code 0123...W}; every expected value was taken from
 * supervisor 4.2.5's own readFile and tailFile on the same file.
 */
class LogFileReaderTest {
  private static final String CONTENT = "0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW";

  @TempDir Path dir;
  Path file;

  @BeforeEach
  void writeFile() throws IOException {
    file = dir.resolve("x.log");
    Files.write(file, CONTENT.getBytes(US_ASCII));
  }

  @ParameterizedTest(name = "readFile({0}, {1}) = ''{2}''")
  @CsvSource({
    "0, 0, 0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW", // offset >= 0, length 0: to EOF
    "5, 0, 56789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW",
    "40, 0, ''", // offset at EOF
    "50, 0, ''", // offset past EOF
    "0, 4, 0123", // up to length bytes
    "5, 100, 56789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW",
    "-4, 0, TUVW", // negative offset, length 0: the last bytes
    "-1000, 0, 0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW", // the whole file when larger
  })
  void readFollowsTheTable(long offset, long length, String expected) {
    assertEquals(expected, new String(LogFileReader.read(file, offset, length), US_ASCII));
  }

  @ParameterizedTest(name = "readFile({0}, {1}) = BAD_ARGUMENTS")
  @CsvSource({"-4, 1", "-4, -1", "0, -1", "5, -3"})
  void readRejectsBadArguments(long offset, long length) {
    FaultException e =
        assertThrows(FaultException.class, () -> LogFileReader.read(file, offset, length));
    assertEquals(Fault.BAD_ARGUMENTS, e.fault());
    assertEquals("BAD_ARGUMENTS", e.faultString());
  }

  @Test
  void readOfAMissingFileIsNoFileWithThePath() {
    Path missing = dir.resolve("gone.log");
    FaultException e = assertThrows(FaultException.class, () -> LogFileReader.read(missing, 0, 0));
    assertEquals(Fault.NO_FILE, e.fault());
    assertEquals("NO_FILE: " + missing, e.faultString());
  }

  @Test
  void readWithoutAFileIsBareNoFile() {
    FaultException e = assertThrows(FaultException.class, () -> LogFileReader.read(null, 0, 0));
    assertEquals("NO_FILE", e.faultString());
  }

  @Test
  void readOfSomethingUnreadableFails() {
    FaultException e = assertThrows(FaultException.class, () -> LogFileReader.read(dir, 0, 0));
    assertEquals(Fault.FAILED, e.fault());
  }

  @Test
  void readOfADeviceFailsInsteadOfReadingIt() {
    FaultException e =
        assertThrows(FaultException.class, () -> LogFileReader.read(Path.of("/dev/zero"), 0, 10));
    assertEquals(Fault.FAILED, e.fault());
  }

  @ParameterizedTest(name = "tailFile({0}, {1}) = [''{2}'', 40, {3}]")
  @CsvSource({
    "32, 10, NOPQRSTUVW, false", // quirk: resends bytes 30..31, before the offset
    "0, 10, NOPQRSTUVW, true", // size > offset+length: overflow, the last length bytes
    "40, 10, '', false", // offset at EOF
    "50, 10, '', false", // offset past EOF
    "30, 10, NOPQRSTUVW, false",
    "39, 1, W, false",
    "0, 40, 0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW, false",
    "0, 50, 0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVW, false",
    "0, -5, '', true", // negative length reads nothing, yet overflows
    "35, -5, '', true",
    "-5, 10, NOPQRSTUVW, true",
    "-3, 3, UVW, true",
    "38, 0, '', true",
    "0, 0, '', true",
  })
  void tailFollowsSupervisordsArithmetic(long offset, long length, String data, boolean overflow) {
    assertEquals(
        new LogTail(data.getBytes(US_ASCII), 40, overflow),
        LogFileReader.tail(file, offset, length));
  }

  @Test
  void tailOfAnEmptyFileIsEmptyAtZero() throws IOException {
    Path empty = Files.createFile(dir.resolve("empty.log"));
    assertEquals(new LogTail(new byte[0], 0, false), LogFileReader.tail(empty, 0, 10));
    assertEquals(new LogTail(new byte[0], 0, false), LogFileReader.tail(empty, 5, 10));
  }

  @Test
  void tailOfAMissingFileIsEmptyAtZero() {
    assertEquals(
        new LogTail(new byte[0], 0, false), LogFileReader.tail(dir.resolve("gone.log"), 7, 10));
    assertEquals(new LogTail(new byte[0], 0, false), LogFileReader.tail(null, 7, 10));
  }

  @Test
  void tailOfSomethingUnreadableKeepsTheOffset() {
    assertEquals(new LogTail(new byte[0], 7, false), LogFileReader.tail(dir, 7, 10));
  }

  @Test
  void readsBinaryBytesUntouched() throws IOException {
    byte[] all = new byte[256];
    for (int i = 0; i < 256; i++) {
      all[i] = (byte) i;
    }
    Files.write(file, all);
    assertArrayEquals(all, LogFileReader.read(file, 0, 0));
    assertArrayEquals(all, LogFileReader.tail(file, 0, 256).data());
  }
}
