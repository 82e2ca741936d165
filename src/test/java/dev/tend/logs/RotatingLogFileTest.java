package dev.tend.logs;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogFileTest {
  @TempDir Path dir;

  private static void write(RotatingLogFile f, String s) throws IOException {
    byte[] b = s.getBytes(US_ASCII);
    f.write(b, 0, b.length);
  }

  /** Closes the file as a process's end of output does (the object lives on). */
  private static void closeBetweenRuns(RotatingLogFile f) throws IOException {
    f.close();
  }

  private static String read(Path p) throws IOException {
    return Files.readString(p, US_ASCII);
  }

  @Test
  void rotatesAfterTheWriteThatReachesMaxBytesSoAFileMayExceedItByOneWrite() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 10, 3)) {
      write(f, "123456");
      assertEquals("123456", read(p));
      assertFalse(Files.exists(f.backup(1)));
      write(f, "abcdef"); // 12 >= 10: rotate after this write
      assertEquals("123456abcdef", read(f.backup(1)));
      assertEquals("", read(p));
      assertEquals(0, f.size());
    }
  }

  @Test
  void aFileExactlyAtMaxBytesRotates() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 10, 1)) {
      write(f, "123456789");
      assertFalse(Files.exists(f.backup(1)));
      write(f, "0");
      assertEquals("1234567890", read(f.backup(1)));
    }
  }

  @Test
  void backupsShiftUpAndTheOldestFallsOff() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 5, 3)) {
      for (String s : List.of("11111", "22222", "33333", "44444", "55555", "666")) {
        write(f, s);
      }
      assertEquals("666", read(p));
      assertEquals("55555", read(f.backup(1)));
      assertEquals("44444", read(f.backup(2)));
      assertEquals("33333", read(f.backup(3)));
      assertFalse(Files.exists(f.backup(4)), "at most backups + 1 files");
      assertEquals(List.of(f.backup(3), f.backup(2), f.backup(1), p), f.existingFiles());
    }
  }

  @Test
  void noBackupsTruncatesInPlace() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 5, 0)) {
      write(f, "1234");
      Object inode = Files.readAttributes(p, "unix:ino").get("ino");
      write(f, "56");
      assertEquals("", read(p));
      assertFalse(Files.exists(f.backup(1)));
      assertEquals(inode, Files.readAttributes(p, "unix:ino").get("ino"), "same file, truncated");
      write(f, "7");
      assertEquals("7", read(p));
    }
  }

  @Test
  void maxBytesZeroNeverRotates() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 0, 5)) {
      for (int i = 0; i < 100; i++) {
        write(f, "0123456789");
      }
      assertEquals(1000, Files.size(p));
      assertEquals(List.of(p), f.existingFiles());
    }
  }

  @Test
  void appendsToWhatIsThereAndCountsItTowardsRotation() throws IOException {
    Path p = dir.resolve("a.log");
    Files.writeString(p, "old-bytes");
    try (RotatingLogFile f = RotatingLogFile.of(p, 10, 1)) {
      write(f, "+");
      assertEquals("old-bytes+", read(f.backup(1)));
    }
  }

  @Test
  void reopenAfterAnOutsideRenameStartsANewFileWithoutRenamingAnything() throws IOException {
    Path p = dir.resolve("a.log");
    Path moved = dir.resolve("a.log-20240501");
    try (RotatingLogFile f = RotatingLogFile.of(p, 0, 0)) {
      write(f, "before;");
      Files.move(p, moved); // logrotate without copytruncate
      write(f, "still-old;"); // the open file follows the rename
      f.reopen(); // SIGUSR2
      write(f, "new;");
      assertEquals("before;still-old;", read(moved));
      assertEquals("new;", read(p));
    }
  }

  @Test
  void reopenOfAnUnchangedFileKeepsAppending() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 100, 1)) {
      write(f, "a");
      f.reopen();
      write(f, "b");
      assertEquals("ab", read(p));
      assertEquals(2, f.size());
    }
  }

  @Test
  void removeDeletesTheFileAndItsBackupsAndStartsEmpty() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 4, 2)) {
      write(f, "1111");
      write(f, "2222");
      write(f, "33");
      f.remove();
      assertEquals(List.of(p), f.existingFiles());
      assertEquals("", read(p));
      assertTrue(f.isOpen());
      write(f, "after");
      assertEquals("after", read(f.backup(1)), "size counts from the new file");
    }
  }

  @Test
  void removeOfAClosedFileLeavesAnEmptyFileAndStaysClosed() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 0, 0)) {
      write(f, "x");
      closeBetweenRuns(f);
      f.remove();
      assertFalse(f.isOpen());
      assertEquals("", read(p));
    }
  }

  @Test
  void writeOpensAClosedFileAgain() throws IOException {
    Path p = dir.resolve("a.log");
    try (RotatingLogFile f = RotatingLogFile.of(p, 0, 0)) {
      f.create();
      assertTrue(Files.exists(p));
      assertFalse(f.isOpen());
      write(f, "1");
      closeBetweenRuns(f);
      closeBetweenRuns(f); // idempotent
      write(f, "2");
    }
    assertEquals("12", read(p));
  }

  @Test
  void worksOnADeviceWithMaxBytesZero() throws IOException {
    try (RotatingLogFile f = RotatingLogFile.of(Path.of("/dev/null"), 0, 0)) {
      for (int i = 0; i < 10; i++) {
        write(f, "discarded\n");
      }
      assertFalse(f.isRegular());
      assertEquals(0, f.size());
    }
  }

  @Test
  void aSymbolicLinkIsWrittenThroughButNeverMovedOrDeleted() throws IOException {
    Path target = Files.writeString(dir.resolve("target.log"), "");
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), target); // like /dev/stdout > file
    try (RotatingLogFile f = RotatingLogFile.of(link, 5, 2)) {
      write(f, "0123456789");
      write(f, "abc");
      assertTrue(Files.isSymbolicLink(link), "the link was not renamed");
      assertFalse(Files.exists(f.backup(1)));
      assertEquals("0123456789abc", read(target));
      f.remove();
      assertTrue(Files.isSymbolicLink(link), "clearing kept the link");
      assertEquals("", read(target));
      write(f, "new");
      assertEquals("new", read(target));
    }
  }

  @Test
  void clearingADeviceDeletesNothing() throws IOException {
    try (RotatingLogFile f = RotatingLogFile.of(Path.of("/dev/null"), 0, 2)) {
      write(f, "x");
      f.remove();
      assertTrue(Files.exists(Path.of("/dev/null")));
      assertFalse(Files.isRegularFile(Path.of("/dev/null")));
      write(f, "y");
    }
  }

  @Test
  void aPipeIsWrittenButNeverRotated() throws Exception {
    Path fifo = dir.resolve("fifo");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertTrue(mk.waitFor(10, TimeUnit.SECONDS) && mk.exitValue() == 0, "mkfifo");
    CompletableFuture<byte[]> reader =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
              } catch (IOException e) {
                throw new RuntimeException(e);
              }
            });
    try (RotatingLogFile f = RotatingLogFile.of(fifo, 10, 2)) {
      for (int i = 0; i < 5; i++) {
        write(f, "0123456789");
      }
    }
    assertEquals(50, reader.get(20, TimeUnit.SECONDS).length);
    assertFalse(Files.exists(dir.resolve("fifo.1")));
  }

  @Test
  void aFailedWriteThrowsAndTheFileStaysUsable() throws IOException {
    try (RotatingLogFile f = RotatingLogFile.of(Path.of("/dev/full"), 0, 0)) {
      IOException e = assertThrows(IOException.class, () -> write(f, "x"));
      assertTrue(String.valueOf(e.getMessage()).contains("No space"), e.toString());
      assertThrows(IOException.class, () -> write(f, "y"));
    }
  }

  @Test
  void rejectsNegativeSettings() {
    Path p = dir.resolve("a.log");
    assertThrows(IllegalArgumentException.class, () -> RotatingLogFile.of(p, -1, 0));
    assertThrows(IllegalArgumentException.class, () -> RotatingLogFile.of(p, 0, -1));
  }

  @Test
  void concurrentWritesRotationsAndReopensLoseNoRecord() throws Exception {
    Path p = dir.resolve("a.log");
    int writers = 3;
    int records = 2000;
    try (RotatingLogFile f = RotatingLogFile.of(p, 4096, 1000)) {
      List<CompletableFuture<Void>> all = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int id = w;
        all.add(
            CompletableFuture.runAsync(
                () -> {
                  try {
                    for (int i = 0; i < records; i++) {
                      write(f, "w" + id + "-" + i + "\n");
                      if (i % 500 == 0) {
                        f.reopen();
                      }
                    }
                  } catch (IOException e) {
                    throw new RuntimeException(e);
                  }
                }));
      }
      CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
      Set<String> seen = new HashSet<>();
      int lines = 0;
      for (Path file : f.existingFiles()) {
        for (String line : Files.readAllLines(file, US_ASCII)) {
          lines++;
          seen.add(line);
        }
      }
      assertEquals(writers * records, lines);
      assertEquals(writers * records, seen.size());
    }
  }
}
