package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Memory;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tty on a pseudo-terminal this test opens. */
class TtyIT {
  private static final int ICANON = 0x2;
  private static final int ECHO = 0x8;
  private static final int C_LFLAG = 12;
  private int master = -1;
  private int slave = -1;

  @BeforeEach
  void openPty() {
    master = LibC.posix_openpt(LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
    assertTrue(master >= 0 && LibC.grantpt(master) == 0 && LibC.unlockpt(master) == 0);
    try (Memory name = new Memory(128)) {
      assertEquals(0, LibC.ptsname_r(master, name, 128));
      slave = LibCVarargs.C.open(CStrings.read(name), LibC.O_RDWR | LibC.O_NOCTTY | LibC.O_CLOEXEC);
    }
    assertTrue(slave >= 0);
  }

  @AfterEach
  void closePty() {
    LibC.close(slave);
    LibC.close(master);
  }

  @Test
  void knowsATerminalFromAPipe() throws Exception {
    assertTrue(Tty.isatty(slave));
    Pipe pipe = Pipe.open(0);
    try {
      assertFalse(Tty.isatty(pipe.readFd()));
      assertEquals(Optional.empty(), Tty.size(pipe.readFd()));
    } finally {
      pipe.close();
    }
  }

  @Test
  void readsTheWindowSize() {
    try (Memory ws = new Memory(8)) {
      ws.clear();
      ws.setShort(0, (short) 42);
      ws.setShort(2, (short) 132);
      assertEquals(0, LibCVarargs.C.ioctl(master, LibC.TIOCSWINSZ, ws));
    }
    assertEquals(Optional.of(new Tty.Size(42, 132)), Tty.size(slave));
  }

  @Test
  void rawModeClearsEchoAndLineEditingAndCloseRestores() throws Exception {
    byte[] before = Tty.attributes(slave);
    assertTrue((lflag(before) & (ICANON | ECHO)) != 0);
    Tty.RawMode raw = Tty.enterRaw(slave);
    assertEquals(0, lflag(Tty.attributes(slave)) & (ICANON | ECHO));
    raw.close();
    assertArrayEquals(before, Tty.attributes(slave));
  }

  private static int lflag(byte[] termios) {
    return (termios[C_LFLAG] & 0xff) | (termios[C_LFLAG + 1] & 0xff) << 8;
  }
}
