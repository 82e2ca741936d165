package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** posix_spawn children as supervisord makes them: group, fds, env, cwd, argv[0], exits. */
class NativeProcessLauncherIT {
  private static NativeProcessLauncher launcher;

  @TempDir Path tmp;

  @BeforeAll
  static void open() throws IOException {
    launcher = NativeProcessLauncher.open();
  }

  @AfterAll
  static void close() {
    launcher.close();
  }

  @Test
  void childLeadsItsOwnProcessGroupInTheDaemonsSession() throws Exception {
    ChildRun run = ChildRun.of("sleep", "30").start(launcher);
    int pid = run.child.pid();
    String[] stat = ProcFs.stat(pid).orElseThrow();
    String[] self = ProcFs.stat(ProcFs.selfPid()).orElseThrow();
    assertEquals(Integer.toString(pid), stat[2], "pgid");
    assertEquals(self[3], stat[3], "session");
    assertEquals(0, run.child.signal(Signal.KILL, false));
    assertEquals(ExitStatus.killed(9, false), run.awaitExit());
  }

  @Test
  void startTimeIsTheKernelsAndOutlivesTheChild() throws Exception {
    ChildRun run = ChildRun.of("sleep", "30").start(launcher);
    long start = run.child.startTime();
    assertEquals(ProcessStart.of(run.child.pid()), start);
    assertTrue(start > 0);
    assertEquals(0, run.child.signal(Signal.KILL, false));
    assertEquals(ExitStatus.killed(9, false), run.awaitExit());
    // read once at the spawn: the roster and the keeper name the child by it even after its exit
    assertEquals(start, run.child.startTime());
  }

  @Test
  void environmentIsExactlyTheRequestedOne() throws Exception {
    Map<String, String> env = ChildRun.baseEnvironment();
    env.put("WITH_SPACE", "a b");
    env.put("EMPTY", "");
    env.put("MULTI", "x\ny");
    env.put("not-an-identifier", "1");
    ChildRun run = ChildRun.of("env", "-0").env(env).start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals(asEntries(env), entries(run.out.text()));
  }

  @Test
  void environmentThroughTheTrampolineKeepsPwdAndShlvlAsRequested() throws Exception {
    Map<String, String> env = ChildRun.baseEnvironment();
    env.put("PWD", "/somewhere/stale");
    env.put("SHLVL", "3");
    env.put("BASH_ENV", tmp.resolve("never-sourced").toString());
    Files.writeString(tmp.resolve("never-sourced"), "echo SOURCED\n");
    ChildRun run = ChildRun.of("env", "-0").env(env).directory(tmp).umask(022).start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals(asEntries(env), entries(run.out.text()));
  }

  @Test
  void workingDirectoryIsTheRequestedOne() throws Exception {
    Path real = tmp.toRealPath();
    ChildRun run = ChildRun.of("pwd", "-P").directory(real).start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals(real + "\n", run.out.text());
  }

  @Test
  void umaskIsApplied() throws Exception {
    ChildRun run = ChildRun.of("sh", "-c", "umask").umask(027).start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals("0027\n", run.out.text());
  }

  @Test
  void childHasExactlyFdsZeroOneTwo() throws Exception {
    for (boolean trampoline : new boolean[] {false, true}) {
      ChildRun.Builder b = ChildRun.of("sh", "-c", "ls /proc/$$/fd");
      ChildRun run = (trampoline ? b.umask(022) : b).start(launcher);
      assertEquals(ExitStatus.exited(0), run.awaitExit());
      assertEquals("0\n1\n2\n", run.out.text(), trampoline ? "via trampoline" : "direct");
    }
  }

  @Test
  void childStartsWithDefaultDispositionsAndAnEmptyMaskEvenWhenTheDaemonIgnoresASignal()
      throws Exception {
    Class<?> signalClass = Class.forName("sun.misc.Signal");
    Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
    Object usr1 = signalClass.getConstructor(String.class).newInstance("USR1");
    java.lang.reflect.Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
    Object previous = handle.invoke(null, usr1, handlerClass.getField("SIG_IGN").get(null));
    try {
      ChildRun run =
          ChildRun.of("grep", "-E", "^Sig(Blk|Ign)", "/proc/self/status").start(launcher);
      assertEquals(ExitStatus.exited(0), run.awaitExit());
      assertEquals("SigBlk:\t0000000000000000\nSigIgn:\t0000000000000000\n", run.out.text());
    } finally {
      handle.invoke(null, usr1, previous);
    }
  }

