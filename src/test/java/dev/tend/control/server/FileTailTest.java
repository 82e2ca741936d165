package dev.tend.control.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main log follower behaves as supervisord's tail_f_producer. */
class FileTailTest {
  @TempDir Path dir;

  private static String poll(FileTail t) throws Exception {
    return new String(t.poll(1 << 16), StandardCharsets.UTF_8);
  }

  private static void append(Path f, String s) throws Exception {
    Files.writeString(f, s, StandardOpenOption.APPEND);
  }

  @Test
  void startsWithTheLastBytesThenFollows() throws Exception {
    Path f = dir.resolve("main.log");
    Files.writeString(f, "0123456789");
    try (FileTail t = new FileTail(f, 4)) {
      assertEquals("6789", poll(t));
      assertEquals("", poll(t));
      append(f, "abc");
      assertEquals("abc", poll(t));
    }
  }

  @Test
  void aShrunkFileIsAnnouncedAndReadFromTheStart() throws Exception {
    Path f = dir.resolve("main.log");
    Files.writeString(f, "a long first line\n");
    try (FileTail t = new FileTail(f, 1024)) {
      assertEquals("a long first line\n", poll(t));
      Files.writeString(f, "new\n"); // truncates in place
      assertEquals("==> File truncated <==\n", poll(t));
      assertEquals("new\n", poll(t));
    }
  }

  @Test
  void aReplacedFileIsReopenedAndReadFromTheStart() throws Exception {
    Path f = dir.resolve("main.log");
    Files.writeString(f, "old\n");
    try (FileTail t = new FileTail(f, 1024)) {
      assertEquals("old\n", poll(t));
      Files.move(f, dir.resolve("main.log.1"));
      assertEquals("", poll(t)); // unlinked, not yet recreated
      Files.writeString(f, "fresh\n");
      assertEquals("fresh\n", poll(t));
    }
  }
}
