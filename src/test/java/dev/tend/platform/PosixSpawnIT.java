package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posix_spawn details the launcher tests do not reach: the fd-listing fallback, sessions. */
class PosixSpawnIT {
  @TempDir Path tmp;

  private String run(PosixSpawn spawn, Path out) throws Exception {
    int pid = spawn.start();
    int[] status = new int[1];
    assertEquals(pid, LibC.waitpid(pid, status, 0));
    assertEquals(ExitStatus.exited(0), ExitStatus.fromWaitStatus(status[0]));
    return Files.readString(out);
  }

  @Test
  void closingEachOpenFdWorksWhereClosefromIsMissing() throws Exception {
    Path out = tmp.resolve("fds");
    Pipe leaky = Pipe.open(0);
    LibCVarargs.C.fcntl(leaky.readFd(), LibC.F_SETFD, 0); // not close-on-exec: must be closed
    try {
      String fds =
          run(
              new PosixSpawn("/bin/ls", List.of("ls", "/proc/self/fd"), List.of())
                  .open(1, out.toString(), LibC.O_WRONLY | LibC.O_CREAT | LibC.O_TRUNC)
                  .closingEachOpenFd(),
              out);
      assertEquals("0\n1\n2\n3\n", fds, "0-2, and 3: the directory ls reads");
    } finally {
      leaky.close();
    }
  }

  @Test
  void newSessionMakesTheChildASessionLeader() throws Exception {
    Path out = tmp.resolve("stat");
    String stat =
        run(
            new PosixSpawn("/bin/sh", List.of("sh", "-c", "cat /proc/$$/stat > " + out), List.of())
                .newSession(),
            out);
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    String pid = stat.substring(0, stat.indexOf(' '));
    assertEquals(List.of(pid, pid), List.of(f[2], f[3]), "pgid and sid");
  }
}
