package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostnameTest {
  @TempDir Path dir;

  @Test
  void readsTheKernelsNodeNameWithoutTheNewline() throws Exception {
    Path f = dir.resolve("hostname");
    Files.writeString(f, "web-01\n");
    assertEquals("web-01", Hostname.read(f));
  }

  @Test
  void unreadableIsEmptyLikePlatformNode() {
    assertEquals("", Hostname.read(dir.resolve("missing")));
  }

  @Test
  void thisMachineHasOne() {
    assertFalse(Hostname.get().isEmpty());
  }
}