  @Test
  void argvZeroIsTheCommandAsWrittenOnBothPaths() throws Exception {
    for (boolean trampoline : new boolean[] {false, true}) {
      ChildRun.Builder b =
          ChildRun.of("my-name", "-c", "echo \"$0\"; tr '\\0' ' ' < /proc/$$/cmdline")
              .executable(Path.of("/bin/sh"));
      ChildRun run = (trampoline ? b.umask(022) : b).start(launcher);
      assertEquals(ExitStatus.exited(0), run.awaitExit());
      assertEquals(
          "my-name\nmy-name -c echo \"$0\"; tr '\\0' ' ' < /proc/$$/cmdline ",
          run.out.text(),
          trampoline ? "via trampoline" : "direct");
    }
  }

  @Test
  void outputWrittenJustBeforeExitArrivesBeforeOnExit() throws Exception {
    ChildRun run = ChildRun.of("seq", "1", "200000").start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertTrue(run.outAtExit.get().endsWith("\n199999\n200000\n"), "all of stdout before onExit");
    assertEquals(1, run.out.eofs());
  }

  @Test
  void stderrGoesToItsOwnSinkOrJoinsStdout() throws Exception {
    ChildRun apart = ChildRun.of("sh", "-c", "echo out; echo err >&2").start(launcher);
    apart.awaitExit();
    assertEquals("out\n", apart.out.text());
    assertEquals("err\n", apart.err.text());
    ChildRun joined =
        ChildRun.of("sh", "-c", "echo out; echo err >&2").redirectStderr().start(launcher);
    joined.awaitExit();
    assertEquals("out\nerr\n", joined.out.text());
  }

  @Test
  void exitCodeAndKillingSignalAreDecoded() throws Exception {
    assertEquals(
        ExitStatus.exited(3), ChildRun.of("sh", "-c", "exit 3").start(launcher).awaitExit());
    ExitStatus killed = ChildRun.of("sh", "-c", "kill -TERM $$").start(launcher).awaitExit();
    assertEquals(ExitStatus.killed(15, false), killed);
    assertEquals("terminated by SIGTERM", killed.describe());
  }

  @Test
  void missingProgramFailsInTheChildTheSupervisordWay() throws Exception {
    ChildRun run = ChildRun.of("/nonexistent/prog").start(launcher);
    assertEquals(ExitStatus.exited(127), run.awaitExit());
    assertEquals(
        "supervisor: couldn't exec /nonexistent/prog: ENOENT\n"
            + "supervisor: child process was not spawned\n",
        run.err.text());
  }

  @Test
  void notExecutableFileAndDirectoryFailWithEacces() throws Exception {
    Path plain = Files.writeString(tmp.resolve("plain"), "#!/bin/sh\necho hi\n");
    for (Path target : new Path[] {plain, tmp}) {
      ChildRun run = ChildRun.of("prog").executable(target).start(launcher);
      assertEquals(ExitStatus.exited(127), run.awaitExit());
      assertEquals(
          "supervisor: couldn't exec prog: EACCES\nsupervisor: child process was not spawned\n",
          run.err.text(),
          target.toString());
    }
  }

  @Test
  void missingDirectoryFailsInTheChildTheSupervisordWay() throws Exception {
    ChildRun run = ChildRun.of("true").directory(Path.of("/no/such/dir")).start(launcher);
    assertEquals(ExitStatus.exited(127), run.awaitExit());
    assertEquals(
        "supervisor: couldn't chdir to /no/such/dir: ENOENT\n"
            + "supervisor: child process was not spawned\n",
        run.err.text());
  }

