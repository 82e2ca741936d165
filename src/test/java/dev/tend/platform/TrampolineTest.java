package dev.tend.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which requests need the trampoline, its command line, and the privilege rule. */
class TrampolineTest {
  private static final OutputSink NOWHERE =
      new OutputSink() {
        @Override
        public void onData(ByteBuffer data) {}

        @Override
        public void onEof() {}
      };
  private static final UserAccount NOBODY =
      new UserAccount(
          "nobody", 65534, 65534, "/nonexistent", "/usr/sbin/nologin", List.of(65534, 7));

  private static SpawnRequest request(
      @Nullable Path dir, @Nullable Integer umask, @Nullable UserAccount user) {
    return new SpawnRequest(
        Path.of("/usr/bin/prog"),
        List.of("prog", "a b", "it's"),
        Map.of("PWD", "/it's here"),
        dir,
        umask,
        user,
        -1,
        NOWHERE,
        null,
        (pid, status) -> {});
  }

  @Test
  void onlyUmaskUserOrAMissingDirectoryNeedIt() {
    assertFalse(Trampoline.needed(request(null, null, null), null, true));
    assertFalse(Trampoline.needed(request(Path.of("/tmp"), null, null), null, true));
    assertTrue(Trampoline.needed(request(Path.of("/nope"), null, null), null, false));
    assertTrue(Trampoline.needed(request(null, 022, null), null, true));
    assertTrue(Trampoline.needed(request(null, null, NOBODY), NOBODY, true));
  }

  @Test
  void commandLineDropsPrivilegesThenHandsThePartsToTheScript() {
    List<String> argv = Trampoline.argv(request(Path.of("/srv"), 02, NOBODY), NOBODY);
    assertEquals(
        List.of(
            "/usr/bin/setpriv",
            "--reuid=65534",
            "--regid=65534",
            "--groups=65534,7",
            "--",
            "/bin/bash",
            "-p",
            "-c"),
        argv.subList(0, 8));
    assertEquals(
        List.of("prog", "/usr/bin/prog", "/srv", "002", "a b", "it's"), argv.subList(9, 15));
    assertTrue(argv.get(8).contains("export PWD='/it'\\''s here'\n"), argv.get(8));
    assertTrue(argv.get(8).contains("unset OLDPWD\n"), argv.get(8));
  }

  @Test
  void withoutUserItIsBashAlone() {
    List<String> argv = Trampoline.argv(request(null, 022, null), null);
    assertEquals("/bin/bash", argv.get(0));
    assertEquals(List.of("prog", "/usr/bin/prog", "", "022", "a b", "it's"), argv.subList(4, 10));
  }

  @Test
  void bareProgramNamesAreMadeRelativeLikeExecve() {
    assertEquals("./prog", Trampoline.programPath("prog"));
    assertEquals("bin/prog", Trampoline.programPath("bin/prog"));
  }

  @Test
  void onlyRootMayDropPrivilegesAndTheSameUserNeedsNothing() throws SpawnException {
    assertNull(NativeProcessLauncher.privilegeTarget(null, 1000));
    assertNull(NativeProcessLauncher.privilegeTarget(NOBODY, 65534));
    assertSame(NOBODY, NativeProcessLauncher.privilegeTarget(NOBODY, 0));
    SpawnException e =
        assertThrows(
            SpawnException.class, () -> NativeProcessLauncher.privilegeTarget(NOBODY, 1000));
    assertEquals("Can't drop privilege as nonroot user", e.getMessage());
    assertEquals("EPERM", e.errnoName());
  }

  @Test
  void errnoNamesAreSupervisordsSpelling() {
    assertEquals("ENOENT", Errno.name(2));
    assertEquals("EDEADLOCK", Errno.name(35));
    assertEquals("ENOTSUP", Errno.name(95));
    assertEquals("41", Errno.name(41));
    assertEquals("999", Errno.name(999));
  }
}
