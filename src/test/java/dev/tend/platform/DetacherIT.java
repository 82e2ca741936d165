package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A copy of this JVM started detached, and the readiness handshake both ways. */
class DetacherIT {
  @TempDir Path tmp;

  private Detacher.Detached start(String mode) throws SpawnException {
    List<String> cmd =
        Detacher.currentJvmCommand(
            DetachedChildMain.class.getName(), List.of(tmp.resolve("seen").toString(), mode));
    return Detacher.start(cmd, Map.of("PATH", "/usr/bin:/bin"), tmp);
  }

  @Test
  void detachedChildRunsInItsOwnSessionAndReportsReady() throws Exception {
    Detacher.Detached child = start("ready");
    assertNull(child.awaitReady(Duration.ofSeconds(60)));
    LibC.waitpid(child.pid(), new int[1], 0);
    String[] seen = Files.readString(tmp.resolve("seen")).split("\n");
    String[] stat = seen[0].split(" ");
    assertEquals(Integer.toString(child.pid()), stat[3], "session leader: sid = pid");
    assertEquals("cwd=" + tmp, seen[1]);
    assertEquals("stdin=/dev/null", seen[3]);
  }

  @Test
  void childThatFailsPassesItsMessageToTheParent() throws Exception {
    Detacher.Detached child = start("fail");
    assertEquals(
        "Error: cannot open http server: address in use", child.awaitReady(Duration.ofSeconds(60)));
    LibC.waitpid(child.pid(), new int[1], 0);
  }

  @Test
  void childThatDiesSilentlyIsReportedWithItsExitStatus() throws Exception {
    Detacher.Detached child = start("die");
    String why = child.awaitReady(Duration.ofSeconds(60));
    assertTrue(why != null && why.endsWith("ended before it was ready (exit status 3)"), why);
  }
}