  @Test
  void signalReachesTheProcessOnlyOrItsWholeGroup() throws Exception {
    ChildRun single = ChildRun.of("sh", "-c", "sleep 100 & sleep 100; :").start(launcher);
    Set<Integer> members = Awaited.groupMembers(single.child.pid(), 3);
    assertEquals(0, single.child.signal(Signal.TERM, false));
    assertEquals(ExitStatus.killed(15, false), single.awaitExit());
    members.remove(single.child.pid());
    assertTrue(members.stream().allMatch(ProcFs::alive), "the sleeps outlive their shell");
    members.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));

    ChildRun group = ChildRun.of("sh", "-c", "sleep 100 & sleep 100; :").start(launcher);
    Set<Integer> all = Awaited.groupMembers(group.child.pid(), 3);
    assertEquals(0, group.child.signal(Signal.TERM, true));
    assertEquals(ExitStatus.killed(15, false), group.awaitExit());
    Awaited.gone(all);
  }

  @Test
  void runningOutOfFdsInTheParentIsASpawnExceptionNamingTheErrno() {
    Rlimits.Limit limit = Rlimits.openFiles();
    long tight = ProcFs.openFdCount() + 1L; // room for one fd, a pipe needs two
    assertEquals(0, LibC.setrlimit(LibC.RLIMIT_NOFILE, new long[] {tight, limit.hard()}));
    SpawnException e;
    try {
      e = assertThrows(SpawnException.class, () -> ChildRun.of("true").start(launcher));
    } finally {
      LibC.setrlimit(LibC.RLIMIT_NOFILE, new long[] {limit.soft(), limit.hard()});
    }
    assertEquals("EMFILE", e.errnoName());
    assertEquals(0, launcher.liveChildren());
  }

  @Test
  void signalAfterReapReportsEsrch() throws Exception {
    ChildRun run = ChildRun.of("true").start(launcher);
    run.awaitExit();
    assertEquals(Errno.ESRCH, run.child.signal(Signal.TERM, false));
    assertEquals(Errno.ESRCH, run.child.signal(Signal.TERM, true));
  }

  @Test
  void stdinBytesReachTheChildAndAClosedPipeThrows() throws Exception {
    ChildRun run = ChildRun.of("head", "-c", "6").start(launcher);
    run.child.writeStdin("hel".getBytes());
    run.child.writeStdin("lo\n".getBytes());
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals("hello\n", run.out.text());
    assertThrows(IOException.class, () -> run.child.writeStdin("more".getBytes()));
  }

  @Test
  void stdinLargerThanThePipeBufferIsWrittenAsTheChildReads() throws Exception {
    byte[] big = new byte[1 << 20];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) ('a' + i % 26);
    }
    ChildRun run = ChildRun.of("head", "-c", Integer.toString(big.length)).start(launcher);
    run.child.writeStdin(big);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    assertEquals(new String(big, java.nio.charset.StandardCharsets.US_ASCII), run.out.text());
  }

  @Test
  void stdinIsAPipeThatStaysOpen() throws Exception {
    ChildRun run = ChildRun.of("sh", "-c", "read line; echo got $line").start(launcher);
    run.child.writeStdin(new byte[0]);
    run.child.writeStdin("x\n".getBytes());
    run.awaitExit();
    assertEquals("got x\n", run.out.text());
  }

  @Test
  void givenStdinFdIsTheChildsStdin() throws Exception {
    Path file = Files.writeString(tmp.resolve("input"), "from a file\n");
    int fd = LibCVarargs.C.open(file.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
    try {
      ChildRun run = ChildRun.of("cat").stdinFd(fd).start(launcher);
      assertEquals(ExitStatus.exited(0), run.awaitExit());
      assertEquals("from a file\n", run.out.text());
      assertThrows(IOException.class, () -> run.child.writeStdin("x".getBytes()));
    } finally {
      LibC.close(fd);
    }
  }

  @Test
  void userSwitchAsRootRunsWithTheAccountsIds() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LibC.geteuid() == 0, "needs root");
    UserAccount nobody = new NativeUserDatabase().byName("nobody").orElseThrow();
    ChildRun run = ChildRun.of("sh", "-c", "id -u; id -g; id -G").user(nobody).start(launcher);
    assertEquals(ExitStatus.exited(0), run.awaitExit());
    Set<Integer> groups = new TreeSet<>(nobody.groups());
    groups.add(nobody.gid());
    String[] lines = run.out.text().split("\n");
    assertEquals(Integer.toString(nobody.uid()), lines[0]);
    assertEquals(Integer.toString(nobody.gid()), lines[1]);
    assertEquals(groups, ints(lines[2]));
  }

  @Test
  void userWithoutPermissionToTheProgramFailsWithEacces() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(LibC.geteuid() == 0, "needs root");
    UserAccount nobody = new NativeUserDatabase().byName("nobody").orElseThrow();
    Path secret = Files.writeString(tmp.resolve("secret"), "#!/bin/sh\necho secret\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    ChildRun run = ChildRun.of(secret.toString()).user(nobody).start(launcher);
    assertEquals(ExitStatus.exited(127), run.awaitExit());
    assertEquals(
        "supervisor: couldn't exec "
            + secret
            + ": EACCES\n"
            + "supervisor: child process was not spawned\n",
        run.err.text());
  }

  private static Set<Integer> ints(String line) {
    Set<Integer> s = new TreeSet<>();
    Arrays.stream(line.trim().split(" ")).forEach(t -> s.add(Integer.parseInt(t)));
    return s;
  }

  private static Set<String> asEntries(Map<String, String> env) {
    Set<String> s = new TreeSet<>();
    env.forEach((k, v) -> s.add(k + "=" + v));
    return s;
  }

  private static Set<String> entries(String nulSeparated) {
    Set<String> s = new TreeSet<>(Arrays.asList(nulSeparated.split("\0")));
    s.remove("");
    return s;
  }
}
